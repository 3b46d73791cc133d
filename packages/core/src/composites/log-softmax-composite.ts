import { exp } from '../ops/exp';
import { log } from '../ops/log';
import { max } from '../ops/max';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import type { Tensor } from '../tensor';
import type { CompositeFunction } from './composite-registry';

/** (x − max) − log Σ exp(x − max), stable for large logits. */
export function logSoftmaxComposite(...[inputs, attributes]: Parameters<CompositeFunction<'logSoftmax'>>): Tensor {
  const shifted = sub(inputs.logits, max(inputs.logits, attributes.axis, true));
  return sub(shifted, log(sum(exp(shifted), attributes.axis, true)));
}
