import type { DType } from '@tessera/core';

/** A JSON object (not null, not an array): what every structured field of a saved model must be. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of an unexpected value for error messages, never dumping a huge value whole. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? `'${value}'` : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function bytesPerElementOf(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}
