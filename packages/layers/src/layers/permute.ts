import { InvalidArgumentError, ShapeError, type Tensor, transpose } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface PermuteOptions extends LayerOptions {
  /** A permutation of 1..rank−1 (1-based, the batch axis excluded), as in Keras: [2, 1] swaps the two axes. */
  dims: number[];
}

/** Reorders the non-batch axes of each example. */
export class Permute extends Layer {
  readonly dims: readonly number[];

  constructor(options: PermuteOptions) {
    super('permute', options);
    const dims = options?.dims;
    const sorted = Array.isArray(dims) ? [...dims].sort((first, second) => first - second) : [];
    const valid = sorted.length > 0 && sorted.every((value, position) => value === position + 1);
    if (!valid) {
      throw new InvalidArgumentError(
        `Permute: dims must be a permutation of 1..n (1-based, without the batch axis), got ${JSON.stringify(dims)}`,
      );
    }
    this.dims = [...dims];
  }

  get className(): string {
    return 'Permute';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), dims: [...this.dims] };
  }

  /** Checks the input shape once, when the layer is first applied. */
  override build(inputShape: SymbolicShape): void {
    this.computeOutputShape(inputShape);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    if (inputShape.length !== this.dims.length + 1) {
      throw new ShapeError(
        `Permute (${this.name}): dims ${JSON.stringify(this.dims)} need input of rank ${this.dims.length + 1}, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [inputShape[0], ...this.dims.map((axis) => inputShape[axis])];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return transpose(input, [0, ...this.dims]);
  }
}
