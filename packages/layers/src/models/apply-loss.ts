import { add, gather, mul, type Tensor } from '@tessera/core';
import type { LossFunction } from '../losses/loss-function';
import type { ClassGroup } from './class-weights';

/** Calls a loss, class-weighted when `classGroups` is given (see `classGroupsFor` for why this is exact). */
export function applyLoss(
  loss: LossFunction,
  yTrue: Tensor,
  yPred: Tensor,
  classGroups: readonly ClassGroup[] | undefined,
): Tensor {
  if (classGroups === undefined) return loss(yTrue, yPred);
  return classGroups
    .map(({ rows, scale }) => mul(loss(gather(yTrue, rows, 0), gather(yPred, rows, 0)), scale))
    .reduce((total, part) => add(total, part));
}
