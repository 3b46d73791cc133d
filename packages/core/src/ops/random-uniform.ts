import { DTypeError, InvalidArgumentError } from '../errors';
import type { RandomOptions } from '../random/random-options';
import { randomUnitInterval } from '../random/random-unit-interval';
import type { Tensor } from '../tensor';
import { assertValidShape, sizeFromShape } from '../util/shape';
import { add } from './add';
import { cast } from './cast';
import { floor } from './floor';
import { runComposed } from './internal/run-composed';
import { minimum } from './minimum';
import { mul } from './mul';
import { reshape } from './reshape';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The largest float32 not above `limit` (≥ 0), so that clamping to it never rounds past `limit`. */
function float32AtMost(limit: number): number {
  const bits = new Float32Array([limit]);
  if (bits[0] > limit) new Int32Array(bits.buffer)[0] -= 1;
  return bits[0];
}

function assertIntegerBounds(minval: number, maxval: number, opName: string): void {
  const inRange = (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
  if (!inRange(minval) || !inRange(maxval) || minval >= maxval || maxval - minval > INT32_MAX) {
    throw new InvalidArgumentError(
      `${opName}: int32 needs int32 integers minval < maxval with maxval − minval ≤ ${INT32_MAX}, got minval=${minval} maxval=${maxval}`,
    );
  }
}

/**
 * Uniform random numbers in [minval, maxval). float32 values are minval + u·(maxval − minval) with u from
 * random/random-unit-interval.ts; int32 values are floor(u·(maxval − minval)) + minval, so every integer in
 * [minval, maxval) is equally likely up to the float32 rounding of u·width (a bias of order 2^-24 per value).
 * Pass `{ seed }` for a reproducible draw; otherwise the global stream advances (see `setSeed`).
 */
export function randomUniform(
  shape: readonly number[],
  minval = 0,
  maxval = 1,
  dtype: 'float32' | 'int32' = 'float32',
  options: RandomOptions = {},
): Tensor {
  const opName = 'randomUniform';
  assertValidShape(shape, opName);
  if (
    typeof minval !== 'number' ||
    !Number.isFinite(minval) ||
    typeof maxval !== 'number' ||
    !Number.isFinite(maxval)
  ) {
    throw new InvalidArgumentError(
      `${opName}: minval and maxval must be finite numbers, got minval=${String(minval)} maxval=${String(maxval)}`,
    );
  }
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new DTypeError(`${opName}: dtype must be 'float32' or 'int32', got ${String(dtype)}`);
  }
  if (dtype === 'int32') assertIntegerBounds(minval, maxval, opName);
  else if (minval > maxval) {
    throw new InvalidArgumentError(`${opName}: minval must not exceed maxval, got minval=${minval} maxval=${maxval}`);
  }
  const width = maxval - minval;
  return runComposed(() => {
    const unit = reshape(randomUnitInterval(sizeFromShape(shape), options.seed, opName), shape);
    if (dtype === 'float32') return minval === 0 && maxval === 1 ? unit : add(mul(unit, width), minval);
    // For wide ranges float32 rounding of u·width can reach width itself; the clamp keeps maxval excluded and the
    // cast in int32 range. Adding minval in int32 keeps large offsets such as minval = 1e9 exact.
    const offsets = minimum(floor(mul(unit, width)), float32AtMost(width - 1));
    return add(cast(offsets, 'int32'), minval);
  });
}
