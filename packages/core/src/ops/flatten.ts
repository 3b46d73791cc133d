import { ENGINE } from '../engine/engine';
import type { Tensor } from '../tensor';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** The same values as a 1-D tensor (a scalar becomes shape [1]). Shares the buffer. */
export function flatten(x: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const input = toTensor(x, 'x', 'flatten');
    return ENGINE.runKernel('reshape', { x: input }, { shape: [input.size] });
  });
}
