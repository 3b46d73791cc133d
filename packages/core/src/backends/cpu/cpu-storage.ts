import type { BackendMemory, BackendStorage } from '../../backend/backend-definition';
import type { DataId, TensorInfo } from '../../backend/kernel-specs';
import { allocateTypedArray, type DType, type DTypeStorage, type TypedArray } from '../../dtype';
import { BackendError } from '../../errors';
import { sizeFromShape } from '../../util/shape';

/** A CPU buffer: the typed array is the storage itself, so kernels read and write it without copies. */
export interface CpuBuffer {
  values: TypedArray;
}

export class CpuStorage implements BackendStorage {
  private liveBuffers = 0;
  private liveBytes = 0;
  private readonly buffers = new WeakSet<object>();

  write(values: TypedArray, _dtype: DType): DataId {
    // Copy so that later changes to the caller's array cannot change an immutable tensor.
    return this.adopt(values.slice());
  }

  /** Wraps a freshly computed array without copying; kernels use this for their outputs. */
  adopt(values: TypedArray): CpuBuffer {
    const buffer: CpuBuffer = { values };
    this.buffers.add(buffer);
    this.liveBuffers++;
    this.liveBytes += values.byteLength;
    return buffer;
  }

  async read(dataId: DataId): Promise<TypedArray> {
    return this.readSync(dataId);
  }

  readSync(dataId: DataId): TypedArray {
    return this.buffer(dataId).values;
  }

  /** The values of a kernel input, typed by dtype. */
  values<D extends DType>(info: TensorInfo & { dtype: D }): DTypeStorage[D] {
    return this.buffer(info.dataId).values as DTypeStorage[D];
  }

  /** Allocates the output of a kernel and returns its info and its array to fill. */
  allocate<D extends DType>(shape: readonly number[], dtype: D): { info: TensorInfo; values: DTypeStorage[D] } {
    const values = allocateTypedArray(dtype, sizeFromShape(shape));
    return { info: { dataId: this.adopt(values), shape: [...shape], dtype }, values };
  }

  dispose(dataId: DataId): void {
    const buffer = this.buffer(dataId);
    this.buffers.delete(buffer);
    this.liveBuffers--;
    this.liveBytes -= buffer.values.byteLength;
    buffer.values = new Float32Array(0);
  }

  memory(): BackendMemory {
    return { numBuffers: this.liveBuffers, numBytes: this.liveBytes };
  }

  private buffer(dataId: DataId): CpuBuffer {
    if (!this.buffers.has(dataId)) throw new BackendError('cpu: buffer is unknown or already disposed');
    return dataId as CpuBuffer;
  }
}
