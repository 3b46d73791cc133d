import { ShapeError } from '@tessera/core';
import type { SymbolicShape } from '../util/shape-format';
import { MergeLayer, sharedSize } from './merge-layer';

/** A merge of inputs of one shape (batch axis aside) into that same shape: Add, Multiply. */
export abstract class ElementwiseMergeLayer extends MergeLayer {
  protected validateShapes(inputShapes: readonly SymbolicShape[]): void {
    const rank = inputShapes[0].length;
    const sameRank = inputShapes.every((shape) => shape.length === rank);
    const sameSizes =
      sameRank &&
      Array.from({ length: rank }, (_, axis) => axis).every(
        (axis) => axis === 0 || sharedSize(inputShapes.map((shape) => shape[axis])) !== 'conflict',
      );
    if (!sameSizes) {
      throw new ShapeError(
        `${this.className} (${this.name}): inputs must have the same shape (batch axis aside), got ${this.describeShapes(inputShapes)}`,
      );
    }
  }

  protected mergedShape(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    return inputShapes[0].map((_, axis) => sharedSize(inputShapes.map((shape) => shape[axis])) as number | null);
  }
}
