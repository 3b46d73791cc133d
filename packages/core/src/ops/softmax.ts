import { ENGINE } from '../engine/engine';
import { ShapeError } from '../errors';
import type { Tensor } from '../tensor';
import { normalizeAxis } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toFloatArgument } from './internal/to-float-argument';
import type { TensorLike } from './tensor-like';

/** exp(logits) normalized to sum to 1 along `axis` (the last by default). */
export function softmax(logits: Tensor | TensorLike, axis = -1): Tensor {
  return runComposed(() => {
    const input = toFloatArgument(logits, 'logits', 'softmax');
    if (input.rank === 0) throw new ShapeError('softmax: logits must have rank ≥ 1, got a scalar');
    return ENGINE.runKernel('softmax', { logits: input }, { axis: normalizeAxis(axis, input.rank, 'softmax') });
  });
}
