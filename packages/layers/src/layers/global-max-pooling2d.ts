import { max, type Tensor } from '@tessera/core';
import { GlobalPooling2D, type GlobalPooling2DOptions } from './global-pooling2d';

/** The largest value over height and width, per channel, of NHWC inputs. */
export class GlobalMaxPooling2D extends GlobalPooling2D {
  constructor(options: GlobalPooling2DOptions = {}) {
    super('global_max_pooling2d', 'GlobalMaxPooling2D', options);
  }

  get className(): string {
    return 'GlobalMaxPooling2D';
  }

  protected pool(input: Tensor, keepDims: boolean): Tensor {
    return max(input, [1, 2], keepDims);
  }
}
