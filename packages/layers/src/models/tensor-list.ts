import { InvalidArgumentError, ShapeError, Tensor } from '@tessera/core';
import { formatSymbolicShape } from '../util/shape-format';

/** Model inputs and targets: one tensor, or one per model input/output in order. */
export type TensorOrList = Tensor | readonly Tensor[];

/** Normalizes x or y to a list, checking each entry is a live tensor with a batch axis. */
export function toTensorList(value: TensorOrList, what: string, context: string): Tensor[] {
  const list = Array.isArray(value) ? [...value] : [value as Tensor];
  if (list.length === 0) throw new InvalidArgumentError(`${context}: ${what} is an empty list`);
  list.forEach((entry, position) => {
    if (!(entry instanceof Tensor)) {
      throw new InvalidArgumentError(`${context}: ${what}[${position}] must be a Tensor, got ${typeof entry}`);
    }
    if (entry.isDisposed) throw new InvalidArgumentError(`${context}: ${what}[${position}] is disposed`);
    if (entry.rank < 1) {
      throw new ShapeError(
        `${context}: ${what}[${position}] needs a batch axis, got shape ${formatSymbolicShape(entry.shape)}`,
      );
    }
  });
  return list;
}

/** The shared number of examples on axis 0 of every tensor given. */
export function countExamples(tensors: readonly Tensor[], context: string): number {
  const count = tensors[0].shape[0];
  const mismatch = tensors.find((entry) => entry.shape[0] !== count);
  if (mismatch !== undefined) {
    throw new ShapeError(
      `${context}: every input and target must have the same number of examples on axis 0, got ${tensors.map((entry) => formatSymbolicShape(entry.shape)).join(' ')}`,
    );
  }
  return count;
}

/** Checks a list has exactly the count the model expects. */
export function assertListLength(list: readonly Tensor[], expected: number, what: string, context: string): void {
  if (list.length !== expected) {
    throw new InvalidArgumentError(`${context}: the model has ${expected} ${what}, got ${list.length} tensors`);
  }
}
