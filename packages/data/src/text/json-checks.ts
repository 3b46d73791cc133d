import { InvalidArgumentError } from '@tessera/core';

/**
 * Guards for reading saved tokenizers. Saved JSON may come from anywhere, so every field is checked before use and
 * failures name the reader and the field instead of surfacing later as an odd tokenization.
 */

/** Parses a JSON string (or accepts an already-parsed value) and insists on a plain object. */
export function parseJsonObject(json: unknown, reader: string): Record<string, unknown> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new InvalidArgumentError(`${reader}: the text is not valid JSON (${(error as Error).message})`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(`${reader}: expected a JSON object, got ${describeJson(value)}`);
  }
  return value as Record<string, unknown>;
}

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}

export function requireClassName(object: Record<string, unknown>, expected: string, reader: string): void {
  if (object.className !== expected) {
    throw new InvalidArgumentError(
      `${reader}: expected className ${JSON.stringify(expected)}, got ${describeJson(object.className)}`,
    );
  }
}

export function readString(object: Record<string, unknown>, field: string, reader: string): string {
  const value = object[field];
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(`${reader}: field ${field} must be a string, got ${describeJson(value)}`);
  }
  return value;
}

export function readOptionalString(object: Record<string, unknown>, field: string, reader: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  return readString(object, field, reader);
}

export function readBoolean(object: Record<string, unknown>, field: string, reader: string): boolean {
  const value = object[field];
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`${reader}: field ${field} must be true or false, got ${describeJson(value)}`);
  }
  return value;
}

/** A non-negative integer no larger than `maximum`. */
export function readCount(
  value: unknown,
  field: string,
  reader: string,
  maximum: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maximum) {
    throw new InvalidArgumentError(
      `${reader}: ${field} must be an integer from 0 to ${maximum}, got ${describeJson(value)}`,
    );
  }
  return value;
}

export function readArray(object: Record<string, unknown>, field: string, reader: string): unknown[] {
  const value = object[field];
  if (!Array.isArray(value)) {
    throw new InvalidArgumentError(`${reader}: field ${field} must be an array, got ${describeJson(value)}`);
  }
  return value;
}

/** An array of `[string, count]` pairs with distinct strings, as saved from a `Map<string, number>`. */
export function readStringCountPairs(
  object: Record<string, unknown>,
  field: string,
  reader: string,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const [position, entry] of readArray(object, field, reader).entries()) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
      throw new InvalidArgumentError(
        `${reader}: ${field}[${position}] must be a [string, integer] pair, got ${describeJson(entry)}`,
      );
    }
    const key = entry[0];
    if (result.has(key)) {
      throw new InvalidArgumentError(`${reader}: ${field} lists ${JSON.stringify(key)} twice`);
    }
    result.set(key, readCount(entry[1], `${field}[${position}][1]`, reader));
  }
  return result;
}
