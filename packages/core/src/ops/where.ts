import { upcastDType } from '../dtype';
import { ENGINE } from '../engine/engine';
import { DTypeError } from '../errors';
import type { Tensor } from '../tensor';
import { broadcastShapes } from '../util/shape';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import type { TensorLike } from './tensor-like';

/** Picks `a` where `condition` is true and `b` elsewhere; all three broadcast. */
export function where(condition: Tensor | TensorLike, a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor {
  return runComposed(() => {
    const conditionTensor = toTensor(condition, 'condition', 'where');
    if (conditionTensor.dtype !== 'bool') {
      throw new DTypeError(`where: condition must be bool, got ${conditionTensor.dtype}`);
    }
    let aTensor = toTensor(a, 'a', 'where');
    let bTensor = toTensor(b, 'b', 'where', aTensor.dtype);
    broadcastShapes(broadcastShapes(conditionTensor.shape, aTensor.shape, 'where'), bTensor.shape, 'where');
    const dtype = upcastDType(aTensor.dtype, bTensor.dtype);
    if (aTensor.dtype !== dtype) aTensor = ENGINE.runKernel('cast', { x: aTensor }, { dtype });
    if (bTensor.dtype !== dtype) bTensor = ENGINE.runKernel('cast', { x: bTensor }, { dtype });
    return ENGINE.runKernel('where', { condition: conditionTensor, a: aTensor, b: bTensor }, {});
  });
}
