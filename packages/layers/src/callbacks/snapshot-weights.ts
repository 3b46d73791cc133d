import { keep, type Tensor, tensor, Variable } from '@tessera/core';
import type { TrainingModel } from '../models/callback';

/**
 * Independent copies of the model's weights. The values are copied out rather than kept as returned, because
 * `getWeights` may hand back views that share a buffer an in-place optimizer update would overwrite.
 */
export function snapshotWeights(model: TrainingModel): Tensor[] {
  const weights = model.getWeights();
  try {
    // keep: the copies outlive any scope the hook happens to run in.
    return weights.map((weight) => keep(tensor(weight.dataSync().slice(), weight.shape, weight.dtype)));
  } finally {
    // getWeights' results belong to the caller, except a model that returns its variables themselves.
    for (const weight of weights) if (!(weight instanceof Variable)) weight.dispose();
  }
}

export function disposeWeights(weights: readonly Tensor[] | undefined): void {
  if (weights !== undefined) for (const weight of weights) weight.dispose();
}
