import type { DType } from '@tessera/core';
import type { Layer } from '../layer';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

let nextSymbolicId = 1;

/**
 * A placeholder for a tensor in a functional model's graph: it has a shape (batch axis `null`) but no values.
 * `input()` makes the graph's inputs; `layer.apply(symbolic)` makes the layer's output node. `Model` walks these
 * links back from its outputs to find the layers to run.
 */
export class SymbolicTensor {
  readonly id = nextSymbolicId++;
  readonly shape: SymbolicShape;
  readonly dtype: DType;
  /** The layer that produces this tensor; undefined for a model input. */
  readonly sourceLayer: Layer | undefined;
  /** The tensors `sourceLayer` was applied to, in order. */
  readonly inputs: readonly SymbolicTensor[];
  readonly name: string;

  constructor(
    shape: SymbolicShape,
    dtype: DType,
    sourceLayer: Layer | undefined,
    inputs: readonly SymbolicTensor[],
    name: string,
  ) {
    this.shape = [...shape];
    this.dtype = dtype;
    this.sourceLayer = sourceLayer;
    this.inputs = [...inputs];
    this.name = name;
  }

  get rank(): number {
    return this.shape.length;
  }

  toString(): string {
    return `SymbolicTensor(${this.name}, ${formatSymbolicShape(this.shape)}, ${this.dtype})`;
  }
}

export function isSymbolicTensor(value: unknown): value is SymbolicTensor {
  return value instanceof SymbolicTensor;
}
