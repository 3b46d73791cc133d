import { type CompiledStep, compileStep, keep, type Tensor, type Variable, variableGrads } from '@tessera/core';
import type { CompiledModel } from './compile-model';
import { type StepModel, totalLoss } from './train-step';

/** What one compiled call returns: the loss, the model's outputs (for the metrics) and one gradient per weight. */
export interface CompiledStepResults {
  loss: Tensor;
  outputs: Tensor[];
  gradients: Record<string, Tensor>;
}

/**
 * The compiled forward-loss-gradient part of `fit`'s step (see core's `compileStep`), kept for one `fit` call. The
 * optimizer's update runs after it, eagerly, because its learning rate and bias corrections change every step (as
 * host numbers they would make every trace differ); for Adam and AdamW it is one fused kernel per weight anyway.
 * A new step is compiled when the set of trainable weights changes (a layer frozen by a callback).
 */
export class TrainStepCompiler {
  private step: CompiledStep<Tensor[], Tensor[]> | undefined;
  private weights: readonly Variable[] = [];

  constructor(
    private readonly model: StepModel,
    private readonly compiled: CompiledModel,
  ) {}

  run(inputs: readonly Tensor[], targets: readonly Tensor[], trainable: readonly Variable[]): CompiledStepResults {
    const step = this.stepFor(trainable, inputs.length);
    const results = step(...inputs, ...targets);
    const outputCount = results.length - 1 - trainable.length;
    const gradients: Record<string, Tensor> = {};
    trainable.forEach((weight, index) => {
      gradients[weight.name] = results[1 + outputCount + index];
    });
    return { loss: results[0], outputs: results.slice(1, 1 + outputCount), gradients };
  }

  /** How the step ran per input signature (compiled, or eager and why). */
  signatures() {
    return this.step?.signatures() ?? [];
  }

  dispose(): void {
    this.step?.dispose();
    this.step = undefined;
  }

  private stepFor(trainable: readonly Variable[], inputCount: number): CompiledStep<Tensor[], Tensor[]> {
    const same = trainable.length === this.weights.length && trainable.every((weight, i) => weight === this.weights[i]);
    if (this.step !== undefined && same) return this.step;
    this.dispose();
    this.weights = [...trainable];
    const { model, compiled } = this;
    const weights = this.weights;
    this.step = compileStep((...tensors: Tensor[]) => {
      const inputs = tensors.slice(0, inputCount);
      const targets = tensors.slice(inputCount);
      let outputs: Tensor[] = [];
      const { value, grads } = variableGrads(() => {
        const produced = model.applyToList(inputs, { training: true });
        // Kept past variableGrads's scope: they are returned, so compileStep hands them out as results.
        outputs = produced.map((output) => keep(output));
        return totalLoss(model, compiled, targets, produced, undefined, true);
      }, weights);
      return [value, ...outputs, ...weights.map((weight) => grads[weight.name])];
    });
    return this.step;
  }
}

/** The model's compiled step (made on first use), or undefined when it was compiled with `runEagerly`. */
export function trainStepCompilerOf(model: StepModel, compiled: CompiledModel): TrainStepCompiler | undefined {
  if (compiled.runEagerly) return undefined;
  compiled.trainStepCompiler ??= new TrainStepCompiler(model, compiled);
  return compiled.trainStepCompiler;
}
