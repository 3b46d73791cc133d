import { assertNormalParameters } from '../random/assert-normal-parameters';
import { erfInverseCentral } from '../random/erf-inverse';
import type { RandomOptions } from '../random/random-options';
import { randomUnitInterval } from '../random/random-unit-interval';
import type { Tensor } from '../tensor';
import { assertValidShape, sizeFromShape } from '../util/shape';
import { add } from './add';
import { cast } from './cast';
import { clipByValue } from './clip-by-value';
import { runComposed } from './internal/run-composed';
import { mul } from './mul';
import { reshape } from './reshape';
import { round } from './round';
import { sub } from './sub';

/** erf(√2): the standard normal's probability mass within ±2 is erf(2/√2). */
const ERF_OF_SQRT_2 = 0.9544997361036416;
/** 2u − (1 − 2^-24) maps u = k·2^-24 onto the odd multiples of 2^-24 in (−1, 1), symmetric around 0. */
const CENTERING_OFFSET = 1 - 2 ** -24;

/**
 * Normal random numbers truncated to within two standard deviations of the mean (int32 rounds them, as tfjs).
 * Instead of rejecting and redrawing (which makes the numbers depend on the data), each sample is the inverse CDF
 * of a uniform restricted to [Φ(−2), Φ(2)]: z = √2·erfinv(erf(√2)·v) with v uniform in (−1, 1). The same formula
 * runs on every backend, and one uniform makes one sample. Pass `{ seed }` for a reproducible draw.
 */
export function truncatedNormal(
  shape: readonly number[],
  mean = 0,
  stdDev = 1,
  dtype: 'float32' | 'int32' = 'float32',
  options: RandomOptions = {},
): Tensor {
  const opName = 'truncatedNormal';
  assertValidShape(shape, opName);
  assertNormalParameters(mean, stdDev, dtype, opName);
  return runComposed(() => {
    const unit = randomUnitInterval(sizeFromShape(shape), options.seed, opName);
    // v = (2k + 1 − 2^24)·2^-24 exactly: an integer below 2^24 in magnitude times a power of two.
    const symmetric = sub(mul(unit, 2), CENTERING_OFFSET);
    const standard = mul(erfInverseCentral(mul(symmetric, ERF_OF_SQRT_2)), Math.SQRT2);
    // The approximation may land a rounding step outside ±2 at the extremes; the bound is a promise of the op.
    const bounded = clipByValue(reshape(standard, shape), -2, 2);
    const scaled = add(mul(bounded, stdDev), mean);
    return dtype === 'int32' ? cast(round(scaled), 'int32') : scaled;
  });
}
