import type { DType } from '../dtype';
import type { Tensor } from '../tensor';
import { fill } from './fill';

/** A tensor of ones. */
export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 1, dtype, 'ones');
}
