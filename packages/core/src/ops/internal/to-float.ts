import { ENGINE } from '../../engine/engine';
import type { Tensor } from '../../tensor';

/** Statistics are computed in float32 whatever the input dtype, as tfjs does for mean and moments. */
export function toFloat(x: Tensor): Tensor {
  return x.dtype === 'float32' ? x : ENGINE.runKernel('cast', { x }, { dtype: 'float32' });
}
