import { InvalidArgumentError } from '../../../errors';
import { simdKernelModule } from '../wasm/simd-kernels';
import type { blockedGemm, GemmWorkspace } from './gemm-blocked';
import { findWorkerHost, type HostedWorker } from './gemm-worker-hosts';
import { CONTROL_DONE, CONTROL_JOB, CONTROL_READY, CONTROL_STATUS, PARAMETER_COUNT } from './gemm-worker-loop';

/**
 * Below this many multiply-adds threads cost more than they save. TypeScript kernel: about half a millisecond on
 * one core. SIMD kernel: on two cores, splitting the Fashion-MNIST MLP's 128×784×128 products (12.8M, under a
 * millisecond each) made its `fit` epoch 9% faster (1.66 s against 1.83 s, three runs each, alternating).
 */
const PARALLEL_THRESHOLD = 1 << 20;
const SIMD_PARALLEL_THRESHOLD = 1 << 22;
/**
 * How long a worker spins after a job before it sleeps. On two cores the MLP epoch measured about 10% faster with
 * 0.3–1 ms of spinning than with none (products of one step arrive under a millisecond apart); 3 ms was no better.
 */
const WORKER_SPIN_MILLISECONDS = 0.5;

interface GemmWorker {
  control: Int32Array;
  parameters: Float64Array;
  hosted: HostedWorker;
}

type PoolState = 'unstarted' | 'starting' | 'ready' | 'unavailable';
let state: PoolState = 'unstarted';
let workers: GemmWorker[] = [];
let callerCanBlock = true;
/** Set by setCpuThreads; else TESSERA_CPU_THREADS in Node; else the engine's cores, at most 4. */
let requestedThreads: number | undefined;
let generation = 0;
let sharedA: Float32Array = new Float32Array(0);
let sharedB: Float32Array = new Float32Array(0);
let sharedOut: Float32Array = new Float32Array(0);
/** How many products were split across threads, for tests that must know the threaded path ran. */
let splitProducts = 0;

export function parallelGemmSplitCount(): number {
  return splitProducts;
}

interface NodeGlobals {
  process?: { env?: Record<string, string | undefined> };
}

/** blockedGemm's arguments without its workspace: one product (or rows of it), whichever kernel runs it. */
export type GemmArguments = Parameters<typeof blockedGemm> extends [...infer Rest, GemmWorkspace] ? Rest : never;

/** Runs rows of a product on the calling thread. */
export type GemmOnThisThread = (...product: GemmArguments) => void;

/**
 * Total threads (the calling thread included) for large products, from now on: 1 keeps every product on the
 * calling thread. In Node the default is TESSERA_CPU_THREADS, else the cores (at most 4); in a browser, the cores (at
 * most 4) in a cross-origin isolated page, and no workers otherwise (they need SharedArrayBuffer). Running workers
 * are stopped; new ones start in the background at the next large product.
 */
export function setCpuThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 16) {
    throw new InvalidArgumentError(`setCpuThreads: expected an integer from 1 to 16, got ${String(threads)}`);
  }
  for (const worker of workers) worker.hosted.terminate();
  workers = [];
  sharedA = new Float32Array(0);
  sharedB = new Float32Array(0);
  sharedOut = new Float32Array(0);
  requestedThreads = threads;
  state = 'unstarted';
}

/**
 * Starts the workers (see gemm-worker-hosts.ts for where they exist). Workers start in the background: calls made
 * before they report ready run on the calling thread.
 */
function startPool(): void {
  state = 'unavailable';
  const host = findWorkerHost();
  if (host === undefined) return;
  const fromEnvironment = Number((globalThis as NodeGlobals).process?.env?.TESSERA_CPU_THREADS);
  const threadCount =
    requestedThreads ??
    (Number.isInteger(fromEnvironment) && fromEnvironment > 0
      ? Math.min(fromEnvironment, 16)
      : Math.min(host.availableThreads, 4));
  if (threadCount < 2) return;
  callerCanBlock = host.callerCanBlock;
  const module = simdKernelModule();
  try {
    for (let index = 1; index < threadCount; index++) {
      const control = new Int32Array(new SharedArrayBuffer(4 * 4));
      const parameters = new Float64Array(new SharedArrayBuffer(8 * PARAMETER_COUNT));
      const hosted = host.spawn({ control, parameters, module, spinMilliseconds: WORKER_SPIN_MILLISECONDS });
      workers.push({ control, parameters, hosted });
    }
    state = 'starting';
  } catch {
    for (const worker of workers) worker.hosted.terminate();
    workers = [];
  }
}

/** True once every worker passed its self-test; a failed one turns threading off for good. */
function poolIsReady(): boolean {
  if (state === 'unstarted') startPool();
  if (state !== 'starting') return state === 'ready';
  const readiness = workers.map((worker) => Atomics.load(worker.control, CONTROL_READY));
  if (readiness.includes(2)) state = 'unavailable';
  else if (readiness.every((ready) => ready === 1)) state = 'ready';
  return state === 'ready';
}

/** How many threads large products run on now: 1 until the workers have started (or where there are none). */
export function parallelGemmThreads(): number {
  return poolIsReady() ? workers.length + 1 : 1;
}

