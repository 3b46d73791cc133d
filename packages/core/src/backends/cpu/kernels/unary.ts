import type { KernelFunction } from '../../../backend/backend-definition';
import type { UnaryOp } from '../../../backend/kernel-specs';
import type { TypedArray } from '../../../dtype';
import type { CpuStorage } from '../cpu-storage';
import { bitsOf } from './bit-view';
import { erf } from './erf';
import { simdUnary } from './simd-elementwise';

/** Fills `out` from `x` element by element; both have the same length. */
type UnaryLoop = (x: TypedArray, out: TypedArray) => void;

/** Round half to even (banker's rounding), as NumPy and tfjs do. Math.round rounds halves up. */
function roundHalfToEven(value: number): number {
  const nearest = Math.round(value);
  return nearest - value === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}

/** Stable for both signs: never forms exp of a large positive number. */
function sigmoidOf(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value));
  const exponential = Math.exp(value);
  return exponential / (1 + exponential);
}

/*
 * One loop per op, each its own function so that the engine compiles a tight monomorphic loop per op instead of
 * calling a per-element callback. Math runs in float64 and rounds once when stored into float32. The ops that the
 * op layer also sends int32 tensors (neg, abs, sign, relu, square) wrap modulo 2^32 when stored.
 */
export const UNARY_LOOPS: Readonly<Record<UnaryOp, UnaryLoop>> = {
  neg: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = -x[index];
  },
  abs: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.abs(x[index]);
  },
  exp: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.exp(x[index]);
  },
  log: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.log(x[index]);
  },
  log1p: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.log1p(x[index]);
  },
  expm1: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.expm1(x[index]);
  },
  sqrt: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.sqrt(x[index]);
  },
  rsqrt: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = 1 / Math.sqrt(x[index]);
  },
  square: (x, out) => {
    for (let index = 0; index < x.length; index++) {
      const value = x[index];
      out[index] = value * value;
    }
  },
  reciprocal: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = 1 / x[index];
  },
  sin: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.sin(x[index]);
  },
  cos: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.cos(x[index]);
  },
  tanh: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.tanh(x[index]);
  },
  sigmoid: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = sigmoidOf(x[index]);
  },
  // NaN stays NaN and -0 becomes +0, as tfjs's Math.max(0, x) does; masked bits instead of a branch (bit-view.ts).
  relu: (x, out) => {
    const inputBits = bitsOf(x);
    const outputBits = bitsOf(out);
    for (let index = 0; index < x.length; index++) {
      const value = x[index];
      outputBits[index] = inputBits[index] & -(+(value > 0) | +(value !== value));
    }
  },
  // NaN stays NaN (NumPy); tfjs's CPU backend returns 0 for it.
  sign: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.sign(x[index]);
  },
  floor: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.floor(x[index]);
  },
  ceil: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = Math.ceil(x[index]);
  },
  round: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = roundHalfToEven(x[index]);
  },
  erf: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = erf(x[index]);
  },
  isNaN: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = +(x[index] !== x[index]);
  },
  // x - x is 0 exactly for finite x and NaN for ±Infinity and NaN.
  isFinite: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = +(x[index] - x[index] === 0);
  },
  logicalNot: (x, out) => {
    for (let index = 0; index < x.length; index++) out[index] = +(x[index] === 0);
  },
};

/** int32 square: Math.imul keeps the exact low 32 bits that a float64 product can lose beyond 2^53. */
function squareInteger(x: TypedArray, out: TypedArray): void {
  for (let index = 0; index < x.length; index++) out[index] = Math.imul(x[index], x[index]);
}

const BOOL_OUTPUT: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['isNaN', 'isFinite', 'logicalNot']);

/** Element-wise math; bool output for isNaN/isFinite/logicalNot, else the input's dtype. */
export function createUnaryKernel(storage: CpuStorage): KernelFunction<'unary'> {
  return ({ x }, { op }) => {
    // Every unary loop writes every output element.
    const output = storage.allocate(x.shape, BOOL_OUTPUT.has(op) ? 'bool' : x.dtype, 'overwritten');
    const input = storage.values(x);
    // float32 in the SIMD kernel where it has the op (bit-identical results), else the TypeScript loop.
    if (input instanceof Float32Array && output.values instanceof Float32Array && simdUnary(op, input, output.values)) {
      return output.info;
    }
    const loop = op === 'square' && x.dtype === 'int32' ? squareInteger : UNARY_LOOPS[op];
    loop(input, output.values);
    return output.info;
  };
}
