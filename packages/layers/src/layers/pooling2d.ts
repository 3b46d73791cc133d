import { ShapeError } from '@tessera/core';
import { Layer, type LayerOptions } from '../layer';
import { assertPadding, normalizePair, windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import type { DataFormat } from './data-format-option';

/** The window options MaxPool2D and AveragePooling2D share. */
export interface Pooling2DOptions extends LayerOptions {
  /** Default 2. */
  poolSize?: number | [number, number];
  /** Defaults to poolSize: non-overlapping windows, as in Keras. */
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  /** Only 'channelsLast' (the default) is implemented. */
  dataFormat?: DataFormat;
}

/**
 * A 2-D pooling window over NHWC inputs: poolSize, strides and padding, their config, and the pooled shape.
 * Subclasses check `dataFormat` (each says it in its own words) and pool in `call`.
 */
export abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  /** The name errors give the layer (the class name getter is not usable in the constructor). */
  private readonly context: string;

  constructor(kind: string, context: string, options: Pooling2DOptions) {
    super(kind, options);
    this.context = context;
    this.poolSize = normalizePair(options.poolSize ?? 2, context, 'poolSize');
    this.strides = normalizePair(options.strides ?? this.poolSize, context, 'strides');
    const padding = options.padding ?? 'valid';
    assertPadding(padding, context);
    this.padding = padding;
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

  /** Checks `shape` is [batch, height, width, channels], naming the layer as `context` does. */
  protected assertRank4(shape: SymbolicShape): void {
    if (shape.length !== 4) {
      throw new ShapeError(
        `${this.context} (${this.name}): expected input [batch, height, width, channels], got ${formatSymbolicShape(shape)}`,
      );
    }
  }

  /** [batch, pooled height, pooled width, channels]; a window wider than a 'valid' input gives lengths below 1. */
  protected pooledShape(inputShape: SymbolicShape): SymbolicShape {
    this.assertRank4(inputShape);
    return [
      inputShape[0],
      windowOutputLength(inputShape[1], this.poolSize[0], this.strides[0], this.padding),
      windowOutputLength(inputShape[2], this.poolSize[1], this.strides[1], this.padding),
      inputShape[3],
    ];
  }
}
