// Element-wise float32 kernels on SIMD128 for the CPU backend's commonest cases: two same-length operands, or one
// operand and a scalar. Results are bit-identical to the TypeScript loops in src/backends/cpu/kernels/: + - * /
// and sqrt are correctly rounded in both, and maximum, minimum and relu select bits through the same masks
// (a NaN operand wins, and maximum(+0, -0) is the second operand), not through f32x4.max's rules.

/** Binary op codes, shared with src/backends/cpu/wasm/simd-elementwise.ts. */
const ADD = 0;
const SUBTRACT = 1;
const MULTIPLY = 2;
const DIVIDE = 3;
const MAXIMUM = 4;
const MINIMUM = 5;

/** Unary op codes, shared with src/backends/cpu/wasm/simd-elementwise.ts. */
const NEGATE = 0;
const ABSOLUTE = 1;
const SQUARE_ROOT = 2;
const SQUARE = 3;
const RELU = 4;

@inline
function applyBinary(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return f32x4.add(x, y);
  if (op == SUBTRACT) return f32x4.sub(x, y);
  if (op == MULTIPLY) return f32x4.mul(x, y);
  if (op == DIVIDE) return f32x4.div(x, y);
  // x's bits where x wins or is NaN, else y's.
  const xIsNaN = f32x4.ne(x, x);
  if (op == MAXIMUM) return v128.bitselect(x, y, v128.or(f32x4.gt(x, y), xIsNaN));
  return v128.bitselect(x, y, v128.or(f32x4.lt(x, y), xIsNaN));
}

@inline
function applyUnary(op: i32, x: v128): v128 {
  if (op == NEGATE) return f32x4.neg(x);
  if (op == ABSOLUTE) return f32x4.abs(x);
  if (op == SQUARE_ROOT) return f32x4.sqrt(x);
  if (op == SQUARE) return f32x4.mul(x, x);
  // relu: x where x > 0 or x is NaN, else +0.
  return v128.and(x, v128.or(f32x4.gt(x, f32x4.splat(0)), f32x4.ne(x, x)));
}

/**
 * One op over `length` elements. A step of 0 makes that operand a scalar (one element, broadcast); a step of 1
 * walks it. Four lanes per iteration, then the remainder one lane at a time through the same vector code.
 */
@inline
function binaryLoop(op: i32, a: usize, aStep: i32, b: usize, bStep: i32, out: usize, length: i32): void {
  const vectorEnd = out + (<usize>(length & ~3) << 2);
  const end = out + (<usize>length << 2);
  if (aStep == 1 && bStep == 1) {
    while (out < vectorEnd) {
      v128.store(out, applyBinary(op, v128.load(a), v128.load(b)));
      a += 16;
      b += 16;
      out += 16;
    }
    while (out < end) {
      store<f32>(out, f32x4.extract_lane(applyBinary(op, f32x4.splat(load<f32>(a)), f32x4.splat(load<f32>(b))), 0));
      a += 4;
      b += 4;
      out += 4;
    }
  } else if (bStep == 0) {
    const y = v128.load32_splat(b);
    while (out < vectorEnd) {
      v128.store(out, applyBinary(op, v128.load(a), y));
      a += 16;
      out += 16;
    }
    while (out < end) {
      store<f32>(out, f32x4.extract_lane(applyBinary(op, f32x4.splat(load<f32>(a)), y), 0));
      a += 4;
      out += 4;
    }
  } else {
    const x = v128.load32_splat(a);
    while (out < vectorEnd) {
      v128.store(out, applyBinary(op, x, v128.load(b)));
      b += 16;
      out += 16;
    }
    while (out < end) {
      store<f32>(out, f32x4.extract_lane(applyBinary(op, x, f32x4.splat(load<f32>(b))), 0));
      b += 4;
      out += 4;
    }
  }
}

