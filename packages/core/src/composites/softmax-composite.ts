import { div } from '../ops/div';
import { exp } from '../ops/exp';
import { max } from '../ops/max';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** exp(x − max) / Σ exp(x − max): subtracting the maximum keeps exp from overflowing. */
export function softmaxComposite(...[inputs, attributes]: Parameters<CompositeFunction<'softmax'>>): Tensor {
  const shifted = sub(inputs.logits, max(inputs.logits, attributes.axis, true));
  const exponentials = exp(shifted);
  return div(exponentials, sum(exponentials, attributes.axis, true));
}
