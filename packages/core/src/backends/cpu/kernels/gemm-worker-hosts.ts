import type * as WorkerThreads from 'node:worker_threads';
import { blockedGemm, blockedGemmSource, createGemmWorkspace } from './gemm-blocked';
import { instantiateSimdKernels, wasmGemm, wasmGemmSource } from './gemm-wasm';
import { gemmWorkerLoop, type WorkerBuffers, type WorkerStart } from './gemm-worker-loop';

/** A started gemm worker, as the pool sees it: how to send it grown buffers, and how to stop it. */
export interface HostedWorker {
  send(buffers: WorkerBuffers): void;
  terminate(): void;
}

/** Starts workers where the engine has them: Node's worker_threads, or Web Workers in a cross-origin isolated page. */
export interface WorkerHost {
  /** Threads there are to use, the calling thread included. */
  readonly availableThreads: number;
  /** Whether the calling thread may sleep in Atomics.wait (a page's main thread may not: it spins instead). */
  readonly callerCanBlock: boolean;
  spawn(start: WorkerStart): HostedWorker;
}

interface EngineGlobals {
  process?: { getBuiltinModule?: (id: string) => unknown };
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
  document?: unknown;
  Worker?: new (url: string) => BrowserWorker;
  Blob?: new (parts: string[], options: { type: string }) => unknown;
  URL?: { createObjectURL(blob: unknown): string };
}

interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}

/**
 * A worker's code: gemm-blocked.ts's and gemm-wasm.ts's functions as source text and the loop, so no separate
 * worker file has to be built or located. Bundlers may rename the functions; their current names are what the
 * evaluated source declares.
 */
function kernelSource(): { declarations: string; kernels: string } {
  return {
    declarations: `${blockedGemmSource()}\n${wasmGemmSource()}\nconst gemmWorkerLoop = ${gemmWorkerLoop};`,
    kernels: `{ blockedGemm: ${blockedGemm.name}, createGemmWorkspace: ${createGemmWorkspace.name}, instantiateSimdKernels: ${instantiateSimdKernels.name}, wasmGemm: ${wasmGemm.name} }`,
  };
}

/** Node ≥ 20.16 (`process.getBuiltinModule`): worker threads, evaluated from source; idle ones never keep it alive. */
function nodeHost(engine: EngineGlobals): WorkerHost | undefined {
  const threads = engine.process?.getBuiltinModule?.('node:worker_threads') as typeof WorkerThreads | undefined;
  const os = engine.process?.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined;
  if (threads === undefined || os === undefined || !threads.isMainThread) return undefined;
  const { declarations, kernels } = kernelSource();
  const source = `${declarations}
const threads = require('node:worker_threads');
const { port, ...start } = threads.workerData;
const receive = () => {
  for (;;) {
    const received = threads.receiveMessageOnPort(port);
    if (received !== undefined) return received.message;
  }
};
gemmWorkerLoop(start, receive, ${kernels});`;
  return {
    availableThreads: os.availableParallelism(),
    callerCanBlock: true,
    spawn(start) {
      const { port1, port2 } = new threads.MessageChannel();
      const worker = new threads.Worker(source, {
        eval: true,
        workerData: { ...start, port: port2 },
        transferList: [port2],
      });
      worker.unref();
      port1.unref();
      return { send: (buffers) => port1.postMessage(buffers), terminate: () => void worker.terminate() };
    },
  };
}

/**
 * Browsers: Web Workers from a blob URL, only in a cross-origin isolated page (SharedArrayBuffer). The first message
 * starts the loop; later ones (grown buffers) queue until the loop asks for them.
 */
function browserHost(engine: EngineGlobals): WorkerHost | undefined {
  const { Worker, Blob, URL: Url } = engine;
  if (engine.crossOriginIsolated !== true || Worker === undefined || Blob === undefined || Url === undefined) {
    return undefined;
  }
  const { declarations, kernels } = kernelSource();
  const source = `${declarations}
const queued = [];
let waiting;
self.onmessage = (event) => {
  self.onmessage = (next) => (waiting ? (waiting(next.data), (waiting = undefined)) : queued.push(next.data));
  const receive = () => (queued.length > 0 ? queued.shift() : new Promise((resolve) => (waiting = resolve)));
  gemmWorkerLoop(event.data, receive, ${kernels});
};`;
  const url = Url.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return {
    availableThreads: engine.navigator?.hardwareConcurrency ?? 1,
    callerCanBlock: engine.document === undefined,
    spawn(start) {
      const worker = new Worker(url);
      worker.postMessage(start);
      return { send: (buffers) => worker.postMessage(buffers), terminate: () => worker.terminate() };
    },
  };
}

/** The host for this engine, or undefined where large products stay on the calling thread. */
export function findWorkerHost(): WorkerHost | undefined {
  const engine = globalThis as EngineGlobals;
  return nodeHost(engine) ?? browserHost(engine);
}
