import type { TypedArray } from '../../../dtype';

/** Below this length a plain loop beats `set(subarray(...))`, which allocates a view object per call. */
const NATIVE_COPY_THRESHOLD = 48;

/** Copies `length` contiguous elements between two arrays of the same dtype. */
export function copyRun(
  target: TypedArray,
  targetOffset: number,
  source: TypedArray,
  sourceOffset: number,
  length: number,
): void {
  if (length >= NATIVE_COPY_THRESHOLD) {
    target.set(source.subarray(sourceOffset, sourceOffset + length), targetOffset);
    return;
  }
  for (let index = 0; index < length; index++) target[targetOffset + index] = source[sourceOffset + index];
}
