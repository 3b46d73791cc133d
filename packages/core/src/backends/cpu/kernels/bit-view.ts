import type { TypedArray } from '../../../dtype';

/** Integer elements of the same width over the same bytes: a float32 array seen as int32, others as they are. */
export type BitArray = Int32Array | Uint8Array;

/**
 * The bits of `values` as integers, so that a loop can select between values with masks instead of a branch.
 * A data-dependent branch mispredicts on about half the elements of random data, which makes select-style loops
 * (where, relu, maximum) three to four times slower than the masked form; copying bits also keeps every value,
 * NaN payloads and -0 included, exactly.
 */
export function bitsOf(values: TypedArray): BitArray {
  return values instanceof Float32Array ? new Int32Array(values.buffer, values.byteOffset, values.length) : values;
}
