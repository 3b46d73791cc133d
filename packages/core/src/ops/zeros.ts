import type { DType } from '../dtype';
import type { Tensor } from '../tensor';
import { fill } from './fill';

/** A tensor of zeros. */
export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return fill(shape, 0, dtype, 'zeros');
}
