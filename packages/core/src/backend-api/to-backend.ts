import { ENGINE } from '../engine/engine';
import { BackendNotFoundError } from '../errors';
import type { Tensor } from '../tensor';

/** A copy of `tensor` on the named backend (read asynchronously, so it works from any backend). */
export async function toBackend(tensor: Tensor, name: string): Promise<Tensor> {
  const target = ENGINE.registry.find(name);
  if (!target) throw new BackendNotFoundError(`toBackend: no backend named '${name}' is registered`);
  const values = await tensor.data();
  return ENGINE.makeTensor(values, tensor.shape, tensor.dtype, target);
}
