import type { TypedArray } from '../dtype';
import type { NestedArray } from '../util/nested-array';

/** What ops accept where a tensor is expected: numbers and arrays are converted (and tracked by the scope). */
export type TensorLike = TypedArray | number | boolean | NestedArray;
