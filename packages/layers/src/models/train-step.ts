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
import type { TrainStepCompiler } from './train-step-compiler';

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

/** Feeds a batch's outputs to every compiled metric (awaiting metrics that read values back). */
export async function updateMetrics(
  compiled: CompiledModel,
  targets: readonly Tensor[],
  outputs: readonly Tensor[],
): Promise<void> {
  for (let position = 0; position < compiled.metrics.length; position++) {
    for (const { metric } of compiled.metrics[position]) await metric.update(targets[position], outputs[position]);
  }
}

/**
 * One optimizer step on one batch: forward with `training: true`, gradients of the total loss, the optimizer's
 * update, then the weight constraints. Returns the batch's loss (penalties included, as Keras reports it). Values
 * are read back with `await data()`, so backends without synchronous reads (WebGPU) train too. With a `compiler`
 * the forward, loss and gradients run as a compiled step (class weights need the eager path: their per-batch
 * row groups are host data).
 */
export async function trainStep(
  model: StepModel,
  compiled: CompiledModel,
  inputs: readonly Tensor[],
  targets: readonly Tensor[],
  classGroups: readonly ClassGroup[] | undefined,
  compiler?: TrainStepCompiler,
): Promise<number> {
  model.ensureBuilt(inputs);
  const trainable = model.trainableWeights;
  if (trainable.length === 0) throw new InvalidArgumentError(`fit: ${model.name} has no trainable weights`);
  let outputs: Tensor[] = [];
  if (compiler !== undefined && classGroups === undefined) {
    const loss = tidy(() => {
      const results = compiler.run(inputs, targets, trainable);
      outputs = results.outputs.map((output) => keep(output));
      compiled.optimizer.step(results.gradients);
      for (const layer of model.layers) layer.applyConstraints();
      return results.loss;
    });
    return readLossAndUpdateMetrics(compiled, targets, outputs, loss);
  }
  // The step runs in a scope; the loss and the outputs (which the metrics reuse) are kept past it and read after.
  const loss = tidy(() => {
    const { value, grads } = variableGrads(() => {
      const produced = model.applyToList(inputs, { training: true });
      outputs = produced.map((output) => keep(output));
      return totalLoss(model, compiled, targets, produced, classGroups, true);
    }, trainable);
    compiled.optimizer.step(grads);
    for (const layer of model.layers) layer.applyConstraints();
    return value;
  });
  return readLossAndUpdateMetrics(compiled, targets, outputs, loss);
}

async function readLossAndUpdateMetrics(
  compiled: CompiledModel,
  targets: readonly Tensor[],
  outputs: readonly Tensor[],
  loss: Tensor,
): Promise<number> {
  try {
    await updateMetrics(compiled, targets, outputs);
    return (await loss.data())[0] as number;
  } finally {
    loss.dispose();
    for (const output of outputs) output.dispose();
  }
}
