import { Pooling1D, type Pooling1DOptions } from './pooling1d';

/** The mean of each window of steps, per channel, over [batch, steps, channels] inputs. */
export class AveragePooling1D extends Pooling1D {
  constructor(options: Pooling1DOptions = {}) {
    super('average_pooling1d', 'AveragePooling1D', 'average', options);
  }

  get className(): string {
    return 'AveragePooling1D';
  }
}
