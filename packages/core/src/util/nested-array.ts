import type { DType, TypedArray } from '../dtype';
import type { Shape } from './shape';

export type NestedArray = number | boolean | NestedArray[];

/** Turns flat values into nested arrays of the tensor's shape; bool tensors give booleans. */
export function toNestedArray(values: TypedArray, shape: Shape, dtype: DType): NestedArray {
  const convert = dtype === 'bool' ? (value: number) => value !== 0 : (value: number) => value;
  if (shape.length === 0) return convert(values[0]);
  const build = (axis: number, offset: number): NestedArray[] => {
    const length = shape[axis];
    const result = new Array<NestedArray>(length);
    if (axis === shape.length - 1) {
      for (let index = 0; index < length; index++) result[index] = convert(values[offset + index]);
      return result;
    }
    let stride = 1;
    for (let inner = axis + 1; inner < shape.length; inner++) stride *= shape[inner];
    for (let index = 0; index < length; index++) result[index] = build(axis + 1, offset + index * stride);
    return result;
  };
  return build(0, 0);
}
