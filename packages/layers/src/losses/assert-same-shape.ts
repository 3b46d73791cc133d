import { ShapeError, type Tensor } from '@tessera/core';
import { formatSymbolicShape } from '../util/shape-format';

export function assertSameShape(yTrue: Tensor, yPred: Tensor, lossName: string): void {
  const same = yTrue.rank === yPred.rank && yTrue.shape.every((size, axis) => size === yPred.shape[axis]);
  if (!same) {
    throw new ShapeError(
      `${lossName}: yTrue and yPred must have the same shape, got yTrue=${formatSymbolicShape(yTrue.shape)} yPred=${formatSymbolicShape(yPred.shape)}`,
    );
  }
}
