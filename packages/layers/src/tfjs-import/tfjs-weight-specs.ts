import { isPlainFileName } from '../io/model-json';
import {
  describeJson,
  expectArray,
  expectObject,
  expectString,
  expectTensorShape,
  failTfjs,
  type TfjsLocation,
} from './tfjs-json-checks';

export type TfjsWeightDType = 'float32' | 'int32';
export type TfjsQuantizedDType = 'uint8' | 'uint16' | 'float16';

/** One weight's entry in tfjs's `weightsManifest[].weights` / `weightSpecs`, validated. */
export interface TfjsWeightSpec {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: TfjsWeightDType;
  readonly quantization: { dtype: TfjsQuantizedDType; scale: number; min: number } | undefined;
  /** 'optimizer' for optimizer slots tfjs appends when saving with includeOptimizer; those are skipped. */
  readonly group: string | undefined;
  readonly elements: number;
  readonly byteLength: number;
}

const BYTES_PER_ELEMENT: Record<TfjsWeightDType | TfjsQuantizedDType, number> = {
  float32: 4,
  int32: 4,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

function parseQuantization(location: TfjsLocation, value: unknown, what: string): TfjsWeightSpec['quantization'] {
  if (value === undefined || value === null) return undefined;
  const quantization = expectObject(location, value, what);
  const dtype = quantization.dtype;
  if (dtype !== 'uint8' && dtype !== 'uint16' && dtype !== 'float16') {
    failTfjs(location, `${what}.dtype must be 'uint8', 'uint16' or 'float16', got ${describeJson(dtype)}`);
  }
  const scale = quantization.scale ?? 1;
  const min = quantization.min ?? 0;
  if (
    dtype !== 'float16' &&
    (typeof scale !== 'number' || !Number.isFinite(scale) || typeof min !== 'number' || !Number.isFinite(min))
  ) {
    failTfjs(location, `${what} needs finite scale and min, got ${describeJson(quantization)}`);
  }
  return { dtype, scale: scale as number, min: min as number };
}

/** Validates a list of weight specs; names must be unique so each weight is found exactly once. */
export function parseWeightSpecs(location: TfjsLocation, value: unknown, what: string): TfjsWeightSpec[] {
  const seen = new Set<string>();
  return expectArray(location, value, what).map((entry, position) => {
    const entryWhat = `${what}[${position}]`;
    const spec = expectObject(location, entry, entryWhat);
    const name = expectString(location, spec.name, `${entryWhat}.name`);
    if (seen.has(name)) failTfjs(location, `${entryWhat}: weight '${name}' is listed twice`);
    seen.add(name);
    const shape = expectTensorShape(location, spec.shape, `${entryWhat}.shape`);
    const dtype = spec.dtype ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'int32') {
      failTfjs(location, `${entryWhat} ('${name}'): dtype must be 'float32' or 'int32', got ${describeJson(dtype)}`);
    }
    const quantization = parseQuantization(location, spec.quantization, `${entryWhat}.quantization`);
    const elements = shape.reduce((product, size) => product * size, 1);
    const group = typeof spec.group === 'string' ? spec.group : undefined;
    return {
      name,
      shape,
      dtype,
      quantization,
      group,
      elements,
      byteLength: elements * BYTES_PER_ELEMENT[quantization?.dtype ?? dtype],
    };
  });
}

/** `weightsManifest`: groups of shard paths and the weights stored across them, concatenated in order. */
export function parseWeightsManifest(
  location: TfjsLocation,
  value: unknown,
): { paths: string[]; specs: TfjsWeightSpec[] } {
  const paths: string[] = [];
  const specValues: unknown[] = [];
  expectArray(location, value, 'weightsManifest').forEach((group, position) => {
    const what = `weightsManifest[${position}]`;
    const entry = expectObject(location, group, what);
    for (const [pathPosition, path] of expectArray(location, entry.paths, `${what}.paths`).entries()) {
      if (typeof path !== 'string' || !isPlainFileName(path)) {
        failTfjs(
          location,
          `${what}.paths[${pathPosition}] must be a plain file name inside the model's folder, got ${describeJson(path)}`,
        );
      }
      paths.push(path);
    }
    specValues.push(...expectArray(location, entry.weights, `${what}.weights`));
  });
  return { paths, specs: parseWeightSpecs(location, specValues, 'weightsManifest weights') };
}
