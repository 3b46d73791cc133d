import './webgpu-types';
import {
  BackendError,
  type BackendMemory,
  type BackendStorage,
  type DataId,
  type DType,
  type TensorInfo,
  type TypedArray,
} from '@tessera/core/backend';
import type { GpuContext } from './gpu-context';

/**
 * A tensor's buffer. Every dtype takes 4 bytes per element on the GPU: WGSL has no 8-bit storage type, so bool is
 * kept as an i32 holding 0 or 1 (converted from and to core's one-byte Uint8Array when written and read).
 */
export interface GpuTensorBuffer {
  buffer: GPUBuffer;
  length: number;
  dtype: DType;
}

function bytesOf(length: number, dtype: DType): number {
  return dtype === 'bool' ? length : length * 4;
}

/**
 * Tensor storage on the device. Buffers come from the context's pool and go back to it on dispose (core counts
 * references, so dispose means the last tensor sharing the buffer is gone). There is no `readSync`: a GPU buffer
 * can only be read by awaiting a map, which core's capability check understands (`dataSync` says to use `data`).
 */
export class WebGpuStorage implements BackendStorage {
  private readonly buffers = new WeakSet<object>();
  private liveBuffers = 0;
  private liveBytes = 0;

  constructor(private readonly contextOf: () => GpuContext) {}

  write(values: TypedArray, dtype: DType): DataId {
    const context = this.contextOf();
    const record = this.allocateBuffer(values.length, dtype);
    if (values.length > 0) {
      // writeBuffer runs ahead of commands not yet submitted; the pooled buffer may still be read by one of them.
      if (context.hasPendingWork) context.flush();
      const words = values instanceof Uint8Array ? Int32Array.from(values) : values;
      context.device.queue.writeBuffer(record.buffer, 0, words.buffer, words.byteOffset, words.byteLength);
    }
    return record;
  }

  async read(dataId: DataId): Promise<TypedArray> {
    const record = this.record(dataId);
    const context = this.contextOf();
    const bytes = record.length === 0 ? new ArrayBuffer(0) : await context.readBytes(record.buffer, record.length * 4);
    if (record.dtype === 'float32') return new Float32Array(bytes);
    const words = new Int32Array(bytes);
    return record.dtype === 'int32' ? words : Uint8Array.from(words);
  }

  dispose(dataId: DataId): void {
    const record = this.record(dataId);
    this.buffers.delete(record);
    this.liveBuffers--;
    this.liveBytes -= bytesOf(record.length, record.dtype);
    this.contextOf().pool.release(record.buffer);
  }

  /** Live tensor buffers, counted in core's units (bool as one byte) so that core's and this report agree. */
  memory(): BackendMemory {
    return { numBuffers: this.liveBuffers, numBytes: this.liveBytes };
  }

  /** The GPU buffer of a kernel input. */
  bufferOf(info: TensorInfo): GPUBuffer {
    return this.record(info.dataId).buffer;
  }

  /** A fresh output buffer for a kernel, with the info that the kernel returns. */
  allocate(shape: readonly number[], dtype: DType): { info: TensorInfo; buffer: GPUBuffer; length: number } {
    const length = shape.reduce((product, dimension) => product * dimension, 1);
    const record = this.allocateBuffer(length, dtype);
    return { info: { dataId: record, shape: [...shape], dtype }, buffer: record.buffer, length };
  }

  /**
   * Refuses, before anything is allocated, a tensor no kernel could bind: otherwise it fails later, at some read,
   * with a Dawn message far from its cause (WebGPU's default limit and lavapipe's is 128 MiB).
   */
  private assertBindable(length: number, dtype: DType): void {
    const limit = this.contextOf().device.limits.maxStorageBufferBindingSize;
    if (length * 4 <= limit) return;
    throw new BackendError(
      `webgpu: a ${dtype} tensor of ${length} elements needs ${length * 4} bytes, above this device's maxStorageBufferBindingSize of ${limit} bytes; use smaller tensors (batches), or request a higher limit with createWebGpuBackend({ requiredLimits }) where the adapter allows it`,
    );
  }

  private allocateBuffer(length: number, dtype: DType): GpuTensorBuffer {
    this.assertBindable(length, dtype);
    const record: GpuTensorBuffer = { buffer: this.contextOf().pool.acquire(length * 4), length, dtype };
    this.buffers.add(record);
    this.liveBuffers++;
    this.liveBytes += bytesOf(length, dtype);
    return record;
  }

  private record(dataId: DataId): GpuTensorBuffer {
    if (!this.buffers.has(dataId)) throw new BackendError('webgpu: buffer is unknown or already disposed');
    return dataId as GpuTensorBuffer;
  }
}
