import { avgPool2d, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { assertPadding, normalizePair, windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { assertDataFormat, type DataFormat } from './data-format-option';

export interface AveragePooling2DOptions extends LayerOptions {
  /** Default 2. */
  poolSize?: number | [number, number];
  /** Defaults to poolSize: non-overlapping windows, as in Keras. */
  strides?: number | [number, number];
  /** 'valid' (default) or 'same'; with 'same', edge windows average only the values inside the input. */
  padding?: 'valid' | 'same';
  /** Only 'channelsLast' (the default). */
  dataFormat?: DataFormat;
}

/** The mean of each window, per channel, over NHWC inputs. */
export class AveragePooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(options: AveragePooling2DOptions = {}) {
    super('average_pooling2d', options);
    this.poolSize = normalizePair(options.poolSize ?? 2, 'AveragePooling2D', 'poolSize');
    this.strides = normalizePair(options.strides ?? this.poolSize, 'AveragePooling2D', 'strides');
    const padding = options.padding ?? 'valid';
    assertPadding(padding, 'AveragePooling2D');
    this.padding = padding;
    this.dataFormat = assertDataFormat(options.dataFormat, 'AveragePooling2D');
  }

  get className(): string {
    return 'AveragePooling2D';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      poolSize: [...this.poolSize],
      strides: [...this.strides],
      padding: this.padding,
      dataFormat: this.dataFormat,
    };
  }

  /** Checks the input shape once, when the layer is first applied. */
  override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length !== 4) {
      throw new ShapeError(
        `AveragePooling2D (${this.name}): expected input [batch, height, width, channels], got ${formatSymbolicShape(inputShape)}`,
      );
    }
    const height = windowOutputLength(inputShape[1], this.poolSize[0], this.strides[0], this.padding);
    const width = windowOutputLength(inputShape[2], this.poolSize[1], this.strides[1], this.padding);
    if ((height !== null && height < 1) || (width !== null && width < 1)) {
      throw new ShapeError(
        `AveragePooling2D (${this.name}): poolSize ${JSON.stringify(this.poolSize)} with padding 'valid' does not fit input ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [inputShape[0], height, width, inputShape[3]];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return avgPool2d(input, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}
