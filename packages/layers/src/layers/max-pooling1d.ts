import { Pooling1D, type Pooling1DOptions } from './pooling1d';

/** The largest value of each window of steps, per channel, over [batch, steps, channels] inputs. */
export class MaxPooling1D extends Pooling1D {
  constructor(options: Pooling1DOptions = {}) {
    super('max_pooling1d', 'MaxPooling1D', 'max', options);
  }

  get className(): string {
    return 'MaxPooling1D';
  }
}
