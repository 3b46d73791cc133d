import type { UnaryOp } from '../backend/kernel-specs';
import { add } from '../ops/add';
import { cast } from '../ops/cast';
import { cos } from '../ops/cos';
import { div } from '../ops/div';
import { exp } from '../ops/exp';
import { greater } from '../ops/greater';
import { mul } from '../ops/mul';
import { neg } from '../ops/neg';
import { sign } from '../ops/sign';
import { sin } from '../ops/sin';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import { zerosLike } from '../ops/zeros-like';
import type { Tensor } from '../tensor';
import type { GradientRule } from './gradient-rule';

type UnaryDerivative = (dy: Tensor, x: Tensor, y: Tensor) => Tensor | undefined;

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** d(op(x))/dx times dy, written with ops so that higher-order gradients work too. */
const DERIVATIVES: Record<UnaryOp, UnaryDerivative> = {
  neg: (dy) => neg(dy),
  abs: (dy, x) => mul(dy, sign(x)),
  exp: (dy, _x, y) => mul(dy, y),
  log: (dy, x) => div(dy, x),
  log1p: (dy, x) => div(dy, add(x, 1)),
  expm1: (dy, _x, y) => mul(dy, add(y, 1)),
  sqrt: (dy, _x, y) => div(dy, mul(y, 2)),
  rsqrt: (dy, _x, y) => mul(mul(dy, -0.5), mul(y, square(y))),
  square: (dy, x) => mul(dy, mul(x, 2)),
  reciprocal: (dy, _x, y) => neg(mul(dy, square(y))),
  sin: (dy, x) => mul(dy, cos(x)),
  cos: (dy, x) => neg(mul(dy, sin(x))),
  tanh: (dy, _x, y) => mul(dy, sub(1, square(y))),
  sigmoid: (dy, _x, y) => mul(dy, mul(y, sub(1, y))),
  relu: (dy, x) => mul(dy, cast(greater(x, 0), dy.dtype)),
  sign: (dy) => zerosLike(dy),
  floor: (dy) => zerosLike(dy),
  ceil: (dy) => zerosLike(dy),
  round: (dy) => zerosLike(dy),
  erf: (dy, x) => mul(dy, mul(exp(neg(square(x))), TWO_OVER_SQRT_PI)),
  isNaN: () => undefined,
  isFinite: () => undefined,
  logicalNot: () => undefined,
};

export function unaryGradient(
  ...[dy, { inputs, output, attributes }]: Parameters<GradientRule<'unary'>>
): ReturnType<GradientRule<'unary'>> {
  if (inputs.x.dtype !== 'float32') return {};
  return { x: DERIVATIVES[attributes.op](dy, inputs.x, output) };
}
