/**
 * Reuses GPU buffers instead of creating one per tensor: creating and destroying buffers costs a driver call and
 * memory churn each time, and a training loop frees and reallocates the same sizes every step. Sizes are rounded
 * up to a bucket (powers of two up to 1 MiB, then multiples of 1 MiB, so the waste stays below half or below
 * 1 MiB) and freed buffers wait in their bucket for the next request of that size.
 */
export class BufferPool {
  private readonly freeBuffers = new Map<number, GPUBuffer[]>();
  private pooledBytes = 0;
  private allocatedBytes = 0;
  private allocatedCount = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly usage: GPUBufferUsageFlags,
  ) {}

  /** A buffer of at least `byteLength` bytes (never zero: bindings cannot be empty). */
  acquire(byteLength: number): GPUBuffer {
    const size = BufferPool.bucketSize(byteLength);
    const reusable = this.freeBuffers.get(size)?.pop();
    if (reusable !== undefined) {
      this.pooledBytes -= size;
      return reusable;
    }
    this.allocatedBytes += size;
    this.allocatedCount++;
    return this.device.createBuffer({ size, usage: this.usage });
  }

  /** Returns a buffer for reuse; WebGPU orders later commands after earlier ones, so no fence is needed. */
  release(buffer: GPUBuffer): void {
    const bucket = this.freeBuffers.get(buffer.size);
    if (bucket === undefined) this.freeBuffers.set(buffer.size, [buffer]);
    else bucket.push(buffer);
    this.pooledBytes += buffer.size;
  }

  /** Destroys every idle buffer (live ones stay with their tensors). */
  trim(): void {
    for (const bucket of this.freeBuffers.values()) {
      for (const buffer of bucket) {
        this.allocatedBytes -= buffer.size;
        this.allocatedCount--;
        buffer.destroy();
      }
    }
    this.freeBuffers.clear();
    this.pooledBytes = 0;
  }

  statistics(): { allocatedBuffers: number; allocatedBytes: number; pooledBytes: number } {
    return {
      allocatedBuffers: this.allocatedCount,
      allocatedBytes: this.allocatedBytes,
      pooledBytes: this.pooledBytes,
    };
  }

  static bucketSize(byteLength: number): number {
    const minimum = Math.max(byteLength, 16);
    const mebibyte = 1 << 20;
    if (minimum > mebibyte) return Math.ceil(minimum / mebibyte) * mebibyte;
    return 2 ** Math.ceil(Math.log2(minimum));
  }
}
