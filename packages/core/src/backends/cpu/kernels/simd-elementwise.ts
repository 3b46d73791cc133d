import type { BinaryOp, UnaryOp } from '../../../backend/kernel-specs';
import { currentSimdInstance } from '../wasm/simd-instance';
import { reserveOperandMemory } from './gemm-wasm';

/** Op codes of assembly/elementwise.ts. */
const BINARY_CODES: Partial<Record<BinaryOp, number>> = { add: 0, sub: 1, mul: 2, div: 3, maximum: 4, minimum: 5 };
const UNARY_CODES: Partial<Record<UnaryOp, number>> = { neg: 0, abs: 1, sqrt: 2, square: 3, relu: 4 };

/**
 * Below this many elements the copies in and out of WebAssembly memory and the call cost more than the TypeScript
 * loop (about 3 ns per element here, against well under 1 ns for the SIMD loop with its copies).
 */
export const SMALLEST_SIMD_LENGTH = 256;

/**
 * out = a op b on the float32 SIMD kernel, where `a` and `b` have out's length or one element (a scalar; at most
 * one of them). Returns false, having done nothing, for ops it lacks, short arrays, or where SIMD is unavailable;
 * the caller then runs the TypeScript loop, whose results it matches bit for bit.
 */
export function simdBinary(op: BinaryOp, a: Float32Array, b: Float32Array, out: Float32Array): boolean {
  const code = BINARY_CODES[op];
  const length = out.length;
  if (code === undefined || length < SMALLEST_SIMD_LENGTH) return false;
  const instance = currentSimdInstance();
  if (instance === undefined) return false;
  const aAddress = instance.operandsStart;
  const bAddress = aAddress + Math.ceil(a.length / 16) * 64;
  const outAddress = bAddress + Math.ceil(b.length / 16) * 64;
  if (!reserveOperandMemory(instance, outAddress + length * 4)) return false;
  const view = instance.view;
  view.set(a, aAddress / 4);
  view.set(b, bAddress / 4);
  instance.binary(code, aAddress, a.length === 1 ? 0 : 1, bAddress, b.length === 1 ? 0 : 1, outAddress, length);
  out.set(view.subarray(outAddress / 4, outAddress / 4 + length));
  return true;
}

/** out = op(x) on the float32 SIMD kernel, or false as simdBinary. */
export function simdUnary(op: UnaryOp, x: Float32Array, out: Float32Array): boolean {
  const code = UNARY_CODES[op];
  const length = x.length;
  if (code === undefined || length < SMALLEST_SIMD_LENGTH) return false;
  const instance = currentSimdInstance();
  if (instance === undefined) return false;
  const xAddress = instance.operandsStart;
  const outAddress = xAddress + Math.ceil(length / 16) * 64;
  if (!reserveOperandMemory(instance, outAddress + length * 4)) return false;
  instance.view.set(x, xAddress / 4);
  instance.unary(code, xAddress, outAddress, length);
  out.set(instance.view.subarray(outAddress / 4, outAddress / 4 + length));
  return true;
}
