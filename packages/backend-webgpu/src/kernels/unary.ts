import type { KernelFunction, UnaryOp } from '@tessera/core/backend';
import { workgroupsFor } from '../gpu-context';
import type { KernelEnvironment } from '../kernel-environment';
import { bindings, elementwiseMain, WGSL_COMMON } from '../wgsl-helpers';

/*
 * Float math in f32. Where a direct formula loses precision or overflows (log1p, expm1, tanh, sigmoid) the shader
 * uses a stable form; erf has no WGSL builtin (a series near zero, Abramowitz and Stegun 7.1.26 elsewhere).
 */
export const FLOAT_FUNCTIONS = /* wgsl */ `
fn expm1_of(x: f32) -> f32 {
  let u = exp(x);
  if (u == 1.0) { return x; }
  let shifted = u - 1.0;
  if (shifted == -1.0 || is_inf(u)) { return shifted; }
  return shifted * x / log(u);
}
// Through a var so the shader compiler does not fold the bits into a literal it refuses (-inf is not an f32 const).
fn negative_infinity() -> f32 { var bits = 0xff800000u; return bitcast<f32>(bits); }
// sin and cos by Cody–Waite reduction to [-π/4, π/4] and short polynomials: accurate to ~1e-7 for |x| below
// about 1e5, where WGSL's own sin/cos only promise 2^-11 absolute error inside [-π, π] (SwiftShader is ~2e-4 off).
fn quarter_turns(x: f32) -> f32 { return round(x * 0.636619772); }
fn reduced_angle(x: f32, quarters: f32) -> f32 {
  return ((x - quarters * 1.5703125) - quarters * 4.837512969970703e-4) - quarters * 7.549789954891882e-8;
}
fn sin_polynomial(r: f32) -> f32 {
  let s = r * r;
  return r + r * s * (-0.16666667 + s * (0.008333333 + s * (-0.0001984127 + s * 0.0000027557319)));
}
fn cos_polynomial(r: f32) -> f32 {
  let s = r * r;
  return 1.0 + s * (-0.5 + s * (0.041666668 + s * (-0.0013888889 + s * 0.0000248015873)));
}
fn sin_of(x: f32) -> f32 {
  if (is_nan(x) || is_inf(x)) { return make_nan(); }
  let quarters = quarter_turns(x);
  let r = reduced_angle(x, quarters);
  let quadrant = i32(quarters - 4.0 * floor(quarters * 0.25));
  switch quadrant {
    case 0: { return sin_polynomial(r); }
    case 1: { return cos_polynomial(r); }
    case 2: { return -sin_polynomial(r); }
    default: { return -cos_polynomial(r); }
  }
}
fn cos_of(x: f32) -> f32 {
  if (is_nan(x) || is_inf(x)) { return make_nan(); }
  let quarters = quarter_turns(x);
  let r = reduced_angle(x, quarters);
  let quadrant = i32(quarters - 4.0 * floor(quarters * 0.25));
  switch quadrant {
    case 0: { return cos_polynomial(r); }
    case 1: { return -sin_polynomial(r); }
    case 2: { return -cos_polynomial(r); }
    default: { return sin_polynomial(r); }
  }
}
fn log1p_of(x: f32) -> f32 {
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  if (is_inf(u)) { return log(u); }
  return log(u) * x / (u - 1.0);
}
fn tanh_of(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let e = expm1_of(2.0 * min(abs(x), 20.0));
  let magnitude = e / (e + 2.0);
  return select(magnitude, -magnitude, x < 0.0);
}
fn sigmoid_of(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); }
  let e = exp(x);
  return e / (1.0 + e);
}
fn erf_of(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  if (a < 0.5) {
    let s = x * x;
    return 1.1283791671 * x * (1.0 + s * (-0.3333333333 + s * (0.1 + s * (-0.0238095238 + s * 0.0046296296))));
  }
  let t = 1.0 / (1.0 + 0.3275911 * a);
  let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  let magnitude = 1.0 - poly * exp(-a * a);
  return select(magnitude, -magnitude, x < 0.0);
}
`;

