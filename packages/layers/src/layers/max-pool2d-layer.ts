import { maxPool2d, type Tensor } from '@tessera/core';
import type { CallOptions } from '../layer';
import { assertChannelsLast } from '../util/conv-utils';
import type { SymbolicShape } from '../util/shape-format';
import { Pooling2D, type Pooling2DOptions } from './pooling2d';

export type MaxPool2DOptions = Pooling2DOptions;

/** The largest value of each window, per channel, over NHWC inputs. */
export class MaxPool2D extends Pooling2D {
  constructor(options: MaxPool2DOptions = {}) {
    super('max_pooling2d', 'MaxPool2D', options);
    assertChannelsLast(options.dataFormat, 'MaxPool2D');
  }

  get className(): string {
    return 'MaxPooling2D';
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return this.pooledShape(inputShape);
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    this.assertRank4(input.shape);
    return maxPool2d(input, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}
