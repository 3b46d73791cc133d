import { mul } from '../ops/mul';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import type { GradientRule } from './gradient-rule';

/** y (dy − Σ dy·y) along the axis. */
export const softmaxGradient: GradientRule<'softmax'> = (dy, { output, attributes }) => ({
  logits: mul(output, sub(dy, sum(mul(dy, output), attributes.axis, true))),
});