const FLOAT_EXPRESSIONS: Readonly<Record<UnaryOp, string>> = {
  neg: '-x',
  abs: 'abs(x)',
  exp: 'exp(x)',
  // At and outside the domain's edge WGSL leaves the result to the driver (SwiftShader's log(-1) is a number and
  // log(0) is -88): -Infinity at 0 and NaN below, as in JS.
  log: 'select(select(log(x), negative_infinity(), x == 0.0), make_nan(), x < 0.0)',
  log1p: 'select(select(log1p_of(x), negative_infinity(), x == -1.0), make_nan(), x < -1.0)',
  expm1: 'expm1_of(x)',
  sqrt: 'select(sqrt(x), make_nan(), x < 0.0)',
  rsqrt: 'select(1.0 / sqrt(x), make_nan(), x < 0.0)',
  square: 'x * x',
  reciprocal: '1.0 / x',
  sin: 'sin_of(x)',
  cos: 'cos_of(x)',
  tanh: 'tanh_of(x)',
  sigmoid: 'sigmoid_of(x)',
  // NaN stays NaN and -0 becomes +0, as on the CPU backend.
  relu: 'select(0.0, x, x > 0.0 || is_nan(x))',
  sign: 'select(sign(x), x, is_nan(x))',
  floor: 'floor(x)',
  ceil: 'ceil(x)',
  // WGSL's round is round-half-to-even, like the CPU backend's.
  round: 'round(x)',
  erf: 'erf_of(x)',
  isNaN: 'i32(is_nan(x))',
  isFinite: 'i32((bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u)',
  logicalNot: 'i32(x == 0.0 && !is_nan(x))',
};

/** int32 (and bool) math wraps modulo 2^32 like the CPU backend's Int32Array stores. */
const INTEGER_EXPRESSIONS: Partial<Record<UnaryOp, string>> = {
  neg: '-x',
  abs: 'abs(x)',
  square: 'x * x',
  relu: 'max(x, 0)',
  sign: 'sign(x)',
  floor: 'x',
  ceil: 'x',
  round: 'x',
  isNaN: '0',
  isFinite: '1',
  logicalNot: 'i32(x == 0)',
};

const BOOL_OUTPUT: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['isNaN', 'isFinite', 'logicalNot']);

/**
 * NaN in gives NaN out for every float-valued op, whatever the driver's math library does with NaN (SwiftShader's
 * exp(NaN) is +Infinity); bool-valued ops decide NaN themselves.
 */
function floatExpression(op: UnaryOp): string {
  return BOOL_OUTPUT.has(op) ? FLOAT_EXPRESSIONS[op] : `select(${FLOAT_EXPRESSIONS[op]}, x, is_nan(x))`;
}

function unaryShader(op: UnaryOp, floatInput: boolean): string {
  const inputType = floatInput ? 'f32' : 'i32';
  const outputType = BOOL_OUTPUT.has(op) || !floatInput ? 'i32' : 'f32';
  const integerExpression = INTEGER_EXPRESSIONS[op];
  // Float-only math on an int32 tensor goes through f32, as the CPU backend goes through float64.
  const body =
    floatInput || integerExpression !== undefined
      ? `  let x = x_values[index];\n  out[index] = ${floatInput ? floatExpression(op) : integerExpression};`
      : `  let x = f32(x_values[index]);\n  out[index] = i32(${FLOAT_EXPRESSIONS[op]});`;
  return `${bindings([['x_values', inputType]], outputType)}
${WGSL_COMMON}
${FLOAT_FUNCTIONS}
${elementwiseMain(body)}`;
}

export function createUnaryKernel(environment: KernelEnvironment): KernelFunction<'unary'> {
  return ({ x }, { op }) => {
    const { storage } = environment;
    const output = storage.allocate(x.shape, BOOL_OUTPUT.has(op) ? 'bool' : x.dtype);
    if (output.length === 0) return output.info;
    const floatInput = x.dtype === 'float32';
    environment.context().dispatch({
      key: `unary:${op}:${floatInput ? 'f32' : 'i32'}`,
      source: () => unaryShader(op, floatInput),
      inputs: [storage.bufferOf(x)],
      output: output.buffer,
      meta: [output.length],
      workgroups: workgroupsFor(output.length),
    });
    return output.info;
  };
}
