import { mean, type Tensor } from '@tessera/core';
import { GlobalPooling2D, type GlobalPooling2DOptions } from './global-pooling2d';

/** The mean over height and width, per channel, of NHWC inputs. */
export class GlobalAveragePooling2D extends GlobalPooling2D {
  constructor(options: GlobalPooling2DOptions = {}) {
    super('global_average_pooling2d', 'GlobalAveragePooling2D', options);
  }

  get className(): string {
    return 'GlobalAveragePooling2D';
  }

  protected pool(input: Tensor, keepDims: boolean): Tensor {
    return mean(input, [1, 2], keepDims);
  }
}
