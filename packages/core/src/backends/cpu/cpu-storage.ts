import type { BackendMemory, BackendStorage } from '../../backend/backend-definition';
import type { DataId, TensorInfo } from '../../backend/kernel-specs';
import { allocateTypedArray, type DType, type DTypeStorage, type TypedArray } from '../../dtype';
import { BackendError } from '../../errors';
import { sizeFromShape } from '../../util/shape';

/** A CPU buffer: the typed array is the storage itself, so kernels read and write it without copies. */
export interface CpuBuffer {
  values: TypedArray;
}

/** Arrays shorter than this are cheap to allocate and are not kept for reuse. */
const SMALLEST_REUSED_LENGTH = 1024;
/** The most bytes of freed arrays kept for reuse; beyond it, freed arrays go to the garbage collector. */
const REUSE_LIMIT_BYTES = 256 * 1024 * 1024;

export class CpuStorage implements BackendStorage {
  private liveBuffers = 0;
  private liveBytes = 0;
  private readonly buffers = new WeakSet<object>();
  /**
   * Freed arrays by dtype and length, for reuse. A training loop allocates the same sizes every step, and a fresh
   * large typed array costs far more than its kernel (the engine zero-fills it and the first write to each page
   * faults): a 400 KB Adam update took several times as long in a new array as in a reused one. Safe because no
   * array escapes: reads hand out copies, and kernels that share data share the dataId, which the engine counts.
   */
  private readonly reusable = new Map<string, TypedArray[]>();
  private reusableBytes = 0;

  write(values: TypedArray, dtype: DType): DataId {
    // Copy so that later changes to the caller's array cannot change an immutable tensor.
    const copy = this.take(dtype, values.length);
    if (copy === undefined) return this.adopt(values.slice());
    copy.set(values);
    return this.adopt(copy);
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

  /**
   * Allocates the output of a kernel and returns its info and its array to fill. The array is zero-filled unless
   * `contents` is 'overwritten': kernels that write every element say so and skip the fill of a reused array.
   */
  allocate<D extends DType>(
    shape: readonly number[],
    dtype: D,
    contents: 'zeros' | 'overwritten' = 'zeros',
  ): { info: TensorInfo; values: DTypeStorage[D] } {
    const size = sizeFromShape(shape);
    const reused = this.take(dtype, size);
    if (reused !== undefined && contents === 'zeros') reused.fill(0);
    const values = (reused ?? allocateTypedArray(dtype, size)) as DTypeStorage[D];
    return { info: { dataId: this.adopt(values), shape: [...shape], dtype }, values };
  }

  dispose(dataId: DataId): void {
    const buffer = this.buffer(dataId);
    this.buffers.delete(buffer);
    this.liveBuffers--;
    this.liveBytes -= buffer.values.byteLength;
    this.keepForReuse(buffer.values);
    buffer.values = new Float32Array(0);
  }

  /** Drops every array kept for reuse, so the garbage collector can return the memory. */
  releaseReusableMemory(): void {
    this.reusable.clear();
    this.reusableBytes = 0;
  }

  memory(): BackendMemory {
    return { numBuffers: this.liveBuffers, numBytes: this.liveBytes };
  }

  private take(dtype: DType, length: number): TypedArray | undefined {
    if (length < SMALLEST_REUSED_LENGTH) return undefined;
    const values = this.reusable.get(`${dtype}:${length}`)?.pop();
    if (values !== undefined) this.reusableBytes -= values.byteLength;
    return values;
  }

  private keepForReuse(values: TypedArray): void {
    if (values.length < SMALLEST_REUSED_LENGTH || this.reusableBytes + values.byteLength > REUSE_LIMIT_BYTES) return;
    const dtype: DType = values instanceof Float32Array ? 'float32' : values instanceof Int32Array ? 'int32' : 'bool';
    const key = `${dtype}:${values.length}`;
    const list = this.reusable.get(key);
    if (list === undefined) this.reusable.set(key, [values]);
    else list.push(values);
    this.reusableBytes += values.byteLength;
  }

  private buffer(dataId: DataId): CpuBuffer {
    if (!this.buffers.has(dataId)) throw new BackendError('cpu: buffer is unknown or already disposed');
    return dataId as CpuBuffer;
  }
}
