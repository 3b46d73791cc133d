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
