import { broadcastTo } from '../ops/broadcast-to';
import { cast } from '../ops/cast';
import { div } from '../ops/div';
import { equal } from '../ops/equal';
import { keptShape } from '../ops/internal/run-reduce';
import { mul } from '../ops/mul';
import { onesLike } from '../ops/ones-like';
import { prod } from '../ops/prod';
import { reshape } from '../ops/reshape';
import { sum } from '../ops/sum';
import { where } from '../ops/where';
import { zerosLike } from '../ops/zeros-like';
import type { GradientRule } from './gradient-rule';

/**
 * sum: dy broadcast back. max/min: dy to every element equal to the extreme (as tfjs). prod: the product of the
 * other elements, computed without dividing by zero.
 */
export const reduceGradient: GradientRule<'reduce'> = (dy, { inputs, output, attributes }) => {
  const { x } = inputs;
  if (x.dtype !== 'float32') return {};
  const shape = keptShape(x.shape, attributes.axes);
  const spread = (value: typeof dy) => broadcastTo(reshape(value, shape), x.shape);
  const dyFull = spread(dy);
  switch (attributes.op) {
    case 'sum':
      return { x: dyFull };
    case 'max':
    case 'min':
      return { x: mul(dyFull, cast(equal(x, spread(output)), 'float32')) };
    case 'prod': {
      const isZero = equal(x, 0);
      const zeroCount = spread(sum(cast(isZero, 'float32'), attributes.axes));
      const nonZeroProduct = spread(prod(where(isZero, onesLike(x), x), attributes.axes));
      const zeros = zerosLike(x);
      const ofNonZero = where(equal(zeroCount, 0), div(nonZeroProduct, where(isZero, onesLike(x), x)), zeros);
      const ofZero = where(equal(zeroCount, 1), nonZeroProduct, zeros);
      return { x: mul(dyFull, where(isZero, ofZero, ofNonZero)) };
    }
    default:
      return {};
  }
};
