import { maxPool2d, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { assertChannelsLast, assertPadding, normalizePair, windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface MaxPool2DOptions extends LayerOptions {
  /** Default 2. */
  poolSize?: number | [number, number];
  /** Defaults to poolSize: non-overlapping windows, as in Keras. */
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  /** Only 'channelsLast' (the default) is implemented. */
  dataFormat?: 'channelsLast';
}

/** The largest value of each window, per channel, over NHWC inputs. */
export class MaxPool2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';

  constructor(options: MaxPool2DOptions = {}) {
    super('max_pooling2d', options);
    this.poolSize = normalizePair(options.poolSize ?? 2, 'MaxPool2D', 'poolSize');
    this.strides = normalizePair(options.strides ?? this.poolSize, 'MaxPool2D', 'strides');
    const padding = options.padding ?? 'valid';
    assertPadding(padding, 'MaxPool2D');
    this.padding = padding;
    assertChannelsLast(options.dataFormat, 'MaxPool2D');
  }

  get className(): string {
    return 'MaxPooling2D';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
      dataFormat: 'channelsLast',
    };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length !== 4) {
      throw new ShapeError(
        `MaxPool2D (${this.name}): expected input [batch, height, width, channels], got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [
      inputShape[0],
      windowOutputLength(inputShape[1], this.poolSize[0], this.strides[0], this.padding),
      windowOutputLength(inputShape[2], this.poolSize[1], this.strides[1], this.padding),
      inputShape[3],
    ];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    if (input.rank !== 4) {
      throw new ShapeError(
        `MaxPool2D (${this.name}): expected input [batch, height, width, channels], got ${formatSymbolicShape(input.shape)}`,
      );
    }
    return maxPool2d(input, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}
