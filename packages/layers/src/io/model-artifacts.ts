import type { Tensor } from '@tessera/core';
import type { JsonValue } from '../util/json-value';
import { decodeModelFiles } from './decode-model-files';
import { encodeModelFiles } from './encode-model-files';
import { parseModelJson } from './model-json';
import { modelStorageHandlerFor } from './model-storage-registry';
import {
  DEFAULT_MAX_MODEL_JSON_BYTES,
  DEFAULT_MAX_WEIGHTS_BYTES,
  type LoadOptions,
  type SaveOptions,
  type SaveResult,
} from './storage-options';

export type { LoadOptions, SaveOptions, SaveResult } from './storage-options';

export interface NamedTensor {
  name: string;
  tensor: Tensor;
}

/** Everything a saved model holds below its architecture: the architecture JSON is opaque at this level. */
export interface ModelArtifacts {
  modelTopology: { [key: string]: JsonValue };
  trainingConfig?: { [key: string]: JsonValue };
  /** In order; names like 'dense_1/kernel'. */
  weights: NamedTensor[];
  optimizer?: {
    name: string;
    config: Record<string, number | boolean | string>;
    iterations: number;
    slots: NamedTensor[];
  };
}

/**
 * Saves artifacts as `model.json` + `weights.safetensors` wherever the URL's scheme says: `file://folder`,
 * `http(s)://` (multipart POST), `indexeddb://name`, or a scheme registered with registerModelStorageHandler.
 * The tensors are only read, never disposed.
 */
export async function saveModelArtifacts(
  url: string,
  artifacts: ModelArtifacts,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const handler = modelStorageHandlerFor(url, 'saveModelArtifacts');
  const files = await encodeModelFiles(artifacts, options.generatedBy ?? '@tessera/layers');
  await handler.save(url, files, options);
  return { url, modelJsonBytes: files.modelJson.length, weightsBytes: files.weights.length, dateSaved: new Date() };
}

/**
 * Loads artifacts saved by saveModelArtifacts, validating every byte of both files first: a corrupt or hostile
 * model throws a ModelFormatError naming the file and field. The caller owns (and must dispose) the tensors.
 */
export async function loadModelArtifacts(url: string, options: LoadOptions = {}): Promise<ModelArtifacts> {
  const handler = modelStorageHandlerFor(url, 'loadModelArtifacts');
  const resolved = {
    ...options,
    maxModelJsonBytes: options.maxModelJsonBytes ?? DEFAULT_MAX_MODEL_JSON_BYTES,
    maxWeightsBytes: options.maxWeightsBytes ?? DEFAULT_MAX_WEIGHTS_BYTES,
  };
  const reader = await handler.load(url, resolved);
  const modelJson = parseModelJson(reader.modelJson.bytes, reader.modelJson.location, resolved.maxModelJsonBytes);
  const weights = await reader.readWeights(modelJson.weightsFile);
  return decodeModelFiles(modelJson, weights.bytes, weights.location);
}
