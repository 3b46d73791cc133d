import { InvalidArgumentError, type Tensor, tensor } from '@tessera/core';
import { type NamedTensor, type SaveOptions, saveModelArtifacts } from '../io/model-artifacts';
import type { LayersModel } from './layers-model';

export interface SaveModelOptions extends SaveOptions {
  /** Also save the optimizer's state (moments, step count) so `fit` resumes exactly after `loadModel`. */
  includeOptimizer?: boolean;
}

/**
 * Optimizer slots are keyed `${variableName}/${slotName}`; files key them by the weight's saved name instead,
 * because variable names get suffixes when a second copy of a model is loaded in the same process.
 */
function savedSlotName(slotKey: string, savedNameByVariable: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  for (const variableName of savedNameByVariable.keys()) {
    if (slotKey.startsWith(`${variableName}/`) && (best === undefined || variableName.length > best.length)) {
      best = variableName;
    }
  }
  if (best === undefined) return undefined;
  return `${savedNameByVariable.get(best)}${slotKey.slice(best.length)}`;
}

/** Collects the model's architecture, training config, weights and (optionally) optimizer state and writes them. */
export async function saveModel(model: LayersModel, url: string, options: SaveModelOptions): Promise<unknown> {
  if (typeof url !== 'string') throw new InvalidArgumentError(`save: url must be a string, got ${typeof url}`);
  const namedWeights = model.namedWeights;
  const weights: NamedTensor[] = namedWeights.map(({ name, variable }) => ({ name, tensor: variable }));
  const slotTensors: Tensor[] = [];
  let optimizer:
    | { name: string; config: Record<string, number | boolean | string>; iterations: number; slots: NamedTensor[] }
    | undefined;
  try {
    if (options.includeOptimizer) {
      const source = model.optimizer;
      if (typeof source.getState !== 'function') {
        throw new InvalidArgumentError(
          'save: includeOptimizer needs an optimizer with getState() (any @tessera/optimizers optimizer)',
        );
      }
      const state = await source.getState();
      const savedNameByVariable = new Map(namedWeights.map(({ name, variable }) => [variable.name, name]));
      const slots: NamedTensor[] = [];
      for (const [key, slot] of Object.entries(state.slots)) {
        const name = savedSlotName(key, savedNameByVariable);
        // Slots of variables outside this model (an optimizer shared between models) are not this model's state.
        if (name === undefined) continue;
        const value = tensor(Float32Array.from(slot.values), slot.shape, 'float32');
        slotTensors.push(value);
        slots.push({ name, tensor: value });
      }
      optimizer = { name: state.name, config: state.config, iterations: state.iterations, slots };
    }
    return await saveModelArtifacts(
      url,
      {
        modelTopology: model.getTopology(),
        trainingConfig: model.trainingConfig,
        weights,
        optimizer,
      },
      options,
    );
  } finally {
    for (const slot of slotTensors) slot.dispose();
  }
}
