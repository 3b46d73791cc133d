import { keep, type Tensor, Variable } from '@tessera/core';
import type { TrainingModel } from '../models/callback';

/**
 * Independent copies of the model's weights. Buffers are immutable (an optimizer step gives a variable a new
 * buffer), so a clone sharing the current buffer is a true snapshot, and nothing has to be read back: this works
 * on backends without synchronous reads too.
 */
export function snapshotWeights(model: TrainingModel): Tensor[] {
  const weights = model.getWeights();
  try {
    // keep: the copies outlive any scope the hook happens to run in.
    return weights.map((weight) => keep(weight.clone()));
  } finally {
    // getWeights' results belong to the caller, except a model that returns its variables themselves.
    for (const weight of weights) if (!(weight instanceof Variable)) weight.dispose();
  }
}

export function disposeWeights(weights: readonly Tensor[] | undefined): void {
  if (weights !== undefined) for (const weight of weights) weight.dispose();
}
