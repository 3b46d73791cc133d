import type { DType, TypedArray } from '../dtype';
import { toNestedArray } from './nested-array';
import type { Shape } from './shape';

const MAXIMUM_PRINTED_ELEMENTS = 1000;

/** A readable summary: the header, and the values where they are readable synchronously and few enough. */
export function formatTensor(values: TypedArray | undefined, shape: Shape, dtype: DType): string {
  const header = `Tensor ${dtype} [${shape.join(',')}]`;
  if (values === undefined) return `${header} (values on device; use await tensor.array())`;
  if (values.length > MAXIMUM_PRINTED_ELEMENTS) return `${header} (${values.length} values)`;
  return `${header}\n${JSON.stringify(toNestedArray(values, shape, dtype))}`;
}
