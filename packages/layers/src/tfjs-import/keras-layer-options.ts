import type { JsonValue, LayerConfig } from '../util/json-value';
import { describeJson, expectBatchShape, expectObject, failTfjs, type TfjsLocation } from './tfjs-json-checks';

/** Keras class names whose Tessera class has another name. */
const CLASS_ALIASES: Record<string, string> = { MaxPool2D: 'MaxPooling2D', AvgPool2D: 'AveragePooling2D' };

/** Keras initializers with a Tessera name; others are dropped because the imported weights replace them anyway. */
const INITIALIZER_NAMES: Record<string, string> = {
  Zeros: 'zeros',
  Ones: 'ones',
  GlorotUniform: 'glorotUniform',
  GlorotNormal: 'glorotNormal',
  HeNormal: 'heNormal',
  HeUniform: 'heUniform',
  LecunNormal: 'lecunNormal',
  Orthogonal: 'orthogonal',
};

const REGULARIZER_NAMES: Record<string, string> = { L1: 'l1', L2: 'l2', L1L2: 'l1l2' };
const CONSTRAINT_NAMES: Record<string, string> = {
  MaxNorm: 'maxNorm',
  NonNeg: 'nonNeg',
  UnitNorm: 'unitNorm',
  MinMaxNorm: 'minMaxNorm',
};

/** Keras activation names that Tessera spells differently. */
const ACTIVATION_NAMES: Record<string, string> = { leaky_relu: 'leakyRelu' };

/** Keys that describe Keras bookkeeping rather than the computation; ignored. */
const IGNORED_KEYS = new Set([
  'dtype',
  'sparse',
  'ragged',
  'batch_size',
  'autocast',
  'build_config',
  'module',
  'registered_name',
]);

export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Keras 3 writes `{ class_name, config }` where Keras 2 writes a bare name; both give the name. */
function classNameOf(value: Record<string, unknown>): unknown {
  return value.class_name ?? value.className;
}

function convertSerialized(
  location: TfjsLocation,
  value: unknown,
  what: string,
  names: Record<string, string>,
  kind: 'regularizer' | 'constraint',
): JsonValue {
  const serialized = expectObject(location, value, what);
  const className = classNameOf(serialized);
  const name = typeof className === 'string' ? names[className] : undefined;
  if (name === undefined) {
    failTfjs(
      location,
      `${what}: unsupported ${kind} ${describeJson(className)}; Tessera knows ${Object.keys(names).join(', ')}`,
    );
  }
  const converted: Record<string, JsonValue> = { name };
  const config = serialized.config === undefined ? {} : expectObject(location, serialized.config, `${what}.config`);
  for (const [key, setting] of Object.entries(config)) {
    if (setting !== null) converted[camelCase(key)] = setting as JsonValue;
  }
  return converted;
}

function convertInitializer(location: TfjsLocation, value: unknown, what: string): JsonValue | undefined {
  const serialized = expectObject(location, value, what);
  const className = classNameOf(serialized);
  return typeof className === 'string' ? INITIALIZER_NAMES[className] : undefined;
}

function convertValue(location: TfjsLocation, key: string, value: unknown, what: string): JsonValue | undefined {
  if (value === null) return undefined;
  if (key.endsWith('_initializer')) return convertInitializer(location, value, what);
  if (key.endsWith('_regularizer')) {
    if (key === 'activity_regularizer') failTfjs(location, `${what}: activity regularizers are not supported`);
    return convertSerialized(location, value, what, REGULARIZER_NAMES, 'regularizer');
  }
  if (key.endsWith('_constraint')) return convertSerialized(location, value, what, CONSTRAINT_NAMES, 'constraint');
  if (key === 'data_format' && typeof value === 'string') return camelCase(value);
  if (key === 'activation' && typeof value === 'string') return ACTIVATION_NAMES[value] ?? value;
  return value as JsonValue;
}

/** Options that change the computation in ways Tessera does not implement, refused rather than ignored. */
function rejectUnsupportedSettings(location: TfjsLocation, config: Record<string, unknown>, what: string): void {
  const refuse = (setting: string) => failTfjs(location, `${what}: ${setting} is not supported by Tessera`);
  if (config.groups !== undefined && config.groups !== 1) refuse(`groups ${describeJson(config.groups)}`);
  if (config.noise_shape !== undefined && config.noise_shape !== null) refuse('noise_shape');
  if (config.renorm === true) refuse('renorm');
}

export interface TesseraLayerSpec {
  className: string;
  options: LayerConfig;
  /** The example shape (no batch axis) from `batch_input_shape` / `batch_shape` / `input_shape`, if any. */
  exampleShape: number[] | undefined;
}

/** Converts one Keras layer config (snake_case, Keras objects) into a Tessera class name and camelCase options. */
export function kerasLayerOptions(
  location: TfjsLocation,
  className: string,
  rawConfig: unknown,
  what: string,
): TesseraLayerSpec {
  const config = expectObject(location, rawConfig, `${what}.config`);
  rejectUnsupportedSettings(location, config, what);
  const options: LayerConfig = {};
  let exampleShape: number[] | undefined;
  for (const [key, value] of Object.entries(config)) {
    if (IGNORED_KEYS.has(key)) continue;
    if (key === 'batch_input_shape' || key === 'batch_shape') {
      if (value !== null) exampleShape = expectBatchShape(location, value, `${what}.config.${key}`);
      continue;
    }
    if (key === 'input_shape') {
      if (value !== null) {
        const shape = Array.isArray(value) ? [null, ...value] : value;
        exampleShape = expectBatchShape(location, shape, `${what}.config.${key}`);
      }
      continue;
    }
    const converted = convertValue(location, key, value, `${what}.config.${key}`);
    if (converted !== undefined) options[camelCase(key)] = converted;
  }
  return { className: CLASS_ALIASES[className] ?? className, options, exampleShape };
}
