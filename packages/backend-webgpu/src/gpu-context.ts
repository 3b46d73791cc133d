import './webgpu-types';
import { BackendError } from '@tessera/core/backend';
import { BufferPool } from './buffer-pool';
import { BUFFER_USAGE, MAP_MODE_READ } from './gpu-constants';

/** One compute dispatch: the shader (cached by key), its buffers and how many invocations it needs. */
export interface DispatchRequest {
  /** Identifies the WGSL `source` produces: shaders are compiled once per key. */
  key: string;
  source: () => string;
  /** Bound read-only at bindings 0..n-1, then the output (read-write) at n and `meta` (read-only) at n + 1. */
  inputs: readonly GPUBuffer[];
  output: GPUBuffer;
  /** Shapes, strides and scalars as 32-bit words; every shader reads at least its first word. */
  meta: ArrayLike<number>;
  /** Workgroups to launch; kernels compute it with `workgroupsFor` or their own tiling. */
  workgroups: number | [number, number, number];
}

/** Invocations per workgroup of the element-wise shaders: well inside WebGPU's default limit of 256. */
export const WORKGROUP_SIZE = 64;
/** WebGPU's default maxComputeWorkgroupsPerDimension. */
const MAX_WORKGROUPS_PER_DIMENSION = 65535;
/** Dispatches encoded before the batch is submitted even without a read: bounds command-buffer size and latency. */
const DISPATCHES_PER_SUBMIT = 64;
/** Parameter words per batch (64 KiB): enough for DISPATCHES_PER_SUBMIT dispatches of one 256-byte slot each. */
const PARAMS_BATCH_WORDS = 16384;

/**
 * Owns the device-side machinery every kernel shares: compiled pipelines, the buffer pool and the command batch.
 * Kernels only encode work; it is submitted in batches (after DISPATCHES_PER_SUBMIT dispatches, or when a read or
 * a host write needs the queue to be up to date), which amortizes the submit cost over many small kernels.
 */
export class GpuContext {
  /** Tensor buffers. */
  readonly pool: BufferPool;
  /**
   * Parameter buffers, kept apart from tensor buffers: each batch's parameters go into one buffer, written with a
   * single queue.writeBuffer just before the batch is submitted, and the buffer returns here only after that
   * submit. A tensor buffer may return to `pool` while a pending command still uses it; a parameter buffer never.
   */
  private readonly metaPool: BufferPool;
  private readonly pipelines = new Map<string, { pipeline: GPUComputePipeline; layout: GPUBindGroupLayout }>();
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pendingDispatches = 0;
  /** The current batch's parameters: each dispatch binds its own aligned slot of one buffer. */
  private paramsBuffer: GPUBuffer | null = null;
  private paramsWords = new Uint32Array(PARAMS_BATCH_WORDS);
  private paramsUsedWords = 0;
  /** Binding offsets must be multiples of minStorageBufferOffsetAlignment (256 bytes by default). */
  private readonly slotWords: number;
  private firstError: string | null = null;

  constructor(readonly device: GPUDevice) {
    this.pool = new BufferPool(device, BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_SRC | BUFFER_USAGE.COPY_DST);
    this.metaPool = new BufferPool(device, BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_DST);
    this.slotWords = Math.max(device.limits.minStorageBufferOffsetAlignment, 4) / 4;
    device.addEventListener('uncapturederror', (event) => {
      const message = (event as GPUUncapturedErrorEvent).error.message;
      this.firstError ??= message;
    });
    // A lost device (driver reset, GPU removed) fails every later read instead of hanging on a map.
    void device.lost.then((info) => {
      if (info.reason !== 'destroyed') this.firstError ??= `the device was lost: ${info.message}`;
    });
  }

  get hasPendingWork(): boolean {
    return this.pendingDispatches > 0;
  }

  dispatch(request: DispatchRequest): void {
    this.assertBindable(request);
    const { pipeline, layout } = this.pipeline(request.key, request.source);
    const words = Math.max(request.meta.length, 1);
    const slot = Math.ceil(words / this.slotWords) * this.slotWords;
    if (this.paramsBuffer !== null && this.paramsUsedWords + slot > this.paramsWords.length) this.flush();
    if (this.paramsBuffer === null) {
      if (this.paramsWords.length < slot) this.paramsWords = new Uint32Array(slot);
      this.paramsBuffer = this.metaPool.acquire(this.paramsWords.byteLength);
    }
    const offset = this.paramsUsedWords;
    const meta = request.meta;
    for (let index = 0; index < meta.length; index++) this.paramsWords[offset + index] = meta[index] >>> 0;
    this.paramsUsedWords += slot;
    const entries: GPUBindGroupEntry[] = [];
    for (const buffer of request.inputs) entries.push({ binding: entries.length, resource: { buffer } });
    entries.push({ binding: entries.length, resource: { buffer: request.output } });
    entries.push({
      binding: entries.length,
      resource: { buffer: this.paramsBuffer, offset: offset * 4, size: words * 4 },
    });
    const bindGroup = this.device.createBindGroup({ layout, entries });
    this.encoder ??= this.device.createCommandEncoder();
    this.pass ??= this.encoder.beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    const [x, y, z] = typeof request.workgroups === 'number' ? gridFor(request.workgroups) : request.workgroups;
    this.pass.dispatchWorkgroups(x, y, z);
    if (++this.pendingDispatches >= DISPATCHES_PER_SUBMIT) this.flush();
  }