/** out[i] = a[i] op b[i] over float32, with a step of 0 for a scalar operand (at most one of the two). */
export function binary(op: i32, a: usize, aStep: i32, b: usize, bStep: i32, out: usize, length: i32): void {
  // Each case inlines the loop with a constant op, so every op gets its own branch-free loop.
  switch (op) {
    case ADD:
      binaryLoop(ADD, a, aStep, b, bStep, out, length);
      break;
    case SUBTRACT:
      binaryLoop(SUBTRACT, a, aStep, b, bStep, out, length);
      break;
    case MULTIPLY:
      binaryLoop(MULTIPLY, a, aStep, b, bStep, out, length);
      break;
    case DIVIDE:
      binaryLoop(DIVIDE, a, aStep, b, bStep, out, length);
      break;
    case MAXIMUM:
      binaryLoop(MAXIMUM, a, aStep, b, bStep, out, length);
      break;
    default:
      binaryLoop(MINIMUM, a, aStep, b, bStep, out, length);
  }
}

@inline
function unaryLoop(op: i32, x: usize, out: usize, length: i32): void {
  const vectorEnd = out + (<usize>(length & ~3) << 2);
  const end = out + (<usize>length << 2);
  while (out < vectorEnd) {
    v128.store(out, applyUnary(op, v128.load(x)));
    x += 16;
    out += 16;
  }
  while (out < end) {
    store<f32>(out, f32x4.extract_lane(applyUnary(op, f32x4.splat(load<f32>(x))), 0));
    x += 4;
    out += 4;
  }
}

/** out[i] = op(x[i]) over float32. */
export function unary(op: i32, x: usize, out: usize, length: i32): void {
  switch (op) {
    case NEGATE:
      unaryLoop(NEGATE, x, out, length);
      break;
    case ABSOLUTE:
      unaryLoop(ABSOLUTE, x, out, length);
      break;
    case SQUARE_ROOT:
      unaryLoop(SQUARE_ROOT, x, out, length);
      break;
    case SQUARE:
      unaryLoop(SQUARE, x, out, length);
      break;
    default:
      unaryLoop(RELU, x, out, length);
  }
}

/**
 * One Adam step over `length` float32 elements (the adamUpdate kernel), in the composite's order of operations so
 * that every intermediate rounds alike: m' = m·β1 + g·(1 − β1); v' = v·β2 + g²·(1 − β2);
 * p' = p − m'·stepSize / (√(v' / secondCorrection) + ε). The scalars arrive already rounded to float32.
 */
export function adamUpdate(
  variable: usize,
  gradient: usize,
  firstMoment: usize,
  secondMoment: usize,
  outVariable: usize,
  outFirst: usize,
  outSecond: usize,
  length: i32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  stepSize: f32,
  secondCorrection: f32,
  epsilon: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const step = f32x4.splat(stepSize);
  const correction = f32x4.splat(secondCorrection);
  const eps = f32x4.splat(epsilon);
  const vectorLength = length & ~3;
  for (let index = 0; index < length; index += 4) {
    const offset = <usize>index << 2;
    let g: v128;
    let m: v128;
    let v: v128;
    let p: v128;
    if (index < vectorLength) {
      g = v128.load(gradient + offset);
      m = v128.load(firstMoment + offset);
      v = v128.load(secondMoment + offset);
      p = v128.load(variable + offset);
    } else {
      // The last, partial vector: one lane at a time (lane 0 of each).
      g = f32x4.splat(load<f32>(gradient + offset));
      m = f32x4.splat(load<f32>(firstMoment + offset));
      v = f32x4.splat(load<f32>(secondMoment + offset));
      p = f32x4.splat(load<f32>(variable + offset));
    }
    const newFirst = f32x4.add(f32x4.mul(m, b1), f32x4.mul(g, c1));
    const newSecond = f32x4.add(f32x4.mul(v, b2), f32x4.mul(f32x4.mul(g, g), c2));
    const denominator = f32x4.add(f32x4.sqrt(f32x4.div(newSecond, correction)), eps);
    const newVariable = f32x4.sub(p, f32x4.div(f32x4.mul(newFirst, step), denominator));
    if (index < vectorLength) {
      v128.store(outFirst + offset, newFirst);
      v128.store(outSecond + offset, newSecond);
      v128.store(outVariable + offset, newVariable);
    } else {
      store<f32>(outFirst + offset, f32x4.extract_lane(newFirst, 0));
      store<f32>(outSecond + offset, f32x4.extract_lane(newSecond, 0));
      store<f32>(outVariable + offset, f32x4.extract_lane(newVariable, 0));
      index -= 3;
    }
  }
}
