import { avgPool2d, ShapeError, type Tensor } from '@tessera/core';
import type { CallOptions } from '../layer';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { assertDataFormat, type DataFormat } from './data-format-option';
import { Pooling2D, type Pooling2DOptions } from './pooling2d';

export interface AveragePooling2DOptions extends Pooling2DOptions {
  /** 'valid' (default) or 'same'; with 'same', edge windows average only the values inside the input. */
  padding?: 'valid' | 'same';
}

/** The mean of each window, per channel, over NHWC inputs. */
export class AveragePooling2D extends Pooling2D {
  readonly dataFormat: DataFormat;

  constructor(options: AveragePooling2DOptions = {}) {
    super('average_pooling2d', 'AveragePooling2D', options);
    this.dataFormat = assertDataFormat(options.dataFormat, 'AveragePooling2D');
  }

  get className(): string {
    return 'AveragePooling2D';
  }

  /** Checks the input shape once, when the layer is first applied. */
  override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const shape = this.pooledShape(inputShape);
    const [, height, width] = shape;
    if ((height !== null && height < 1) || (width !== null && width < 1)) {
      throw new ShapeError(
        `AveragePooling2D (${this.name}): poolSize ${JSON.stringify(this.poolSize)} with padding 'valid' does not fit input ${formatSymbolicShape(inputShape)}`,
      );
    }
    return shape;
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return avgPool2d(input, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }
}
