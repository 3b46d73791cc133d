import { assertNormalParameters } from '../random/assert-normal-parameters';
import type { RandomOptions } from '../random/random-options';
import { randomUnitInterval } from '../random/random-unit-interval';
import type { Tensor } from '../tensor';
import { assertValidShape, sizeFromShape } from '../util/shape';
import { add } from './add';
import { cast } from './cast';
import { concat } from './concat';
import { cos } from './cos';
import { fill } from './fill';
import { runComposed } from './internal/run-composed';
import { log } from './log';
import { mul } from './mul';
import { reshape } from './reshape';
import { round } from './round';
import { sin } from './sin';
import { slice } from './slice';
import { sqrt } from './sqrt';
import { sub } from './sub';

/**
 * Normally distributed random numbers (int32 rounds them, as tfjs). Box–Muller on pairs of uniforms u1, u2:
 * r = sqrt(−2·log(1 − u1)) and θ = 2π·u2 give two independent samples r·cos θ and r·sin θ. 1 − u1 lies in (0, 1],
 * so the log is finite. Pass `{ seed }` for a reproducible draw; otherwise the global stream advances.
 */
export function randomNormal(
  shape: readonly number[],
  mean = 0,
  stdDev = 1,
  dtype: 'float32' | 'int32' = 'float32',
  options: RandomOptions = {},
): Tensor {
  const opName = 'randomNormal';
  assertValidShape(shape, opName);
  assertNormalParameters(mean, stdDev, dtype, opName);
  const size = sizeFromShape(shape);
  if (size === 0) return fill(shape, 0, dtype, opName);
  return runComposed(() => {
    const pairs = Math.ceil(size / 2);
    const uniforms = randomUnitInterval(2 * pairs, options.seed, opName);
    const radius = sqrt(mul(log(sub(1, slice(uniforms, [0], [pairs]))), -2));
    const angle = mul(slice(uniforms, [pairs], [pairs]), 2 * Math.PI);
    const samples = concat([mul(radius, cos(angle)), mul(radius, sin(angle))], 0);
    const standard = reshape(slice(samples, [0], [size]), shape);
    const scaled = add(mul(standard, stdDev), mean);
    return dtype === 'int32' ? cast(round(scaled), 'int32') : scaled;
  });
}
