import { add } from '../ops/add';
import { log } from '../ops/log';
import { mul } from '../ops/mul';
import { neg } from '../ops/neg';
import { sub } from '../ops/sub';
import type { Tensor } from '../tensor';

/**
 * The central-branch polynomial of M. Giles, "Approximating the erfinv function" (GPU Computing Gems, 2011),
 * single precision: erfinv(x) = x · P(w − 2.5) with w = −log((1 − x)(1 + x)), valid while w < 5, i.e. |x| < 0.9966.
 * Its relative error is about 1.3e-7. Highest power first.
 */
const COEFFICIENTS = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 2.1858087e-4, -1.25372503e-3, -4.17768164e-3,
  0.246640727, 1.50140941,
];

/**
 * The inverse error function for |x| < 0.9966, built from element-wise ops so that every backend evaluates the
 * same formula (the truncated normal only needs |x| ≤ erf(√2) ≈ 0.9545).
 */
export function erfInverseCentral(x: Tensor): Tensor {
  const w = sub(neg(log(mul(sub(1, x), add(x, 1)))), 2.5);
  let polynomial = mul(w, COEFFICIENTS[0]);
  for (let index = 1; index < COEFFICIENTS.length - 1; index++) {
    polynomial = mul(add(polynomial, COEFFICIENTS[index]), w);
  }
  return mul(add(polynomial, COEFFICIENTS[COEFFICIENTS.length - 1]), x);
}