/** Grows the shared data buffers and sends the new ones to every worker (received before its next job). */
function reserveShared(aSize: number, bSize: number, outSize: number): void {
  if (sharedA.length >= aSize && sharedB.length >= bSize && sharedOut.length >= outSize) return;
  const grow = (current: Float32Array, size: number) =>
    current.length >= size ? current : new Float32Array(new SharedArrayBuffer(4 * Math.ceil(size * 1.5)));
  sharedA = grow(sharedA, aSize);
  sharedB = grow(sharedB, bSize);
  sharedOut = grow(sharedOut, outSize);
  generation++;
  for (const worker of workers) worker.hosted.send({ generation, a: sharedA, b: sharedB, out: sharedOut });
}

/**
 * Runs a product with the rows of the output split between the calling thread (`onThisThread`) and the workers,
 * which use the SIMD kernel when `simd` says the calling thread does, and returns true; or returns false (the
 * caller then runs it alone) when the problem is small or no workers are ready.
 * Workers read copies of A and B in shared memory and write their rows to a shared output that is copied back;
 * the calling thread works on the original arrays and then blocks in Atomics.wait, so the kernel stays
 * synchronous. Every output element is summed in the same order as on one thread, so results are bit-identical.
 */
export function parallelGemm(
  a: Float32Array,
  aOffset: number,
  aRowStride: number,
  aInnerStride: number,
  b: Float32Array,
  bOffset: number,
  bInnerStride: number,
  bColumnStride: number,
  out: Float32Array,
  outOffset: number,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  simd: boolean,
  onThisThread: GemmOnThisThread,
): boolean {
  if (m * n * k < (simd ? SIMD_PARALLEL_THRESHOLD : PARALLEL_THRESHOLD) || m < 32 || !poolIsReady()) return false;
  splitProducts++;
  const rowsPerThread = Math.ceil(m / (workers.length + 1) / 4) * 4;
  const workerRowsStart = rowsPerThread;
  // Row-major op(A) lets workers get only their rows; a transposed A has every row spread over all of it.
  const aCopyStart = aInnerStride === 1 ? workerRowsStart * aRowStride : 0;
  reserveShared(m * k - aCopyStart, k * n, (m - workerRowsStart) * n);
  sharedA.set(a.subarray(aOffset + aCopyStart, aOffset + m * k));
  sharedB.set(b.subarray(bOffset, bOffset + k * n));
  if (accumulate) sharedOut.set(out.subarray(outOffset + workerRowsStart * n, outOffset + m * n));
  const started: Array<{ worker: GemmWorker; firstRow: number; rows: number; previous: number }> = [];
  for (let index = 0; index < workers.length; index++) {
    const firstRow = workerRowsStart + index * rowsPerThread;
    const rows = Math.min(rowsPerThread, m - firstRow);
    if (rows <= 0) break;
    const worker = workers[index];
    const job = worker.parameters;
    job[0] = generation;
    job[1] = firstRow * aRowStride - aCopyStart;
    job[2] = aRowStride;
    job[3] = aInnerStride;
    job[4] = 0;
    job[5] = bInnerStride;
    job[6] = bColumnStride;
    job[7] = (firstRow - workerRowsStart) * n;
    job[8] = n;
    job[9] = rows;
    job[10] = n;
    job[11] = k;
    job[12] = accumulate ? 1 : 0;
    job[13] = simd ? 1 : 0;
    const previous = Atomics.load(worker.control, CONTROL_DONE);
    Atomics.add(worker.control, CONTROL_JOB, 1);
    Atomics.notify(worker.control, CONTROL_JOB);
    started.push({ worker, firstRow, rows, previous });
  }
  onThisThread(
    a,
    aOffset,
    aRowStride,
    aInnerStride,
    b,
    bOffset,
    bInnerStride,
    bColumnStride,
    out,
    outOffset,
    n,
    Math.min(rowsPerThread, m),
    n,
    k,
    accumulate,
  );
  // Generous: a worker is at most a few times slower than this thread unless something is badly wrong.
  const timeoutMilliseconds = 5000 + (m * n * k) / 1e5;
  for (const { worker, firstRow, rows, previous } of started) {
    waitForWorker(worker.control, previous, timeoutMilliseconds);
    const finished = Atomics.load(worker.control, CONTROL_DONE) !== previous;
    if (finished && Atomics.load(worker.control, CONTROL_STATUS) === 0) {
      const sharedStart = (firstRow - workerRowsStart) * n;
      out.set(sharedOut.subarray(sharedStart, sharedStart + rows * n), outOffset + firstRow * n);
    } else {
      // A worker that failed or hung is never used again; its rows are computed here instead.
      state = 'unavailable';
      onThisThread(
        a,
        aOffset + firstRow * aRowStride,
        aRowStride,
        aInnerStride,
        b,
        bOffset,
        bInnerStride,
        bColumnStride,
        out,
        outOffset + firstRow * n,
        n,
        rows,
        n,
        k,
        accumulate,
      );
    }
  }
  return true;
}

/** Waits until the worker bumps its DONE slot past `previous`, or the timeout passes: asleep where allowed, else spinning. */
function waitForWorker(control: Int32Array, previous: number, timeoutMilliseconds: number): void {
  if (Atomics.load(control, CONTROL_DONE) !== previous) return;
  if (callerCanBlock) {
    Atomics.wait(control, CONTROL_DONE, previous, timeoutMilliseconds);
    return;
  }
  // A page's main thread may not sleep in Atomics.wait; the kernel must stay synchronous, so it spins.
  const deadline = performance.now() + timeoutMilliseconds;
  while (Atomics.load(control, CONTROL_DONE) === previous && performance.now() < deadline) {}
}
