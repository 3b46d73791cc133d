import type { BackendMemory, BackendStorage, DataId, DType, TensorInfo, TypedArray } from '@tessera/core/backend';

/**
 * One buffer. The object itself is the `DataId` that core hands back to kernels; core never looks inside, so a GPU
 * backend would keep a device buffer here instead of a typed array.
 */
export interface MinimalBuffer {
  values: TypedArray;
}

/** The typed array each dtype is stored in; bool is one byte per element holding 0 or 1. */
export function allocate(dtype: DType, size: number): TypedArray {
  if (dtype === 'float32') return new Float32Array(size);
  if (dtype === 'int32') return new Int32Array(size);
  return new Uint8Array(size);
}

/**
 * Owns every buffer of the minimal backend and counts them, so that `memory()` can report leaks. Core calls
 * `dispose` exactly once per buffer, when the last tensor sharing it is disposed (reshape shares buffers).
 */
export class MinimalStorage implements BackendStorage {
  private readonly live = new Set<MinimalBuffer>();
  private liveBytes = 0;

  write(values: TypedArray, _dtype: DType): DataId {
    // A copy: the caller may change its array afterwards, and tensors are immutable.
    return this.adopt(values.slice());
  }

  async read(dataId: DataId): Promise<TypedArray> {
    return this.readSync(dataId);
  }

  /** The minimal backend keeps its data in memory, so it can also read synchronously (enables `dataSync`). */
  readSync(dataId: DataId): TypedArray {
    return this.buffer(dataId).values;
  }

  dispose(dataId: DataId): void {
    const buffer = this.buffer(dataId);
    this.live.delete(buffer);
    this.liveBytes -= buffer.values.byteLength;
  }

  memory(): BackendMemory {
    return { numBuffers: this.live.size, numBytes: this.liveBytes };
  }

  /** The values behind a kernel input. */
  values(info: TensorInfo): TypedArray {
    return this.buffer(info.dataId).values;
  }

  /** A new zero-filled output for a kernel: the typed array to fill and the info to return. */
  output(shape: readonly number[], dtype: DType): { info: TensorInfo; values: TypedArray } {
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const values = allocate(dtype, size);
    return { info: { dataId: this.adopt(values), shape: [...shape], dtype }, values };
  }

  private adopt(values: TypedArray): MinimalBuffer {
    const buffer: MinimalBuffer = { values };
    this.live.add(buffer);
    this.liveBytes += values.byteLength;
    return buffer;
  }

  private buffer(dataId: DataId): MinimalBuffer {
    if (!this.live.has(dataId as MinimalBuffer)) throw new Error('minimal backend: unknown or disposed buffer');
    return dataId as MinimalBuffer;
  }
}
