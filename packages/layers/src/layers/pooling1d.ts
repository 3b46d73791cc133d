import { avgPool2d, InvalidArgumentError, maxPool2d, reshape, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { assertPadding, windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { assertDataFormat, type DataFormat } from './data-format-option';

export interface Pooling1DOptions extends LayerOptions {
  /** Window length (default 2); `[n]` is accepted as Keras serializes it. */
  poolSize?: number | [number];
  /** Defaults to poolSize: non-overlapping windows, as in Keras. */
  strides?: number | [number];
  padding?: 'valid' | 'same';
  /** Only 'channelsLast' (the default). */
  dataFormat?: DataFormat;
}

function positiveLength(value: unknown, context: string, option: string): number {
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof single !== 'number' || !Number.isInteger(single) || single < 1) {
    throw new InvalidArgumentError(`${context}: ${option} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return single;
}

/**
 * Windows over the steps of [batch, steps, channels] inputs. It runs the 2-D pool on a [batch, 1, steps, channels]
 * view with a 1 × poolSize window, so both kinds share the 2-D kernels and their gradients.
 */
export abstract class Pooling1D extends Layer {
  readonly poolSize: number;
  readonly strides: number;
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;
  private readonly reduction: 'max' | 'average';

  /** `context` is the Keras class name, used in errors (the class name getter is not usable here yet). */
  constructor(kind: string, context: string, reduction: 'max' | 'average', options: Pooling1DOptions) {
    super(kind, options);
    this.reduction = reduction;
    this.poolSize = positiveLength(options.poolSize ?? 2, context, 'poolSize');
    this.strides = positiveLength(options.strides ?? this.poolSize, context, 'strides');
    const padding = options.padding ?? 'valid';
    assertPadding(padding, context);
    this.padding = padding;
    this.dataFormat = assertDataFormat(options.dataFormat, context);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      poolSize: this.poolSize,
      strides: this.strides,
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
    if (inputShape.length !== 3) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected input [batch, steps, channels], got ${formatSymbolicShape(inputShape)}`,
      );
    }
    const steps = windowOutputLength(inputShape[1], this.poolSize, this.strides, this.padding);
    if (steps !== null && steps < 1) {
      throw new ShapeError(
        `${this.className} (${this.name}): poolSize ${this.poolSize} with padding 'valid' does not fit input ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [inputShape[0], steps, inputShape[2]];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const [batch, steps, channels] = input.shape;
    const view = reshape(input, [batch, 1, steps, channels]);
    const options = {
      poolSize: [1, this.poolSize] as [number, number],
      strides: [1, this.strides] as [number, number],
      padding: this.padding,
    };
    const pooled = this.reduction === 'max' ? maxPool2d(view, options) : avgPool2d(view, options);
    return reshape(pooled, [batch, pooled.shape[2], channels]);
  }
}
