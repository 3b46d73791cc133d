import type { DType } from '@tessera/core';
import type { JsonValue } from '../util/json-value';
import { describeValue, isPlainObject } from './json-checks';
import { ModelFormatError } from './model-format-error';

export const MODEL_FORMAT = 'tessera-layers-model';
export const MODEL_FORMAT_VERSION = 1;
export const DEFAULT_WEIGHTS_FILE = 'weights.safetensors';
/** The prefix under which optimizer slots live in the weights file, beside the model's own weights. */
export const OPTIMIZER_SLOT_PREFIX = 'optimizer/';

export interface TensorSpec {
  name: string;
  shape: number[];
  dtype: DType;
}

/** The parsed, validated contents of `model.json`. */
export interface ModelJson {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  generatedBy: string;
  modelTopology: { [key: string]: JsonValue };
  trainingConfig?: { [key: string]: JsonValue };
  weightsFile: string;
  weights: TensorSpec[];
  optimizer?: {
    name: string;
    config: Record<string, number | boolean | string>;
    iterations: number;
    slots: TensorSpec[];
  };
}

/**
 * A file name with no directory part, so a hostile model.json cannot make a loader read outside the model's
 * folder (or, over HTTP, fetch from anywhere but beside model.json).
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0:?#%]/.test(name) &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    !/[\u0000-\u001f]/.test(name)
  );
}

class ModelJsonChecker {
  constructor(readonly fileName: string) {}

  fail(field: string, message: string): never {
    throw new ModelFormatError('INVALID_FIELD', this.fileName, `${field} ${message}`);
  }

  object(value: unknown, field: string): Record<string, unknown> {
    if (!isPlainObject(value)) this.fail(field, `must be an object, got ${describeValue(value)}`);
    return value;
  }

  string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, `must be a string, got ${describeValue(value)}`);
    return value;
  }

  count(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.fail(field, `must be a non-negative integer, got ${describeValue(value)}`);
    }
    return value;
  }

  tensorSpecs(value: unknown, field: string, seenNames: Set<string>): TensorSpec[] {
    if (!Array.isArray(value)) this.fail(field, `must be an array, got ${describeValue(value)}`);
    return value.map((item, position) => {
      const itemField = `${field}[${position}]`;
      const entry = this.object(item, itemField);
      const name = this.string(entry.name, `${itemField}.name`);
      if (name.length === 0 || name === '__metadata__') this.fail(`${itemField}.name`, `must not be '${name}'`);
      if (seenNames.has(name)) this.fail(`${itemField}.name`, `'${name}' appears more than once`);
      seenNames.add(name);
      if (!Array.isArray(entry.shape))
        this.fail(`${itemField}.shape`, `must be an array, got ${describeValue(entry.shape)}`);
      const shape = entry.shape.map((size, axis) => this.count(size, `${itemField}.shape[${axis}]`));
      const dtype = entry.dtype;
      if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
        this.fail(`${itemField}.dtype`, `must be 'float32', 'int32' or 'bool', got ${describeValue(dtype)}`);
      }
      return { name, shape, dtype };
    });
  }

  optimizer(value: unknown, seenNames: Set<string>): ModelJson['optimizer'] {
    const optimizer = this.object(value, 'optimizer');
    const name = this.string(optimizer.name, 'optimizer.name');
    const config = this.object(optimizer.config, 'optimizer.config');
    for (const [key, setting] of Object.entries(config)) {
      if (typeof setting !== 'number' && typeof setting !== 'boolean' && typeof setting !== 'string') {
        this.fail(`optimizer.config.${key}`, `must be a number, boolean or string, got ${describeValue(setting)}`);
      }
    }
    const iterations = this.count(optimizer.iterations, 'optimizer.iterations');
    const slots = this.tensorSpecs(optimizer.slots, 'optimizer.slots', new Set());
    for (const slot of slots) {
      const storedName = `${OPTIMIZER_SLOT_PREFIX}${slot.name}`;
      if (seenNames.has(storedName))
        this.fail('optimizer.slots', `'${slot.name}' collides with weight '${storedName}'`);
      seenNames.add(storedName);
    }
    return { name, config: config as Record<string, number | boolean | string>, iterations, slots };
  }
}

/** Validates everything a loader relies on; `modelTopology` and `trainingConfig` stay opaque objects. */
export function checkModelJson(parsed: unknown, fileName: string): ModelJson {
  const checker = new ModelJsonChecker(fileName);
  const root = checker.object(parsed, 'the top level');
  if (root.format !== MODEL_FORMAT) {
    checker.fail('format', `must be '${MODEL_FORMAT}', got ${describeValue(root.format)} (not a Tessera layers model)`);
  }
  const formatVersion = checker.count(root.formatVersion, 'formatVersion');
  if (formatVersion > MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      'UNSUPPORTED_VERSION',
      fileName,
      `formatVersion ${formatVersion} is newer than the newest this version of @tessera/layers reads ` +
        `(${MODEL_FORMAT_VERSION}); upgrade @tessera/layers to load it`,
    );
  }
  if (formatVersion < 1) checker.fail('formatVersion', `must be at least 1, got ${formatVersion}`);
  const generatedBy = checker.string(root.generatedBy, 'generatedBy');
  const modelTopology = checker.object(root.modelTopology, 'modelTopology') as ModelJson['modelTopology'];
  const weightsFile = checker.string(root.weightsFile, 'weightsFile');
  if (!isPlainFileName(weightsFile)) {
    checker.fail(
      'weightsFile',
      `must be a plain file name inside the model's folder, got ${describeValue(weightsFile)}`,
    );
  }
  const seenNames = new Set<string>();
  const weights = checker.tensorSpecs(root.weights, 'weights', seenNames);
  const result: ModelJson = { format: MODEL_FORMAT, formatVersion, generatedBy, modelTopology, weightsFile, weights };
  if (root.trainingConfig !== undefined) {
    result.trainingConfig = checker.object(root.trainingConfig, 'trainingConfig') as ModelJson['trainingConfig'];
  }
  if (root.optimizer !== undefined) result.optimizer = checker.optimizer(root.optimizer, seenNames);
  return result;
}

/** Decodes, size-checks and parses `model.json` bytes, then validates them with {@link checkModelJson}. */
export function parseModelJson(bytes: Uint8Array, fileName: string, maxBytes: number): ModelJson {
  if (bytes.length > maxBytes) {
    throw new ModelFormatError('TOO_LARGE', fileName, `is ${bytes.length} bytes, above the ${maxBytes}-byte limit`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ModelFormatError('INVALID_JSON', fileName, `is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  return checkModelJson(parsed, fileName);
}
