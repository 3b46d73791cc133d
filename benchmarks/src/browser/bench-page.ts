/**
 * The bench as a web page: the same cases, harness and report table as `pnpm bench`, run inside headless Chromium
 * by `run-in-chromium.ts`, which serves this bundle, tfjs's wasm binaries and the Fashion-MNIST training set.
 */
import { createCpuBackend, matmul, ones, tidy } from '@tessera/core';
import type { BenchCase } from '../cases/bench-case';
import { charLstmCase } from '../cases/char-lstm-case';
import { matmulCase } from '../cases/matmul-case';
import { mlpEpochCase } from '../cases/mlp-epoch-case';
import { mlpStepCase } from '../cases/mlp-step-case';
import { initialiseTfjsBackendsAt, type TfjsBackendInfo } from '../frameworks/initialise-tfjs-backends-at';
import { initialiseJaxJs } from '../frameworks/jax-js-mlp-fit';
import { registerTfjsWasmFillIns } from '../frameworks/tfjs-wasm-fill-ins';
import type { FashionMnistArrays } from '../inputs/fashion-mnist-layout';
import type { CpuPeak } from '../report/cpu-peak';
import { notes, resultsTable } from '../report/markdown-report';
import { runCase } from '../run-case';

export interface BrowserBenchRequest {
  peak: CpuPeak | undefined;
  /** Runs only the cases whose name contains this text (lower case). */
  caseFilter: string | undefined;
}

export interface BrowserBenchReport {
  userAgent: string;
  crossOriginIsolated: boolean;
  tesseraSimd: boolean;
  tesseraRelaxedSimd: boolean;
  tesseraThreads: number;
  tfjs: TfjsBackendInfo;
  table: string[];
  notes: string[];
  seconds: number;
}

/** The training set as the driver serves it: a uint32 example count, then the images and labels as float32. */
async function fetchFashionMnist(): Promise<FashionMnistArrays | undefined> {
  const response = await fetch('/data/fashion-mnist.bin');
  if (!response.ok) return undefined;
  const bytes = await response.arrayBuffer();
  const count = new DataView(bytes).getUint32(0, true);
  const pixels = count * 784;
  if (bytes.byteLength !== 4 + 4 * (pixels + count)) throw new Error('bench page: the Fashion-MNIST file is truncated');
  return {
    count,
    images: new Float32Array(bytes, 4, pixels),
    labels: new Float32Array(bytes, 4 + 4 * pixels, count),
  };
}

/**
 * The CPU backend compiles its SIMD kernels in the background where the main thread may not compile synchronously,
 * and starts its Web Workers at the first large product: both are waited for, so no timed run pays for them.
 */
async function tesseraReady(): Promise<{ simd: boolean; relaxedSimd: boolean; threads: number }> {
  const backend = createCpuBackend();
  const wait = () => new Promise((resolve) => setTimeout(resolve, 50));
  for (let attempt = 0; attempt < 100 && !backend.capabilities().simd; attempt++) await wait();
  tidy(() => matmul(ones([256, 256]), ones([256, 256])).dataSync());
  const expected = Math.min(navigator.hardwareConcurrency, 4);
  for (let attempt = 0; attempt < 100 && crossOriginIsolated && backend.capabilities().threads < expected; attempt++) {
    await wait();
  }
  return backend.capabilities();
}

async function runBrowserBench(request: BrowserBenchRequest): Promise<BrowserBenchReport> {
  const start = performance.now();
  const tfjs = await initialiseTfjsBackendsAt(new URL('/tfjs-wasm/', location.href).href);
  await initialiseJaxJs();
  registerTfjsWasmFillIns();
  const tessera = await tesseraReady();
  // The cases whose tfjs cpu cells take minutes even scaled down (conv2d, the CNN) stay Node-only.
  const cases: BenchCase[] = [matmulCase(512), matmulCase(1024), mlpStepCase(), charLstmCase()];
  const fashionMnist = await fetchFashionMnist();
  if (fashionMnist !== undefined) cases.push(mlpEpochCase(fashionMnist));
  const selected = cases.filter(
    ({ name }) => request.caseFilter === undefined || name.toLowerCase().includes(request.caseFilter),
  );
  const results = [];
  for (const benchCase of selected) {
    console.log(`[bench page] ${benchCase.name}`);
    results.push(await runCase(benchCase));
  }
  return {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    tesseraSimd: tessera.simd,
    tesseraRelaxedSimd: tessera.relaxedSimd,
    tesseraThreads: tessera.threads,
    tfjs,
    table: resultsTable(results, request.peak),
    notes: notes(
      results,
      fashionMnist === undefined ? ['The MLP epoch was skipped: no Fashion-MNIST was served.'] : [],
    ),
    seconds: (performance.now() - start) / 1000,
  };
}

(globalThis as { runBrowserBench?: typeof runBrowserBench }).runBrowserBench = runBrowserBench;
