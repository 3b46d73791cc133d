import { registeredVariables, tensor } from '@tessera/core';
import type { LoadOptions } from '../io/storage-options';
import type { LayersModel } from '../models/layers-model';
import { withWeightBudget } from '../serialization/weight-budget';
import { formatSymbolicShape } from '../util/shape-format';
import { type DecodedWeight, decodeTfjsWeights } from './decode-tfjs-weights';
import { modelFromKerasTopology } from './keras-topology';
import { readTfjsArtifacts, type TfjsModelArtifacts } from './read-tfjs-artifacts';
import { failTfjs, type TfjsLocation } from './tfjs-json-checks';

export type { TfjsModelArtifacts } from './read-tfjs-artifacts';
export type ImportTfjsModelOptions = LoadOptions;

/** Python Keras's converter may keep TensorFlow's `:0` output suffix on weight names. */
function normalizedName(name: string): string {
  return name.endsWith(':0') ? name.slice(0, -2) : name;
}

/** Finds the file's weight for a Tessera weight: `<layer>/<key>` exactly, else a unique `.../<layer>/<key>`. */
function findWeight(weights: Map<string, DecodedWeight>, wanted: string): string | undefined {
  if (weights.has(wanted)) return wanted;
  const matches = [...weights.keys()].filter((name) => name.endsWith(`/${wanted}`));
  return matches.length === 1 ? matches[0] : undefined;
}

function restoreWeights(location: TfjsLocation, model: LayersModel, decoded: Map<string, DecodedWeight>): void {
  const available = new Map<string, DecodedWeight>();
  for (const [name, weight] of decoded)
    if (weight.spec.group !== 'optimizer') available.set(normalizedName(name), weight);
  const plan = model.namedWeights.map(({ name, variable }) => {
    const found = findWeight(available, name);
    if (found === undefined) failTfjs(location, `the weights have no tensor for '${name}'`, 'TENSOR_MISMATCH');
    const weight = available.get(found) as DecodedWeight;
    const { shape, dtype } = weight.spec;
    if (
      dtype !== variable.dtype ||
      shape.length !== variable.shape.length ||
      shape.some((size, axis) => size !== variable.shape[axis])
    ) {
      failTfjs(
        location,
        `weight '${name}' is ${variable.dtype} ${formatSymbolicShape(variable.shape)} in the architecture, ${dtype} ${formatSymbolicShape(shape)} in the weights`,
        'TENSOR_MISMATCH',
      );
    }
    available.delete(found);
    return { variable, weight };
  });
  if (available.size > 0) {
    failTfjs(
      location,
      `the weights hold tensors no layer uses: ${[...available.keys()].join(', ')}`,
      'TENSOR_MISMATCH',
    );
  }
  // Assigned only once every weight matched, so a mismatch never leaves a half-loaded model behind.
  for (const { variable, weight } of plan) {
    const value = tensor(weight.values, weight.spec.shape, weight.spec.dtype);
    try {
      variable.assign(value);
    } finally {
      value.dispose();
    }
  }
}

/**
 * Imports a TensorFlow.js Layers model (`model.json` + `*.bin` shards, as `model.save` or the Keras converter
 * writes) as a Tessera Sequential or Model. `source` is a `file://` folder or model.json path, an `http(s)://`
 * URL of model.json, or tfjs `ModelArtifacts` such as `tf.io.withSaveHandler` receives.
 */
export async function importTfjsModel(
  source: string | TfjsModelArtifacts,
  options: ImportTfjsModelOptions = {},
): Promise<LayersModel> {
  const contents = await readTfjsArtifacts(source, options);
  const { location } = contents;
  const decoded = decodeTfjsWeights(location, contents.specs, contents.data);
  // A failure halfway through rebuilding leaves layers nobody can reach; their variables are freed here.
  const existingVariables = new Set(registeredVariables());
  let model: LayersModel | undefined;
  try {
    const totalElements = contents.specs.reduce((total, spec) => total + spec.elements, 0);
    model = withWeightBudget(
      totalElements,
      () => modelFromKerasTopology(location, contents.modelTopology),
      'importTfjsModel',
    );
    restoreWeights(location, model, decoded);
    return model;
  } catch (error) {
    model?.dispose();
    for (const created of registeredVariables()) if (!existingVariables.has(created)) created.dispose();
    throw error;
  }
}
