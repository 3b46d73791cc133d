import {
  cast,
  clipByValue,
  div,
  log,
  logSoftmax,
  mean,
  mul,
  neg,
  oneHot,
  reshape,
  ShapeError,
  sum,
  type Tensor,
  tidy,
} from '@tessera/core';
import { formatSymbolicShape } from '../util/shape-format';
import type { CrossentropyOptions } from './loss-function';
import { EPSILON } from './loss-function';

/** Flattens labels of shape [batch] or [batch, 1] to integer class indices, checking them against yPred. */
export function sparseLabels(yTrue: Tensor, yPred: Tensor, functionName: string): Tensor {
  const batchShape = yPred.shape.slice(0, -1);
  const plain = yTrue.rank === batchShape.length && batchShape.every((size, axis) => size === yTrue.shape[axis]);
  const withUnitAxis =
    yTrue.rank === yPred.rank &&
    yTrue.shape[yTrue.rank - 1] === 1 &&
    batchShape.every((size, axis) => size === yTrue.shape[axis]);
  if (yPred.rank < 1 || !(plain || withUnitAxis)) {
    throw new ShapeError(
      `${functionName}: yTrue must hold one class index per example (shape ${formatSymbolicShape(batchShape)} or ${formatSymbolicShape([...batchShape, 1])}), got yTrue=${formatSymbolicShape(yTrue.shape)} yPred=${formatSymbolicShape(yPred.shape)}`,
    );
  }
  const flat = reshape(yTrue, batchShape);
  return flat.dtype === 'int32' ? flat : cast(flat, 'int32');
}

/** Categorical cross-entropy with integer labels instead of one-hot rows. */
export function sparseCategoricalCrossentropy(yTrue: Tensor, yPred: Tensor, options: CrossentropyOptions = {}): Tensor {
  return tidy(() => {
    const labels = sparseLabels(yTrue, yPred, 'sparseCategoricalCrossentropy');
    const classes = yPred.shape[yPred.rank - 1];
    const logProbabilities = options.fromLogits
      ? logSoftmax(yPred, -1)
      : log(clipByValue(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
    const selected = sum(mul(oneHot(labels, classes, 1, 0, 'float32'), logProbabilities), -1);
    return neg(mean(selected));
  });
}
