import type { DType } from '@tessera/core';

/** The safetensors dtype names Tessera writes for each of its dtypes. */
export const SAFETENSORS_DTYPE_OF: Readonly<Record<DType, string>> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };

/** The safetensors dtypes Tessera reads; U8 is accepted for bool because some writers store masks that way. */
const TESSERA_DTYPE_OF: Readonly<Record<string, DType>> = { F32: 'float32', I32: 'int32', BOOL: 'bool', U8: 'bool' };

export function tesseraDTypeOf(safetensorsDType: string): DType | undefined {
  return Object.hasOwn(TESSERA_DTYPE_OF, safetensorsDType) ? TESSERA_DTYPE_OF[safetensorsDType] : undefined;
}

export function knownSafetensorsDTypes(): string[] {
  return Object.keys(TESSERA_DTYPE_OF);
}
