import type { DType, TypedArray } from '../../../dtype';

/**
 * One reduction, as the three loops the reduce kernel needs: reduce a contiguous run of input to a number, fold
 * such a number into an accumulator, and fold a contiguous run of input element-wise into a run of accumulators.
 * Accumulators are float64, so sums of float32 are accumulated in double precision and int32 sums stay exact
 * (below 2^53) until they wrap when stored.
 */
export interface ReduceOperation {
  identity(dtype: DType): number;
  reduceRun(x: TypedArray, offset: number, length: number): number;
  combine(accumulator: number, value: number): number;
  accumulateRun(
    accumulators: Float64Array,
    accumulatorOffset: number,
    x: TypedArray,
    offset: number,
    length: number,
  ): void;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export const SUM: ReduceOperation = {
  identity: () => 0,
  reduceRun(x, offset, length) {
    let total = 0;
    for (let index = offset; index < offset + length; index++) total += x[index];
    return total;
  },
  combine: (accumulator, value) => accumulator + value,
  accumulateRun(accumulators, accumulatorOffset, x, offset, length) {
    for (let index = 0; index < length; index++) accumulators[accumulatorOffset + index] += x[offset + index];
  },
};

export const PRODUCT_FLOAT: ReduceOperation = {
  identity: () => 1,
  reduceRun(x, offset, length) {
    let product = 1;
    for (let index = offset; index < offset + length; index++) product *= x[index];
    return product;
  },
  combine: (accumulator, value) => accumulator * value,
  accumulateRun(accumulators, accumulatorOffset, x, offset, length) {
    for (let index = 0; index < length; index++) accumulators[accumulatorOffset + index] *= x[offset + index];
  },
};

/** int32 products wrap modulo 2^32 at every step, which a float64 product would not reproduce past 2^53. */
export const PRODUCT_INTEGER: ReduceOperation = {
  identity: () => 1,
  reduceRun(x, offset, length) {
    let product = 1;
    for (let index = offset; index < offset + length; index++) product = Math.imul(product, x[index]);
    return product;
  },
  combine: (accumulator, value) => Math.imul(accumulator, value),
  accumulateRun(accumulators, accumulatorOffset, x, offset, length) {
    for (let index = 0; index < length; index++) {
      accumulators[accumulatorOffset + index] = Math.imul(accumulators[accumulatorOffset + index], x[offset + index]);
    }
  },
};

/** NaN wins: once the running value is NaN no comparison replaces it. Also `any` on bool (0/1). */
export const MAXIMUM: ReduceOperation = {
  identity: (dtype) => (dtype === 'float32' ? Number.NEGATIVE_INFINITY : dtype === 'int32' ? INT32_MIN : 0),
  reduceRun(x, offset, length) {
    let best = Number.NEGATIVE_INFINITY;
    for (let index = offset; index < offset + length; index++) {
      const value = x[index];
      if (value > best || value !== value) best = value;
    }
    return best;
  },
  combine: (accumulator, value) => (value > accumulator || value !== value ? value : accumulator),
  accumulateRun(accumulators, accumulatorOffset, x, offset, length) {
    for (let index = 0; index < length; index++) {
      const value = x[offset + index];
      const current = accumulators[accumulatorOffset + index];
      if (value > current || value !== value) accumulators[accumulatorOffset + index] = value;
    }
  },
};

/** NaN wins, as for MAXIMUM. Also `all` on bool (0/1). */
export const MINIMUM: ReduceOperation = {
  identity: (dtype) => (dtype === 'float32' ? Number.POSITIVE_INFINITY : dtype === 'int32' ? INT32_MAX : 1),
  reduceRun(x, offset, length) {
    let best = Number.POSITIVE_INFINITY;
    for (let index = offset; index < offset + length; index++) {
      const value = x[index];
      if (value < best || value !== value) best = value;
    }
    return best;
  },
  combine: (accumulator, value) => (value < accumulator || value !== value ? value : accumulator),
  accumulateRun(accumulators, accumulatorOffset, x, offset, length) {
    for (let index = 0; index < length; index++) {
      const value = x[offset + index];
      const current = accumulators[accumulatorOffset + index];
      if (value < current || value !== value) accumulators[accumulatorOffset + index] = value;
    }
  },
};