  /**
   * A buffer larger than the device's storage-binding limit would only fail later, at some read, with a Dawn
   * message far from its cause; this names the kernel and the sizes instead (lavapipe and WebGPU's default: 128 MiB).
   */
  private assertBindable(request: DispatchRequest): void {
    const limit = this.device.limits.maxStorageBufferBindingSize;
    for (const buffer of [...request.inputs, request.output]) {
      if (buffer.size <= limit) continue;
      throw new BackendError(
        `webgpu: kernel '${request.key}' needs a tensor of ${buffer.size} bytes, above this device's maxStorageBufferBindingSize of ${limit} bytes; use smaller tensors (batches), or request a higher limit with createWebGpuBackend({ requiredLimits }) where the adapter allows it`,
      );
    }
  }

  /** Writes the batch's parameters and submits the batch. */
  flush(): void {
    if (this.encoder === null) return;
    this.pass?.end();
    if (this.paramsBuffer !== null) {
      this.device.queue.writeBuffer(this.paramsBuffer, 0, this.paramsWords.buffer, 0, this.paramsUsedWords * 4);
    }
    this.device.queue.submit([this.encoder.finish()]);
    this.encoder = null;
    this.pass = null;
    this.pendingDispatches = 0;
    if (this.paramsBuffer !== null) this.metaPool.release(this.paramsBuffer);
    this.paramsBuffer = null;
    this.paramsUsedWords = 0;
  }

  /** Copies `byteLength` bytes of `source` to the host once all work submitted before has finished. */
  async readBytes(source: GPUBuffer, byteLength: number): Promise<ArrayBuffer> {
    this.throwIfFailed();
    this.flush();
    const staging = this.device.createBuffer({
      size: Math.max(byteLength, 4),
      usage: BUFFER_USAGE.MAP_READ | BUFFER_USAGE.COPY_DST,
    });
    try {
      const encoder = this.device.createCommandEncoder();
      encoder.copyBufferToBuffer(source, 0, staging, 0, byteLength);
      this.device.queue.submit([encoder.finish()]);
      await staging.mapAsync(MAP_MODE_READ, 0, Math.max(byteLength, 4));
      this.throwIfFailed();
      return staging.getMappedRange(0, byteLength).slice(0);
    } finally {
      staging.destroy();
    }
  }

  /** Validation and shader errors arrive asynchronously; they surface at the next read instead of silently. */
  throwIfFailed(): void {
    if (this.firstError === null) return;
    const message = this.firstError;
    this.firstError = null;
    throw new BackendError(`webgpu: the device reported an error: ${message}`);
  }

  /** Frees every idle buffer of both pools. */
  trimPools(): void {
    this.flush();
    this.pool.trim();
    this.metaPool.trim();
  }

  private pipeline(key: string, source: () => string): { pipeline: GPUComputePipeline; layout: GPUBindGroupLayout } {
    let entry = this.pipelines.get(key);
    if (entry === undefined) {
      const module = this.device.createShaderModule({ code: source(), label: key });
      const pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
      entry = { pipeline, layout: pipeline.getBindGroupLayout(0) };
      this.pipelines.set(key, entry);
    }
    return entry;
  }
}

/** Workgroups for `invocations` threads of WORKGROUP_SIZE, folded into two dimensions past the per-dimension limit. */
export function workgroupsFor(invocations: number): number {
  return Math.ceil(invocations / WORKGROUP_SIZE);
}

function gridFor(workgroups: number): [number, number, number] {
  if (workgroups <= MAX_WORKGROUPS_PER_DIMENSION) return [Math.max(workgroups, 1), 1, 1];
  const rows = Math.ceil(workgroups / MAX_WORKGROUPS_PER_DIMENSION);
  return [MAX_WORKGROUPS_PER_DIMENSION, rows, 1];
}
