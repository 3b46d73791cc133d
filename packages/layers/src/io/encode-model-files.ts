import type { Tensor } from '@tessera/core';
import { InvalidArgumentError } from '@tessera/core';
import { encodeSafetensors } from './encode-safetensors';
import { bytesPerElementOf } from './json-checks';
import { convertLittleEndianInPlace } from './little-endian';
import type { ModelArtifacts, NamedTensor } from './model-artifacts';
import {
  checkModelJson,
  DEFAULT_WEIGHTS_FILE,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelJson,
  OPTIMIZER_SLOT_PREFIX,
  type TensorSpec,
} from './model-json';
import type { StoredModelFiles } from './model-storage-handler';
import type { TensorBytes } from './tensor-bytes';

async function tensorBytesOf(name: string, tensor: Tensor): Promise<TensorBytes> {
  if (tensor.isDisposed) throw new InvalidArgumentError(`saveModelArtifacts: tensor '${name}' is disposed`);
  const values = await tensor.data();
  // data() returns a copy, so converting its bytes in place touches nothing the tensor owns.
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  convertLittleEndianInPlace(bytes, bytesPerElementOf(tensor.dtype));
  return { name, dtype: tensor.dtype, shape: [...tensor.shape], bytes };
}

function specOf(entry: NamedTensor): TensorSpec {
  return { name: entry.name, shape: [...entry.tensor.shape], dtype: entry.tensor.dtype };
}

/**
 * Turns artifacts into the bytes of model.json and weights.safetensors. The model.json object goes through the
 * same checks a loader runs, so a model that saves is a model that loads.
 */
export async function encodeModelFiles(artifacts: ModelArtifacts, generatedBy: string): Promise<StoredModelFiles> {
  const modelJson: ModelJson = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    generatedBy,
    modelTopology: artifacts.modelTopology,
    ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
    weightsFile: DEFAULT_WEIGHTS_FILE,
    weights: artifacts.weights.map(specOf),
  };
  if (artifacts.optimizer !== undefined) {
    const { name, config, iterations, slots } = artifacts.optimizer;
    modelJson.optimizer = { name, config, iterations, slots: slots.map(specOf) };
  }
  const modelJsonText = JSON.stringify(modelJson);
  try {
    checkModelJson(JSON.parse(modelJsonText), 'model.json');
  } catch (error) {
    throw new InvalidArgumentError(
      `saveModelArtifacts: the artifacts would not load back: ${(error as Error).message}`,
    );
  }
  const tensors: TensorBytes[] = [];
  for (const entry of artifacts.weights) tensors.push(await tensorBytesOf(entry.name, entry.tensor));
  for (const slot of artifacts.optimizer?.slots ?? []) {
    tensors.push(await tensorBytesOf(`${OPTIMIZER_SLOT_PREFIX}${slot.name}`, slot.tensor));
  }
  return {
    modelJson: new TextEncoder().encode(modelJsonText),
    weightsFile: DEFAULT_WEIGHTS_FILE,
    weights: encodeSafetensors(tensors, { format: 'pt' }),
  };
}
