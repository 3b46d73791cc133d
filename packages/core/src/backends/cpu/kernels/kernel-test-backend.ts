/** Test set-up of kernel inputs through a real CPU backend's storage, as the engine would do it. */
import type { Backend } from '../../../backend/backend-definition';
import type { TensorInfo } from '../../../backend/kernel-specs';
import type { DType, TypedArray } from '../../../dtype';
import { sizeFromShape } from '../../../util/shape';
import { createCpuBackend } from '../create-cpu-backend';

export function createTestBackend(): Backend {
  return createCpuBackend();
}

export function writeTensor(
  backend: Backend,
  values: ArrayLike<number>,
  shape: number[],
  dtype: DType = 'float32',
): TensorInfo {
  const size = sizeFromShape(shape);
  const array =
    dtype === 'float32' ? new Float32Array(size) : dtype === 'int32' ? new Int32Array(size) : new Uint8Array(size);
  for (let index = 0; index < size; index++) array[index] = values[index];
  return { dataId: backend.storage.write(array, dtype), shape, dtype };
}

export function readTensor(backend: Backend, info: TensorInfo): TypedArray {
  const read = backend.storage.readSync;
  if (read === undefined) throw new Error('test backend cannot read synchronously');
  return read.call(backend.storage, info.dataId);
}
