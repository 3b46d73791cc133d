import type { Tensor } from '../tensor';

/** Marks a tensor to survive the enclosing `tidy`/`scope`; the caller disposes it later. */
export function keep<T extends Tensor>(tensor: T): T {
  tensor.kept = true;
  return tensor;
}
