import type { BinaryOp, CompareOp, KernelMap, TensorInfo, UnaryOp } from '@tessera/core/backend';
import type { MinimalStorage } from './minimal-storage';
import { broadcastIndex, broadcastShape, coordinatesOf } from './shape-math';

/** Round half to even, as the CPU backend (and NumPy) do; Math.round rounds halves up. */
function roundHalfToEven(value: number): number {
  const nearest = Math.round(value);
  return nearest - value === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}

/** Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, well inside float32 tolerance. */
function erf(value: number): number {
  if (Number.isNaN(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const x = Math.abs(value);
  const t = 1 / (1 + 0.3275911 * x);
  const polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - polynomial * Math.exp(-x * x));
}

// Math runs in float64; storing into a Float32Array rounds once, and into an Int32Array wraps modulo 2^32.
const UNARY: Record<UnaryOp, (x: number) => number> = {
  neg: (x) => -x,
  abs: (x) => Math.abs(x),
  exp: (x) => Math.exp(x),
  log: (x) => Math.log(x),
  log1p: (x) => Math.log1p(x),
  expm1: (x) => Math.expm1(x),
  sqrt: (x) => Math.sqrt(x),
  rsqrt: (x) => 1 / Math.sqrt(x),
  square: (x) => x * x,
  reciprocal: (x) => 1 / x,
  sin: (x) => Math.sin(x),
  cos: (x) => Math.cos(x),
  tanh: (x) => Math.tanh(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
  sign: (x) => Math.sign(x),
  floor: (x) => Math.floor(x),
  ceil: (x) => Math.ceil(x),
  round: roundHalfToEven,
  erf,
  isNaN: (x) => +Number.isNaN(x),
  isFinite: (x) => +Number.isFinite(x),
  logicalNot: (x) => +(x === 0),
};

/** The remainder takes the sign of the divisor (NumPy); x mod 0 is NaN, which an Int32Array stores as 0. */
function modulo(x: number, y: number): number {
  const remainder = x % y;
  return remainder !== 0 && remainder < 0 !== y < 0 ? remainder + y : remainder;
}

const BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  // NaN propagates from either side.
  maximum: (a, b) => (a > b || Number.isNaN(a) ? a : b),
  minimum: (a, b) => (a < b || Number.isNaN(a) ? a : b),
  mod: modulo,
  floorDiv: (a, b) => Math.floor(a / b),
};

/** int32 power by squaring with Math.imul, so that it wraps exactly; negative exponents truncate 1/x^n. */
function integerPower(base: number, exponent: number): number {
  if (exponent < 0) return base === 1 ? 1 : base === -1 ? (exponent & 1 ? -1 : 1) : 0;
  let result = 1;
  for (let factor = base, remaining = exponent; remaining > 0; remaining >>>= 1, factor = Math.imul(factor, factor)) {
    if (remaining & 1) result = Math.imul(result, factor);
  }
  return result;
}

/**
 * int32 differs from float32 where a float64 intermediate would lose bits (mul, pow) and in division, which is
 * floor division; a division by zero gives ±Infinity or NaN, which the Int32Array stores as 0.
 */
const INT32_BINARY: Partial<Record<BinaryOp, (a: number, b: number) => number>> = {
  mul: (a, b) => Math.imul(a, b),
  pow: integerPower,
  div: (a, b) => Math.floor(a / b),
};

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  less: (a, b) => a < b,
  lessEqual: (a, b) => a <= b,
  greater: (a, b) => a > b,
  greaterEqual: (a, b) => a >= b,
};

/** Applies `combine` to every element of the broadcast of `a` and `b`. */
function broadcastBinary(
  storage: MinimalStorage,
  a: TensorInfo,
  b: TensorInfo,
  outputDtype: TensorInfo['dtype'],
  combine: (x: number, y: number) => number,
): TensorInfo {
  const shape = broadcastShape(a.shape, b.shape);
  const output = storage.output(shape, outputDtype);
  const aValues = storage.values(a);
  const bValues = storage.values(b);
  for (let index = 0; index < output.values.length; index++) {
    const coordinates = coordinatesOf(index, shape);
    output.values[index] = combine(
      aValues[broadcastIndex(coordinates, a.shape)],
      bValues[broadcastIndex(coordinates, b.shape)],
    );
  }
  return output.info;
}

export function createElementwiseKernels(storage: MinimalStorage) {
  const kernels: Pick<KernelMap, 'unary' | 'binary' | 'compare' | 'logical' | 'where' | 'cast'> = {
    unary: ({ x }, { op }) => {
      const boolOutput = op === 'isNaN' || op === 'isFinite' || op === 'logicalNot';
      const output = storage.output(x.shape, boolOutput ? 'bool' : x.dtype);
      const apply = op === 'square' && x.dtype === 'int32' ? (value: number) => Math.imul(value, value) : UNARY[op];
      const input = storage.values(x);
      for (let index = 0; index < input.length; index++) output.values[index] = apply(input[index]);
      return output.info;
    },
    binary: ({ a, b }, { op }) =>
      broadcastBinary(storage, a, b, a.dtype, (a.dtype === 'int32' && INT32_BINARY[op]) || BINARY[op]),
    compare: ({ a, b }, { op }) => broadcastBinary(storage, a, b, 'bool', (x, y) => +COMPARE[op](x, y)),
    logical: ({ a, b }, { op }) =>
      broadcastBinary(
        storage,
        a,
        b,
        'bool',
        op === 'and' ? (x, y) => +(x !== 0 && y !== 0) : (x, y) => +(x !== 0 || y !== 0),
      ),
    where: ({ condition, a, b }) => {
      const shape = broadcastShape(condition.shape, broadcastShape(a.shape, b.shape));
      const output = storage.output(shape, a.dtype);
      const [conditionValues, aValues, bValues] = [storage.values(condition), storage.values(a), storage.values(b)];
      for (let index = 0; index < output.values.length; index++) {
        const coordinates = coordinatesOf(index, shape);
        output.values[index] = conditionValues[broadcastIndex(coordinates, condition.shape)]
          ? aValues[broadcastIndex(coordinates, a.shape)]
          : bValues[broadcastIndex(coordinates, b.shape)];
      }
      return output.info;
    },
    // To bool: any non-zero value (NaN too) is true. To int32: the Int32Array store truncates toward zero.
    cast: ({ x }, { dtype }) => {
      const output = storage.output(x.shape, dtype);
      const input = storage.values(x);
      for (let index = 0; index < input.length; index++) {
        output.values[index] = dtype === 'bool' ? +(input[index] !== 0) : input[index];
      }
      return output.info;
    },
  };
  return kernels;
}
