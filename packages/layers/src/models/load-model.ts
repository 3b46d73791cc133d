import { InvalidArgumentError, registeredVariables, ShapeError } from '@tessera/core';
import { createOptimizer, type OptimizerName, type OptimizerState } from '@tessera/optimizers';
import { type LoadOptions, loadModelArtifacts, type ModelArtifacts } from '../io/model-artifacts';
import { modelFromTopology } from '../serialization/model-from-topology';
import { withWeightBudget } from '../serialization/weight-budget';
import { formatSymbolicShape } from '../util/shape-format';
import type { CompileOptions } from './compile-model';
import type { LayersModel } from './layers-model';

export interface LoadModelOptions extends LoadOptions {
  /** Compile with the saved training config (default true when the file has one). */
  compile?: boolean;
}

const context = 'loadModel';

function restoreWeights(model: LayersModel, artifacts: ModelArtifacts): void {
  const saved = new Map(artifacts.weights.map((entry) => [entry.name, entry.tensor]));
  const expected = model.namedWeights;
  for (const { name, variable } of expected) {
    const value = saved.get(name);
    if (value === undefined) throw new InvalidArgumentError(`${context}: the weights file has no tensor '${name}'`);
    if (
      value.dtype !== variable.dtype ||
      value.shape.length !== variable.shape.length ||
      value.shape.some((size, axis) => size !== variable.shape[axis])
    ) {
      throw new ShapeError(
        `${context}: weight '${name}' is ${variable.dtype} ${formatSymbolicShape(variable.shape)} in the architecture, ${value.dtype} ${formatSymbolicShape(value.shape)} in the file`,
      );
    }
  }
  if (saved.size !== expected.length) {
    const known = new Set(expected.map(({ name }) => name));
    const extra = [...saved.keys()].filter((name) => !known.has(name));
    throw new InvalidArgumentError(
      `${context}: the weights file has tensors the architecture does not use: ${extra.join(', ')}`,
    );
  }
  for (const { name, variable } of expected)
    variable.assign(saved.get(name) as NonNullable<ReturnType<typeof saved.get>>);
}

function compileFromConfig(model: LayersModel, config: Record<string, unknown>): void {
  const optimizer = config.optimizer as { name?: unknown; config?: unknown } | undefined;
  if (typeof optimizer !== 'object' || optimizer === null || typeof optimizer.name !== 'string') {
    throw new InvalidArgumentError(`${context}: trainingConfig.optimizer must be { name, config }`);
  }
  model.compile({
    optimizer: createOptimizer(optimizer.name as OptimizerName, (optimizer.config ?? {}) as Record<string, never>),
    loss: config.loss as CompileOptions['loss'],
    metrics: (config.metrics ?? []) as CompileOptions['metrics'],
    lossWeights: config.lossWeights as number[] | undefined,
  });
}

async function restoreOptimizer(model: LayersModel, artifacts: ModelArtifacts): Promise<void> {
  const saved = artifacts.optimizer;
  if (saved === undefined || !model.isCompiled) return;
  const target = model.optimizer;
  if (typeof target.setState !== 'function') return;
  const variableNameBySaved = new Map(model.namedWeights.map(({ name, variable }) => [name, variable.name]));
  const slots: OptimizerState['slots'] = {};
  for (const slot of saved.slots) {
    const separator = slot.name.lastIndexOf('/');
    const variableName = variableNameBySaved.get(slot.name.slice(0, separator));
    if (separator < 0 || variableName === undefined) {
      throw new InvalidArgumentError(`${context}: optimizer slot '${slot.name}' belongs to no weight of the model`);
    }
    slots[`${variableName}${slot.name.slice(separator)}`] = {
      shape: [...slot.tensor.shape],
      values: Array.from((await slot.tensor.data()) as ArrayLike<number>),
    };
  }
  await target.setState({ name: saved.name, config: saved.config, iterations: saved.iterations, slots });
}

/**
 * Loads a model saved with `model.save(url)`: `file://folder`, `http(s)://.../model.json` or folder URL,
 * `indexeddb://name`. The architecture is rebuilt, the weights restored, and, when the file has a training
 * config, the model is compiled (and the optimizer state restored, if saved) so `fit` can continue.
 */
export async function loadModel(url: string, options: LoadModelOptions = {}): Promise<LayersModel> {
  const artifacts = await loadModelArtifacts(url, options);
  // A failure halfway through rebuilding leaves layers nobody can reach; their variables are freed here.
  const existingVariables = new Set(registeredVariables());
  let model: LayersModel | undefined;
  try {
    const totalElements = artifacts.weights.reduce((total, entry) => total + entry.tensor.size, 0);
    model = withWeightBudget(totalElements, () => modelFromTopology(artifacts.modelTopology));
    restoreWeights(model, artifacts);
    if (artifacts.trainingConfig !== undefined && options.compile !== false) {
      compileFromConfig(model, artifacts.trainingConfig);
      await restoreOptimizer(model, artifacts);
    }
    return model;
  } catch (error) {
    model?.dispose();
    for (const created of registeredVariables()) if (!existingVariables.has(created)) created.dispose();
    throw error;
  } finally {
    for (const entry of [...artifacts.weights, ...(artifacts.optimizer?.slots ?? [])]) entry.tensor.dispose();
  }
}
