import { noGrad } from '../autograd/no-grad';
import type { Tensor } from '../tensor';
import { normalizeAxes } from '../util/shape';
import { add } from './add';
import { exp } from './exp';
import { runComposed } from './internal/run-composed';
import { toFloat } from './internal/to-float';
import { toTensor } from './internal/to-tensor';
import { isFinite } from './is-finite';
import { log } from './log';
import { max } from './max';
import { reshape } from './reshape';
import { sub } from './sub';
import { sum } from './sum';
import type { TensorLike } from './tensor-like';
import { where } from './where';
import { zerosLike } from './zeros-like';

/**
 * log Σ exp(x) over `axis` (all axes by default), float32. The maximum is subtracted first so exp cannot
 * overflow; an infinite maximum is replaced by 0 so that all −∞ gives −∞ and +∞ gives +∞ (tfjs gives NaN for
 * both). The shift is a constant for autograd: the result does not depend on it, so the gradient is softmax.
 */
export function logSumExp(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  const input = toTensor(x, 'x', 'logSumExp');
  const axes = normalizeAxes(axis, input.rank, 'logSumExp');
  return runComposed(() => {
    const values = toFloat(input);
    const shift = noGrad(() => {
      const maximum = max(values, axes, true);
      return where(isFinite(maximum), maximum, zerosLike(maximum));
    });
    const logOfSum = log(sum(exp(sub(values, shift)), axes, keepDims));
    return add(logOfSum, keepDims ? shift : reshape(shift, logOfSum.shape));
  });
}
