/** The element types a tensor can hold. `bool` is stored as one byte per element (0 or 1). */
export type DType = 'float32' | 'int32' | 'bool';

export type TypedArray = Float32Array | Int32Array | Uint8Array;

/** Maps each dtype to the typed array that stores it. */
export interface DTypeStorage {
  float32: Float32Array;
  int32: Int32Array;
  bool: Uint8Array;
}

export const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'int32' || value === 'bool';
}

export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

export function allocateTypedArray<D extends DType>(dtype: D, size: number): DTypeStorage[D] {
  if (dtype === 'float32') return new Float32Array(size) as DTypeStorage[D];
  if (dtype === 'int32') return new Int32Array(size) as DTypeStorage[D];
  return new Uint8Array(size) as DTypeStorage[D];
}

/** The dtype whose values can hold both inputs' values, as tfjs's `upcastType` does. */
export function upcastDType(a: DType, b: DType): DType {
  if (a === 'float32' || b === 'float32') return 'float32';
  if (a === 'int32' || b === 'int32') return 'int32';
  return 'bool';
}

export function typedArrayMatchesDType(values: TypedArray, dtype: DType): boolean {
  if (dtype === 'float32') return values instanceof Float32Array;
  if (dtype === 'int32') return values instanceof Int32Array;
  return values instanceof Uint8Array;
}
