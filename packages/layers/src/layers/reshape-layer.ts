import { InvalidArgumentError, reshape, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface ReshapeOptions extends LayerOptions {
  /** The shape of one example; one entry may be -1 to be inferred. */
  targetShape: readonly number[];
}

/** Reshapes every example to `targetShape`, keeping the batch axis. */
export class Reshape extends Layer {
  readonly targetShape: readonly number[];

  constructor(options: ReshapeOptions) {
    super('reshape', options);
    const target = options?.targetShape;
    const valid =
      Array.isArray(target) &&
      target.every((size) => Number.isInteger(size) && (size > 0 || size === -1)) &&
      target.filter((size) => size === -1).length <= 1;
    if (!valid) {
      throw new InvalidArgumentError(
        `Reshape: targetShape must be positive integers with at most one -1, got ${JSON.stringify(target)}`,
      );
    }
    this.targetShape = [...target];
  }

  get className(): string {
    return 'Reshape';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const rest = inputShape.slice(1);
    if (rest.some((size) => size === null)) return [inputShape[0], ...this.targetShape];
    const total = (rest as number[]).reduce((product, size) => product * size, 1);
    const known = this.targetShape.reduce((product, size) => (size === -1 ? product : product * size), 1);
    const inferred = this.targetShape.map((size) => (size === -1 ? total / known : size));
    if (!inferred.every(Number.isInteger) || inferred.reduce((product, size) => product * size, 1) !== total) {
      throw new ShapeError(
        `Reshape (${this.name}): cannot reshape examples of shape ${formatSymbolicShape(rest)} to ${formatSymbolicShape(this.targetShape)}`,
      );
    }
    return [inputShape[0], ...inferred];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const outputShape = this.computeOutputShape(input.shape);
    return reshape(input, [input.shape[0], ...(outputShape.slice(1) as number[])]);
  }
}
