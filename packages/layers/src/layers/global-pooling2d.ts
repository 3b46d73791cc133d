import { ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { assertDataFormat, type DataFormat } from './data-format-option';

export interface GlobalPooling2DOptions extends LayerOptions {
  /** Only 'channelsLast' (the default). */
  dataFormat?: DataFormat;
  /** Keep the pooled height and width as axes of size 1: [batch, 1, 1, channels] (default false). */
  keepDims?: boolean;
}

/** Reduces the height and width of NHWC inputs to one value per channel; subclasses choose the reduction. */
export abstract class GlobalPooling2D extends Layer {
  readonly dataFormat: DataFormat;
  readonly keepDims: boolean;

  /** `context` is the Keras class name, used in errors (the class name getter is not usable here yet). */
  constructor(kind: string, context: string, options: GlobalPooling2DOptions) {
    super(kind, options);
    this.dataFormat = assertDataFormat(options.dataFormat, context);
    this.keepDims = options.keepDims ?? false;
  }

  /** Reduces axes 1 and 2 of a rank-4 input. */
  protected abstract pool(input: Tensor, keepDims: boolean): Tensor;

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), dataFormat: this.dataFormat, keepDims: this.keepDims };
  }

  /** Checks the input shape once, when the layer is first applied. */
  override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length !== 4) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected input [batch, height, width, channels], got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return this.keepDims ? [inputShape[0], 1, 1, inputShape[3]] : [inputShape[0], inputShape[3]];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return this.pool(input, this.keepDims);
  }
}
