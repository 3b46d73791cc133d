import type { BinaryOp } from '../backend/kernel-specs';
import { cast } from '../ops/cast';
import { div } from '../ops/div';
import { floor } from '../ops/floor';
import { greater } from '../ops/greater';
import { greaterEqual } from '../ops/greater-equal';
import { less } from '../ops/less';
import { lessEqual } from '../ops/less-equal';
import { log } from '../ops/log';
import { mul } from '../ops/mul';
import { neg } from '../ops/neg';
import { onesLike } from '../ops/ones-like';
import { pow } from '../ops/pow';
import { square } from '../ops/square';
import { sub } from '../ops/sub';
import { where } from '../ops/where';
import { zerosLike } from '../ops/zeros-like';
import type { Tensor } from '../tensor';
import type { GradientRule } from './gradient-rule';
import { reduceToShape } from './reduce-to-shape';

type BinaryDerivative = (dy: Tensor, a: Tensor, b: Tensor, y: Tensor) => [Tensor | undefined, Tensor | undefined];

const mask = (condition: Tensor, like: Tensor): Tensor => cast(condition, like.dtype);

/** Gradients at the broadcast shape; `binaryGradient` sums them back to each operand's shape. */
const DERIVATIVES: Record<BinaryOp, BinaryDerivative> = {
  add: (dy) => [dy, dy],
  sub: (dy) => [dy, neg(dy)],
  mul: (dy, a, b) => [mul(dy, b), mul(dy, a)],
  div: (dy, a, b) => [div(dy, b), neg(div(mul(dy, a), square(b)))],
  pow: (dy, a, b, y) => {
    const gradientA = mul(dy, mul(b, pow(a, sub(b, 1))));
    // d(a^b)/db = a^b log a, defined for a > 0; tfjs uses 0 elsewhere.
    const positive = greater(a, 0);
    const safeLog = log(where(positive, a, onesLike(a)));
    const gradientB = mul(dy, where(positive, mul(y, safeLog), zerosLike(y)));
    return [gradientA, gradientB];
  },
  maximum: (dy, a, b) => [mul(dy, mask(greaterEqual(a, b), dy)), mul(dy, mask(less(a, b), dy))],
  minimum: (dy, a, b) => [mul(dy, mask(lessEqual(a, b), dy)), mul(dy, mask(greater(a, b), dy))],
  mod: (dy, a, b) => [dy, mul(dy, neg(floor(div(a, b))))],
  floorDiv: () => [undefined, undefined],
};

export function binaryGradient(
  ...[dy, { inputs, output, attributes }]: Parameters<GradientRule<'binary'>>
): ReturnType<GradientRule<'binary'>> {
  const { a, b } = inputs;
  if (a.dtype !== 'float32') return {};
  const [gradientA, gradientB] = DERIVATIVES[attributes.op](dy, a, b, output);
  return {
    a: gradientA && reduceToShape(gradientA, a.shape),
    b: gradientB && reduceToShape(gradientB, b.shape),
  };
}
