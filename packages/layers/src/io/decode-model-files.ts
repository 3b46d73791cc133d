import { tensor } from '@tessera/core';
import { decodeSafetensors } from './decode-safetensors';
import type { ModelArtifacts, NamedTensor } from './model-artifacts';
import { ModelFormatError } from './model-format-error';
import { type ModelJson, OPTIMIZER_SLOT_PREFIX, type TensorSpec } from './model-json';
import type { TensorBytes } from './tensor-bytes';

function sameShape(first: readonly number[], second: readonly number[]): boolean {
  return first.length === second.length && first.every((size, axis) => size === second[axis]);
}

/** Pairs each tensor model.json declares with its safetensors entry, checking shape, dtype and completeness. */
function matchDeclaredTensors(
  modelJson: ModelJson,
  stored: Map<string, TensorBytes>,
  weightsLocation: string,
): Array<{ spec: TensorSpec; storedName: string; entry: TensorBytes }> {
  const declared = [
    ...modelJson.weights.map((spec) => ({ spec, storedName: spec.name })),
    ...(modelJson.optimizer?.slots ?? []).map((spec) => ({ spec, storedName: `${OPTIMIZER_SLOT_PREFIX}${spec.name}` })),
  ];
  const matched = declared.map(({ spec, storedName }) => {
    const entry = stored.get(storedName);
    if (entry === undefined) {
      throw new ModelFormatError(
        'TENSOR_MISMATCH',
        weightsLocation,
        `tensor '${storedName}' (declared in model.json) is missing`,
      );
    }
    if (entry.dtype !== spec.dtype || !sameShape(entry.shape, spec.shape)) {
      throw new ModelFormatError(
        'TENSOR_MISMATCH',
        weightsLocation,
        `tensor '${storedName}' is ${entry.dtype} [${entry.shape.join(', ')}] but model.json declares ` +
          `${spec.dtype} [${spec.shape.join(', ')}]`,
      );
    }
    checkBoolBytes(entry, weightsLocation);
    return { spec, storedName, entry };
  });
  const declaredNames = new Set(declared.map(({ storedName }) => storedName));
  const extra = [...stored.keys()].filter((name) => !declaredNames.has(name));
  if (extra.length > 0) {
    const listed = extra
      .slice(0, 5)
      .map((name) => `'${name}'`)
      .join(', ');
    throw new ModelFormatError(
      'TENSOR_MISMATCH',
      weightsLocation,
      `holds ${extra.length} tensor(s) model.json does not declare: ${listed}${extra.length > 5 ? ', ...' : ''}`,
    );
  }
  return matched;
}

function tensorFrom(entry: TensorBytes): NamedTensor['tensor'] {
  const { buffer, byteOffset, byteLength } = entry.bytes;
  if (entry.dtype === 'float32') {
    return tensor(new Float32Array(buffer, byteOffset, byteLength / 4), entry.shape, 'float32');
  }
  if (entry.dtype === 'int32') return tensor(new Int32Array(buffer, byteOffset, byteLength / 4), entry.shape, 'int32');
  return tensor(entry.bytes, entry.shape, 'bool');
}

/** A bool byte other than 0 or 1 means a corrupt file; caught here so no tensor has been created yet. */
function checkBoolBytes(entry: TensorBytes, weightsLocation: string): void {
  if (entry.dtype !== 'bool') return;
  const position = entry.bytes.findIndex((value) => value > 1);
  if (position >= 0) {
    throw new ModelFormatError(
      'INVALID_SAFETENSORS',
      weightsLocation,
      `bool tensor '${entry.name}' holds ${entry.bytes[position]} at element ${position}; only 0 and 1 are allowed`,
    );
  }
}

/**
 * Builds artifacts from a validated model.json and the weights file's bytes. Every check runs before the first
 * tensor is created, so a rejected file leaks nothing; the caller owns the returned tensors.
 */
export function decodeModelFiles(modelJson: ModelJson, weights: Uint8Array, weightsLocation: string): ModelArtifacts {
  const stored = decodeSafetensors(weights, weightsLocation);
  const matched = matchDeclaredTensors(modelJson, stored, weightsLocation);
  const tensors = matched.map(({ spec, entry }) => ({ name: spec.name, tensor: tensorFrom(entry) }));
  const weightCount = modelJson.weights.length;
  const artifacts: ModelArtifacts = { modelTopology: modelJson.modelTopology, weights: tensors.slice(0, weightCount) };
  if (modelJson.trainingConfig !== undefined) artifacts.trainingConfig = modelJson.trainingConfig;
  if (modelJson.optimizer !== undefined) {
    const { name, config, iterations } = modelJson.optimizer;
    artifacts.optimizer = { name, config, iterations, slots: tensors.slice(weightCount) };
  }
  return artifacts;
}
