import type { blockedGemm as BlockedGemm, createGemmWorkspace as CreateGemmWorkspace } from './gemm-blocked';
import type { instantiateSimdKernels as InstantiateSimdKernels, wasmGemm as WasmGemmKernel } from './gemm-wasm';

/**
 * Slots of the Int32Array each worker shares with the calling thread. JOB and DONE are sequence numbers: the
 * caller bumps JOB to start a job; the worker copies it to DONE when finished. READY: 0 starting, 1 ready,
 * 2 failed its start-up self-test. STATUS: 0 the last job succeeded, 1 it threw.
 */
export const CONTROL_JOB = 0;
export const CONTROL_DONE = 1;
export const CONTROL_READY = 2;
export const CONTROL_STATUS = 3;
/** Float64Array job slots: buffer generation, blockedGemm's numeric arguments in order, then 1 for the SIMD kernel. */
export const PARAMETER_COUNT = 14;

/** The kernels a worker runs, evaluated from their source text inside it. */
export interface WorkerKernels {
  blockedGemm: typeof BlockedGemm;
  createGemmWorkspace: typeof CreateGemmWorkspace;
  instantiateSimdKernels: typeof InstantiateSimdKernels;
  wasmGemm: typeof WasmGemmKernel;
}

/** What a worker receives first: its shared slots, the compiled SIMD module (when there is one), its spin time. */
export interface WorkerStart {
  control: Int32Array;
  parameters: Float64Array;
  module: WebAssembly.Module | undefined;
  spinMilliseconds: number;
}

/** The shared data buffers, sent again whenever the calling thread grows them. */
export interface WorkerBuffers {
  generation: number;
  a: Float32Array;
  b: Float32Array;
  out: Float32Array;
}

/**
 * The body of a gemm worker (a Node worker thread or a browser Web Worker). Its source text is evaluated inside
 * the worker next to gemm-blocked.ts's and gemm-wasm.ts's functions, so it must be self-contained: everything it
 * uses arrives as an argument, and the slot numbers above are repeated as literals. It never returns: between jobs
 * it spins briefly, then sleeps in Atomics.wait (no CPU while idle). Grown data buffers are posted before the job
 * that needs them; `receiveBuffers` takes the next one (synchronously from Node's port; in a browser by returning to
 * the event loop, hence the async loop). The SIMD module arrives compiled; the worker makes its own instance.
 */
export async function gemmWorkerLoop(
  start: WorkerStart,
  receiveBuffers: () => WorkerBuffers | Promise<WorkerBuffers>,
  kernels: WorkerKernels,
): Promise<void> {
  const { control, parameters, module, spinMilliseconds } = start;
  const workspace = kernels.createGemmWorkspace();
  let simd: ReturnType<typeof InstantiateSimdKernels> | undefined;
  try {
    // Exercises every shipped function once, so a missing dependency fails here, not in a job.
    const square = new Float32Array(36).fill(1);
    const product = new Float32Array(36);
    kernels.blockedGemm(square, 0, 6, 1, square, 0, 6, 1, product, 0, 6, 6, 6, 6, false, workspace);
    let passed = product[35] === 6;
    if (module !== undefined) {
      simd = kernels.instantiateSimdKernels(module);
      product.fill(0);
      kernels.wasmGemm(square, 0, 6, 1, square, 0, 6, 1, product, 0, 6, 6, 6, 6, false, simd);
      passed &&= product[35] === 6;
    }
    Atomics.store(control, 2, passed ? 1 : 2);
  } catch {
    Atomics.store(control, 2, 2);
  }
  Atomics.notify(control, 2);
  let a: Float32Array = new Float32Array(0);
  let b: Float32Array = new Float32Array(0);
  let out: Float32Array = new Float32Array(0);
  let generation = -1;
  let seen = Atomics.load(control, 0);
  for (;;) {
    // Spin a moment before sleeping: a training step sends its products a fraction of a millisecond apart, and
    // waking a sleeping thread can cost as much as a small product (on a virtual machine, an idle virtual CPU
    // must be woken too). The spin is bounded, so an idle pool sleeps.
    const spinUntil = performance.now() + spinMilliseconds;
    while (Atomics.load(control, 0) === seen && performance.now() < spinUntil) {}
    Atomics.wait(control, 0, seen);
    seen = Atomics.load(control, 0);
    try {
      while (generation !== parameters[0]) {
        const buffers = await receiveBuffers();
        generation = buffers.generation;
        a = buffers.a;
        b = buffers.b;
        out = buffers.out;
      }
      const job = parameters;
      const product = [
        a,
        job[1],
        job[2],
        job[3],
        b,
        job[4],
        job[5],
        job[6],
        out,
        job[7],
        job[8],
        job[9],
        job[10],
        job[11],
        job[12] === 1,
      ] as const;
      const ranSimd = job[13] === 1 && simd !== undefined && kernels.wasmGemm(...product, simd);
      if (!ranSimd) kernels.blockedGemm(...product, workspace);
      Atomics.store(control, 3, 0);
    } catch {
      Atomics.store(control, 3, 1);
    }
    Atomics.store(control, 1, seen);
    Atomics.notify(control, 1);
  }
}
