import { ENGINE } from '../../engine/engine';
import type { Tensor } from '../../tensor';
import { equal } from '../equal';
import { reshape } from '../reshape';
import { tensor } from '../tensor';

/**
 * True at the first maximum of each window of `windows` (`[batch, positions, windowSize, channels]`), false
 * elsewhere: the one element max pooling routes its gradient to, as tfjs and TensorFlow do. Windows come padded
 * with -Infinity, so a padded position never wins over a real one.
 */
export function maxWindowMask(windows: Tensor): Tensor {
  const [batch, positions, windowSize, channels] = windows.shape;
  const winners = ENGINE.runKernel('argReduce', { x: windows }, { op: 'argMax', axis: 2 });
  const windowPositions = tensor(
    Int32Array.from({ length: windowSize }, (_, index) => index),
    [windowSize, 1],
    'int32',
  );
  return equal(reshape(winners, [batch, positions, 1, channels]), windowPositions);
}
