import type { DType } from '@tessera/core';

/** One tensor's raw little-endian bytes with its name, shape and dtype: what a safetensors file holds per entry. */
export interface TensorBytes {
  name: string;
  dtype: DType;
  shape: number[];
  bytes: Uint8Array;
}
