import { exp } from '../ops/exp';
import { mul } from '../ops/mul';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import type { GradientRule } from './gradient-rule';

/** dy − softmax · Σ dy along the axis. */
export const logSoftmaxGradient: GradientRule<'logSoftmax'> = (dy, { output, attributes }) => ({
  logits: sub(dy, mul(exp(output), sum(dy, attributes.axis, true))),
});
