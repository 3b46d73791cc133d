import type { BinaryOp, KernelFunction } from '@tessera/core/backend';
import type { KernelEnvironment } from '../kernel-environment';
import { dispatchBroadcast } from './broadcast-dispatch';

/*
 * Semantics follow the CPU backend: float mod takes the divisor's sign, pow follows JavaScript's `**` (negative
 * bases need integer exponents), maximum/minimum propagate NaN. int32 arithmetic wraps modulo 2^32 (WGSL's i32
 * does); int division floors, and division or mod by zero gives 0, where WGSL would return the dividend.
 */
const FUNCTIONS = /* wgsl */ `
/** a - q * b with the product's rounding error recovered (Dekker's two-product: WGSL's fma need not be fused). */
fn remainder_of(a: f32, q: f32, b: f32) -> f32 {
  let product = q * b;
  let q_split = 4097.0 * q;
  let q_high = q_split - (q_split - q);
  let q_low = q - q_high;
  let b_split = 4097.0 * b;
  let b_high = b_split - (b_split - b);
  let b_low = b - b_high;
  let error = ((q_high * b_high - product) + q_high * b_low + q_low * b_high) + q_low * b_low;
  return (a - product) - error;
}
fn float_floor_div(a: f32, b: f32) -> f32 {
  let quotient = floor(a / b);
  if (is_inf(quotient) || is_nan(quotient) || is_inf(b) || abs(quotient) >= 16777216.0) { return quotient; }
  // The f32 quotient may round up across an integer (2.5 / 0.001 gives 2500, the exact value is 2499.99988);
  // the sign of the exact remainder shows it.
  let remainder = remainder_of(a, quotient, b);
  if (remainder != 0.0 && (remainder < 0.0) != (b < 0.0)) { return quotient - 1.0; }
  return quotient;
}
fn float_mod(a: f32, b: f32) -> f32 {
  if (b == 0.0 || is_nan(a) || is_nan(b) || is_inf(a)) { return make_nan(); }
  if (is_inf(b)) { return select(a, b, a != 0.0 && (a < 0.0) != (b < 0.0)); }
  var remainder = remainder_of(a, float_floor_div(a, b), b);
  if (remainder != 0.0 && (remainder < 0.0) != (b < 0.0)) { remainder += b; }
  return remainder;
}
fn float_pow(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return 1.0; }
  if (is_nan(a) || is_nan(b)) { return make_nan(); }
  // JavaScript's Math.pow(±1, ±Infinity) is NaN; WGSL's pow (and C's) give 1 or Infinity.
  if (abs(a) == 1.0 && is_inf(b)) { return make_nan(); }
  let odd = abs(b) < 16777216.0 && trunc(b) == b && fract(b * 0.5) != 0.0;
  if (a == 0.0) {
    // (-0) ** odd keeps the sign: -0 for positive exponents, -Infinity for negative ones.
    let negative = odd && (bitcast<u32>(a) >> 31u) != 0u;
    return select(select(0.0, -0.0, negative), make_inf(negative), b < 0.0);
  }
  let magnitude = pow(abs(a), b);
  if (a > 0.0 || is_inf(b)) { return magnitude; }
  // A negative base needs an integer exponent, except -Infinity, which JavaScript raises to any power.
  if (trunc(b) != b && !is_inf(a)) { return make_nan(); }
  return select(magnitude, -magnitude, odd);
}
fn int_floor_div(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  if (b == -1) { return -a; }
  let quotient = a / b;
  if (quotient * b != a && ((a < 0) != (b < 0))) { return quotient - 1; }
  return quotient;
}
fn int_mod(a: i32, b: i32) -> i32 {
  if (b == 0 || b == -1) { return 0; }
  let remainder = a % b;
  if (remainder != 0 && ((remainder < 0) != (b < 0))) { return remainder + b; }
  return remainder;
}
fn int_pow(base: i32, exponent: i32) -> i32 {
  if (exponent < 0) {
    if (base == 1) { return 1; }
    if (base == -1) { return select(1, -1, (exponent & 1) != 0); }
    return 0;
  }
  var result = 1;
  var factor = base;
  var remaining = u32(exponent);
  while (remaining > 0u) {
    if ((remaining & 1u) != 0u) { result = result * factor; }
    factor = factor * factor;
    remaining = remaining >> 1u;
  }
  return result;
}
`;

const FLOAT_EXPRESSIONS: Readonly<Record<BinaryOp, string>> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'a / b',
  pow: 'float_pow(a, b)',
  maximum: 'select(b, a, a > b || is_nan(a))',
  minimum: 'select(b, a, a < b || is_nan(a))',
  mod: 'float_mod(a, b)',
  floorDiv: 'float_floor_div(a, b)',
};

const INTEGER_EXPRESSIONS: Readonly<Record<BinaryOp, string>> = {
  add: 'a + b',
  sub: 'a - b',
  mul: 'a * b',
  div: 'int_floor_div(a, b)',
  pow: 'int_pow(a, b)',
  maximum: 'max(a, b)',
  minimum: 'min(a, b)',
  mod: 'int_mod(a, b)',
  floorDiv: 'int_floor_div(a, b)',
};

export function createBinaryKernel(environment: KernelEnvironment): KernelFunction<'binary'> {
  return ({ a, b }, { op }) => {
    const float = a.dtype === 'float32';
    const type = float ? 'f32' : 'i32';
    const expression = (float ? FLOAT_EXPRESSIONS : INTEGER_EXPRESSIONS)[op];
    return dispatchBroadcast(environment, {
      key: `binary:${op}`,
      inputs: [a, b],
      outputDtype: a.dtype,
      expression: 'binary_op(value_0, value_1)',
      functions: `${FUNCTIONS}\nfn binary_op(a: ${type}, b: ${type}) -> ${type} { return ${expression}; }`,
    });
  };
}
