import type { BinaryOp } from '../../../backend/kernel-specs';
import type { BinaryBlockLoop } from './binary-block';
import { bitsOf } from './bit-view';

/*
 * The block loops of the `binary` kernel, one per op and dtype family. float32 results are computed in float64 and
 * rounded once when stored, which for + - * / gives the correctly rounded float32 result. int32 results wrap
 * modulo 2^32 when stored into the Int32Array, except where a float64 intermediate could be inexact (mul, pow).
 */

/** The remainder with the sign of the divisor (Python, NumPy and tfjs semantics); x mod 0 is NaN (0 in int32). */
function moduloOf(x: number, y: number): number {
  const remainder = x % y;
  return remainder !== 0 && remainder < 0 !== y < 0 ? remainder + y : remainder;
}

/**
 * Integer power with int32 wrap-around, by squaring with Math.imul. A negative exponent gives the truncated
 * reciprocal: 1 for base 1, ±1 for base -1, 0 otherwise (also for base 0, whose float result is infinite).
 */
function integerPower(base: number, exponent: number): number {
  if (exponent < 0) {
    if (base === 1) return 1;
    if (base === -1) return exponent & 1 ? -1 : 1;
    return 0;
  }
  let result = 1;
  let factor = base;
  for (let remaining = exponent; remaining > 0; remaining >>>= 1) {
    if (remaining & 1) result = Math.imul(result, factor);
    factor = Math.imul(factor, factor);
  }
  return result;
}

const add: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] + b[bIndex];
    }
  }
};

const subtract: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] - b[bIndex];
    }
  }
};

const multiplyFloat: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] * b[bIndex];
    }
  }
};

/** Math.imul keeps the exact low 32 bits that a float64 product of two int32 values can lose. */
const multiplyInteger: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = Math.imul(a[aIndex], b[bIndex]);
    }
  }
};

const divideFloat: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] / b[bIndex];
    }
  }
};

/** Also int32 `div` (floor division, like tfjs). The float64 quotient of two int32 values is never rounded across an integer, so the floor is exact; x / 0 stores 0 in an int32 output. */
const floorDivide: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = Math.floor(a[aIndex] / b[bIndex]);
    }
  }
};

const powerFloat: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = a[aIndex] ** b[bIndex];
    }
  }
};

const powerInteger: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = integerPower(a[aIndex], b[bIndex]);
    }
  }
};

/**
 * NaN-propagating maximum for float32 and int32: takes a's bits where a > b or a is NaN, else b's, through a mask
 * instead of a branch (bit-view.ts). The integer views are made per block, and blocks are few and large.
 */
const maximum: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  const aBits = bitsOf(a);
  const bBits = bitsOf(b);
  const outputBits = bitsOf(out);
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      const x = a[aIndex];
      const mask = -(+(x > b[bIndex]) | +(x !== x));
      outputBits[outputIndex++] = (aBits[aIndex] & mask) | (bBits[bIndex] & ~mask);
    }
  }
};

/** NaN-propagating minimum, as `maximum`. */
const minimum: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  const aBits = bitsOf(a);
  const bBits = bitsOf(b);
  const outputBits = bitsOf(out);
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      const x = a[aIndex];
      const mask = -(+(x < b[bIndex]) | +(x !== x));
      outputBits[outputIndex++] = (aBits[aIndex] & mask) | (bBits[bIndex] & ~mask);
    }
  }
};

const modulo: BinaryBlockLoop = (out, outputOffset, a, aOffset, b, bOffset, block) => {
  const { rows, columns, aRowStride, aColumnStride, bRowStride, bColumnStride } = block;
  let outputIndex = outputOffset;
  for (let row = 0; row < rows; row++) {
    let aIndex = aOffset + row * aRowStride;
    let bIndex = bOffset + row * bRowStride;
    for (let column = 0; column < columns; column++, aIndex += aColumnStride, bIndex += bColumnStride) {
      out[outputIndex++] = moduloOf(a[aIndex], b[bIndex]);
    }
  }
};

export const FLOAT_BINARY_LOOPS: Readonly<Record<BinaryOp, BinaryBlockLoop>> = {
  add,
  sub: subtract,
  mul: multiplyFloat,
  div: divideFloat,
  pow: powerFloat,
  maximum,
  minimum,
  mod: modulo,
  floorDiv: floorDivide,
};

export const INTEGER_BINARY_LOOPS: Readonly<Record<BinaryOp, BinaryBlockLoop>> = {
  add,
  sub: subtract,
  mul: multiplyInteger,
  div: floorDivide,
  pow: powerInteger,
  maximum,
  minimum,
  mod: modulo,
  floorDiv: floorDivide,
};
