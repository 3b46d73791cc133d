import { ENGINE } from '../engine/engine';
import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import type { TensorLike } from './tensor-like';

/** log(softmax(logits)) along `axis` (the last by default), computed without overflow for large logits. */
export function logSoftmax(logits: Tensor | TensorLike, axis = -1): Tensor {
  return runComposed(() => {
    const input = toFloatArgument(logits, 'logits', 'logSoftmax');
    if (input.rank === 0) throw new ShapeError('logSoftmax: logits must have rank ≥ 1, got a scalar');
    return ENGINE.runKernel('logSoftmax', { logits: input }, { axis: normalizeAxis(axis, input.rank, 'logSoftmax') });
  });
}
