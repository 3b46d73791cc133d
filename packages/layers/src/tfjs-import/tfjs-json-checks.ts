import { ModelFormatError } from '../io/model-format-error';

/** Where a tfjs model came from (a path, a URL or 'memory'), for error messages. */
export interface TfjsLocation {
  readonly file: string;
}

/** Throws the typed error every tfjs-import failure uses, so callers can branch on `reason`. */
export function failTfjs(
  location: TfjsLocation,
  message: string,
  reason: 'INVALID_FIELD' | 'TENSOR_MISMATCH' = 'INVALID_FIELD',
): never {
  throw new ModelFormatError(reason, location.file, `importTfjsModel: ${message}`);
}

export function describeJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function expectObject(location: TfjsLocation, value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    failTfjs(location, `${what} must be an object, got ${describeJson(value)}`);
  }
  return value as Record<string, unknown>;
}

export function expectArray(location: TfjsLocation, value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) failTfjs(location, `${what} must be an array, got ${describeJson(value)}`);
  return value;
}

export function expectString(location: TfjsLocation, value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    failTfjs(location, `${what} must be a non-empty string, got ${describeJson(value)}`);
  }
  return value;
}

/** A tensor shape: non-negative safe integers whose product stays a safe integer. */
export function expectTensorShape(location: TfjsLocation, value: unknown, what: string): number[] {
  const list = expectArray(location, value, what);
  let elements = 1;
  list.forEach((size, axis) => {
    if (!Number.isSafeInteger(size) || (size as number) < 0) {
      failTfjs(location, `${what}[${axis}] must be a non-negative integer, got ${describeJson(size)}`);
    }
    elements *= size as number;
    if (!Number.isSafeInteger(elements)) failTfjs(location, `${what} ${describeJson(list)} has too many elements`);
  });
  return list as number[];
}

/** A Keras batch shape `[null, 28, 28, 1]`: the batch axis may be null, the rest are positive integers. */
export function expectBatchShape(location: TfjsLocation, value: unknown, what: string): number[] {
  const list = expectArray(location, value, what);
  if (list.length === 0) failTfjs(location, `${what} must have a batch axis`);
  list.forEach((size, axis) => {
    const valid = (Number.isSafeInteger(size) && (size as number) > 0) || (axis === 0 && size === null);
    if (!valid) failTfjs(location, `${what}[${axis}] must be a positive integer, got ${describeJson(size)}`);
  });
  return list.slice(1) as number[];
}
