import { type DType, isDType, type TypedArray } from '../dtype';
import { ENGINE } from '../engine/engine';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { assertValidShape, formatShape, sizeFromShape } from '../util/shape';
import type { TensorLike } from './tensor-like';

function inferShapeAndFlatten(values: unknown, opName: string): { shape: number[]; flat: Array<number | boolean> } {
  const shape: number[] = [];
  let probe: unknown = values;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: Array<number | boolean> = [];
  const visit = (value: unknown, axis: number): void => {
    if (axis === shape.length) {
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new InvalidArgumentError(
          `${opName}: expected numbers or booleans, got ${typeof value} (${String(value)})`,
        );
      }
      flat.push(value);
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[axis]) {
      throw new ShapeError(
        `${opName}: nested arrays must be rectangular; expected length ${shape[axis]} at depth ${axis}, got ${Array.isArray(value) ? value.length : typeof value}`,
      );
    }
    for (const element of value) visit(element, axis + 1);
  };
  visit(values, 0);
  return { shape, flat };
}

function typedArrayDType(values: TypedArray): DType {
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Int32Array) return 'int32';
  return 'bool';
}

/** Checks every value against the dtype: integers for int32, 0/1 or booleans for bool. Nothing is coerced silently. */
function toTypedArray(flat: ArrayLike<number | boolean>, dtype: DType, opName: string): TypedArray {
  const size = flat.length;
  if (dtype === 'float32') {
    const result = new Float32Array(size);
    for (let index = 0; index < size; index++) result[index] = Number(flat[index]);
    return result;
  }
  if (dtype === 'int32') {
    const result = new Int32Array(size);
    for (let index = 0; index < size; index++) {
      const value = Number(flat[index]);
      if (!Number.isInteger(value) || value > 2147483647 || value < -2147483648) {
        throw new DTypeError(
          `${opName}: dtype int32 needs 32-bit integer values, got ${String(flat[index])} at index ${index}`,
        );
      }
      result[index] = value;
    }
    return result;
  }
  const result = new Uint8Array(size);
  for (let index = 0; index < size; index++) {
    const value = flat[index];
    if (value !== true && value !== false && value !== 0 && value !== 1) {
      throw new DTypeError(`${opName}: dtype bool needs true/false or 0/1, got ${String(value)} at index ${index}`);
    }
    result[index] = value ? 1 : 0;
  }
  return result;
}

/**
 * Creates a tensor from nested arrays, a flat array with a shape, or a typed array. The dtype defaults to the
 * typed array's, to bool for booleans and to float32 for numbers.
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  const opName = 'tensor';
  if (dtype !== undefined && !isDType(dtype)) {
    throw new DTypeError(`${opName}: dtype must be 'float32', 'int32' or 'bool', got ${String(dtype)}`);
  }
  if (shape !== undefined) assertValidShape(shape, opName);
  let flat: ArrayLike<number | boolean>;
  let inferredShape: number[];
  let inferredDType: DType;
  if (ArrayBuffer.isView(values)) {
    if (!(values instanceof Float32Array || values instanceof Int32Array || values instanceof Uint8Array)) {
      throw new DTypeError(
        `${opName}: typed arrays must be Float32Array, Int32Array or Uint8Array, got ${(values as ArrayBufferView).constructor.name}`,
      );
    }
    flat = values;
    inferredShape = [values.length];
    inferredDType = typedArrayDType(values);
  } else if (typeof values === 'number' || typeof values === 'boolean') {
    flat = [values];
    inferredShape = [];
    inferredDType = typeof values === 'boolean' ? 'bool' : 'float32';
  } else {
    const result = inferShapeAndFlatten(values, opName);
    flat = result.flat;
    inferredShape = result.shape;
    inferredDType = result.flat.length > 0 && typeof result.flat[0] === 'boolean' ? 'bool' : 'float32';
  }
  const finalShape = shape ? [...shape] : inferredShape;
  const finalDType = dtype ?? inferredDType;
  const expectedSize = sizeFromShape(finalShape);
  // A single number fills any shape, as in tfjs's tensor(5, [2, 2]).
  if (flat.length === 1 && expectedSize !== 1 && !ArrayBuffer.isView(values) && inferredShape.length === 0) {
    const value = flat[0];
    flat = Array.from({ length: expectedSize }, () => value);
  }
  if (flat.length !== expectedSize) {
    throw new ShapeError(
      `${opName}: values has ${flat.length} elements but shape ${formatShape(finalShape)} needs ${expectedSize}`,
    );
  }
  const typed =
    ArrayBuffer.isView(values) && typedArrayDType(values) === finalDType
      ? (values as TypedArray)
      : toTypedArray(flat, finalDType, opName);
  return ENGINE.makeTensor(typed, finalShape, finalDType);
}
