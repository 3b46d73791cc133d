/**
 * A Float32Array that grows on demand and is reused across kernel calls, so steady-state training does not
 * allocate. Each kernel module owns one; the CPU backend runs kernels one at a time, so reuse is safe.
 */
export class ScratchBuffer {
  private buffer = new Float32Array(0);

  /** A view of at least `size` elements; its contents are whatever the previous user left. */
  get(size: number): Float32Array {
    if (this.buffer.length < size) this.buffer = new Float32Array(Math.max(size, this.buffer.length * 1.5));
    return this.buffer;
  }
}
