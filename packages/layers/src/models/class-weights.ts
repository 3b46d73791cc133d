import { argMax, cast, InvalidArgumentError, reshape, ShapeError, type Tensor, tensor } from '@tessera/core';
import { formatSymbolicShape } from '../util/shape-format';

/** Weight per class index: `{ 0: 1, 1: 5 }` or `[1, 5]`. */
export type ClassWeight = Readonly<Record<number, number>> | readonly number[];

/** Validates `classWeight` and returns a dense weight list (missing classes weigh 1, as in Keras). */
export function denseClassWeights(classWeight: ClassWeight, context: string): number[] {
  const entries = Array.isArray(classWeight)
    ? classWeight.map((weight, classIndex): [string, number] => [String(classIndex), weight])
    : Object.entries(classWeight ?? {});
  if (typeof classWeight !== 'object' || classWeight === null || entries.length === 0) {
    throw new InvalidArgumentError(
      `${context}: classWeight must map class indices to weights, got ${String(classWeight)}`,
    );
  }
  const weights: number[] = [];
  for (const [key, weight] of entries) {
    const classIndex = Number(key);
    if (!Number.isInteger(classIndex) || classIndex < 0) {
      throw new InvalidArgumentError(`${context}: classWeight keys must be class indices >= 0, got '${key}'`);
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new InvalidArgumentError(
        `${context}: classWeight[${key}] must be a finite number >= 0, got ${String(weight)}`,
      );
    }
    while (weights.length <= classIndex) weights.push(1);
    weights[classIndex] = weight;
  }
  return weights;
}

/** The rows of one class in a batch and the factor its mean loss gets: weight · rows / batch size. */
export interface ClassGroup {
  rows: Tensor;
  scale: number;
}

/**
 * Splits a batch by the class of each target (the value itself for sparse labels of shape [batch] or [batch, 1],
 * the arg-max for one-hot rows). Since every loss is a mean over examples, the class-weighted loss
 * Σᵢ w(classᵢ)·Lᵢ / N equals Σ_c w_c · (n_c / N) · mean-loss over class c — so any loss, custom ones included,
 * can be weighted without per-example loss values.
 */
export async function classGroupsFor(
  targets: Tensor,
  weights: readonly number[],
  context: string,
): Promise<ClassGroup[]> {
  const sparse = targets.rank === 1 || (targets.rank === 2 && targets.shape[1] === 1);
  if (!sparse && targets.rank !== 2) {
    throw new ShapeError(
      `${context}: classWeight needs targets of shape [batch], [batch, 1] or one-hot [batch, classes], got ${formatSymbolicShape(targets.shape)}`,
    );
  }
  const classTensor = sparse ? cast(reshape(targets, [-1]), 'int32') : argMax(targets, -1);
  let classes: number[];
  try {
    classes = Array.from((await classTensor.data()) as ArrayLike<number>);
  } finally {
    classTensor.dispose();
  }
  const rowsByClass = new Map<number, number[]>();
  classes.forEach((classIndex, row) => {
    if (!Number.isInteger(classIndex) || classIndex < 0) {
      throw new InvalidArgumentError(`${context}: classWeight needs class indices >= 0 in y, got ${classIndex}`);
    }
    rowsByClass.set(classIndex, [...(rowsByClass.get(classIndex) ?? []), row]);
  });
  const total = classes.length;
  return [...rowsByClass.entries()].map(([classIndex, rows]) => ({
    // Classes beyond the listed ones weigh 1, as in Keras.
    rows: tensor(Int32Array.from(rows), [rows.length], 'int32'),
    scale: ((classIndex < weights.length ? weights[classIndex] : 1) * rows.length) / total,
  }));
}
