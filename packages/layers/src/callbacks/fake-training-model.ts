import { reshape, type Tensor, tensor, type Variable, variable } from '@tessera/core';
import type { TrainingModel } from '../models/callback';
import type { OptimizerLike } from '../models/resolve-optimizer';

/** A TrainingModel for callback tests: a few real variables, an optimizer with a learning rate, a recording save. */
export interface FakeTrainingModel extends TrainingModel {
  readonly variables: Variable[];
  readonly optimizer: OptimizerLike;
  readonly savedUrls: string[];
  readonly saveOptions: ({ includeOptimizer?: boolean } | undefined)[];
  /** Overwrites every weight with `value`, as a training step would. */
  fillWeights(value: number): void;
  dispose(): void;
}

let modelCount = 0;

/** Test support only (not exported from the package). */
export function createFakeTrainingModel(learningRate: OptimizerLike['learningRate'] = 0.01): FakeTrainingModel {
  modelCount += 1;
  const prefix = `fake_model_${modelCount}`;
  const variables = [
    variable(
      [
        [1, 2],
        [3, 4],
      ],
      { name: `${prefix}/kernel` },
    ),
    variable([5, 6], { name: `${prefix}/bias` }),
  ];
  const savedUrls: string[] = [];
  const saveOptions: ({ includeOptimizer?: boolean } | undefined)[] = [];
  return {
    name: prefix,
    stopTraining: false,
    variables,
    optimizer: { step() {}, learningRate },
    savedUrls,
    saveOptions,
    // Like Layer.getWeights: fresh tensors the caller owns, not the variables themselves.
    getWeights: (): Tensor[] => variables.map((weight) => reshape(weight, weight.shape)),
    setWeights(values: readonly Tensor[]) {
      values.forEach((value, index) => {
        variables[index].assign(value);
      });
    },
    fillWeights(value: number) {
      for (const weight of variables) {
        const replacement = tensor(new Float32Array(weight.size).fill(value), weight.shape);
        weight.assign(replacement);
        replacement.dispose();
      }
    },
    async save(url: string, options?: { includeOptimizer?: boolean }) {
      savedUrls.push(url);
      saveOptions.push(options);
      return { url };
    },
    dispose() {
      for (const weight of variables) weight.dispose();
    },
  };
}
