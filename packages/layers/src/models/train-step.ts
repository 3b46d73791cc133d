import {
  add,
  InvalidArgumentError,
  keep,
  mul,
  scalar,
  type Tensor,
  tidy,
  type Variable,
  variableGrads,
} from '@tessera/core';
import type { CallOptions, Layer } from '../layer';
import { applyLoss } from './apply-loss';
import type { ClassGroup } from './class-weights';
import type { CompiledModel } from './compile-model';

/** What one training or evaluation step needs from a model. */
export interface StepModel {
  readonly name: string;
  readonly layers: readonly Layer[];
  readonly trainableWeights: Variable[];
  applyToList(inputs: readonly Tensor[], options: CallOptions): Tensor[];
  /** Creates any weights not built yet for inputs like these (their variables must exist before the tape starts). */
  ensureBuilt(inputs: readonly Tensor[]): void;
}

/** Sum of every output's loss times its weight, plus (when training) the layers' weight penalties. */
export function totalLoss(
  model: StepModel,
  compiled: CompiledModel,
  targets: readonly Tensor[],
  outputs: readonly Tensor[],
  classGroups: readonly ClassGroup[] | undefined,
  includePenalties: boolean,
): Tensor {
  let total: Tensor | undefined;
  outputs.forEach((output, position) => {
    const loss = applyLoss(compiled.losses[position], targets[position], output, classGroups);
    const weight = compiled.lossWeights[position];
    const weighted = weight === 1 ? loss : mul(loss, scalar(weight));
    total = total === undefined ? weighted : add(total, weighted);
  });
  if (includePenalties) {
    for (const layer of model.layers) {
      const penalty = layer.regularizationLoss();
      if (penalty !== undefined) total = add(total as Tensor, penalty);
    }
  }
  return total as Tensor;
}

/** Feeds a batch's outputs to every compiled metric. */
export function updateMetrics(compiled: CompiledModel, targets: readonly Tensor[], outputs: readonly Tensor[]): void {
  compiled.metrics.forEach((outputMetrics, position) => {
    for (const { metric } of outputMetrics) tidy(() => metric.update(targets[position], outputs[position]));
  });
}

/**
 * One optimizer step on one batch: forward with `training: true`, gradients of the total loss, the optimizer's
 * update, then the weight constraints. Returns the batch's loss (penalties included, as Keras reports it).
 */
export function trainStep(
  model: StepModel,
  compiled: CompiledModel,
  inputs: readonly Tensor[],
  targets: readonly Tensor[],
  classGroups: readonly ClassGroup[] | undefined,
): number {
  model.ensureBuilt(inputs);
  const trainable = model.trainableWeights;
  if (trainable.length === 0) throw new InvalidArgumentError(`fit: ${model.name} has no trainable weights`);
  return tidy(() => {
    let outputs: Tensor[] = [];
    const { value, grads } = variableGrads(() => {
      const produced = model.applyToList(inputs, { training: true });
      // Metrics reuse this forward pass; keep lets the outputs outlive variableGrads' scope.
      outputs = produced.map((output) => keep(output));
      return totalLoss(model, compiled, targets, produced, classGroups, true);
    }, trainable);
    try {
      compiled.optimizer.step(grads);
      for (const layer of model.layers) layer.applyConstraints();
      updateMetrics(compiled, targets, outputs);
      return value.dataSync()[0];
    } finally {
      for (const output of outputs) output.dispose();
    }
  });
}
