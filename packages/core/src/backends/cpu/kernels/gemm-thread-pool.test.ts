import { afterAll, describe, expect, it } from 'vitest';
import { setSimdKernelsEnabled, simdKernelModule } from '../wasm/simd-kernels';
import { gemm } from './gemm';
import { blockedGemm, createGemmWorkspace } from './gemm-blocked';
import { parallelGemmSplitCount, parallelGemmThreads, setCpuThreads } from './gemm-thread-pool';
import { instantiateSimdKernels, wasmGemm } from './gemm-wasm';
import { randomValues, seededRandom } from './kernel-test-helpers';

const nodeProcess = globalThis.process as { getBuiltinModule?: unknown } | undefined;
const canThread =
  typeof nodeProcess?.getBuiltinModule === 'function' && (await import('node:os')).availableParallelism() > 1;

/** The first large gemm starts the workers in the background; later ones use them once they are ready. */
async function waitForWorkers(): Promise<number> {
  const random = seededRandom(1);
  const a = Float32Array.from(randomValues(random, 128 * 128));
  gemm(a, 0, a, 0, new Float32Array(128 * 128), 0, 128, 128, 128, false, false);
  for (let attempt = 0; attempt < 100 && parallelGemmThreads() === 1; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return parallelGemmThreads();
}

describe.skipIf(!canThread)('gemm on worker threads', () => {
  it('starts workers where Node provides them', async () => {
    expect(await waitForWorkers()).toBeGreaterThan(1);
  });

  afterAll(() => setSimdKernelsEnabled(true));

  // Every size is above both kernels' threading thresholds (2^20 and 2^22 multiply-adds) with at least 32 rows.
  it.each([
    { kernel: 'SIMD', simd: true },
    { kernel: 'TypeScript', simd: false },
  ])(
    'gives bit-identical results to one thread on the $kernel kernel, for every transpose and with accumulation',
    async ({ simd }) => {
      await waitForWorkers();
      setSimdKernelsEnabled(simd);
      const module = simdKernelModule();
      expect(module !== undefined).toBe(simd);
      const simdInstance = module === undefined ? undefined : instantiateSimdKernels(module);
      const random = seededRandom(2);
      for (const [m, n, k] of [
        [260, 70, 300],
        [257, 65, 257],
        [64, 1031, 70],
      ]) {
        for (const transposeA of [false, true]) {
          for (const transposeB of [false, true]) {
            for (const accumulate of [false, true]) {
              const a = Float32Array.from(randomValues(random, m * k + 3));
              const b = Float32Array.from(randomValues(random, k * n + 5));
              const initial = Float32Array.from(randomValues(random, m * n + 2));
              const threaded = initial.slice();
              const single = initial.slice();
              const splitBefore = parallelGemmSplitCount();
              gemm(a, 3, b, 5, threaded, 2, m, n, k, transposeA, transposeB, accumulate);
              expect(parallelGemmSplitCount(), 'the product was split across threads').toBe(splitBefore + 1);
              const strides = [transposeA ? 1 : k, transposeA ? m : 1, transposeB ? 1 : n, transposeB ? k : 1];
              if (simdInstance === undefined) {
                blockedGemm(
                  a,
                  3,
                  strides[0],
                  strides[1],
                  b,
                  5,
                  strides[2],
                  strides[3],
                  single,
                  2,
                  n,
                  m,
                  n,
                  k,
                  accumulate,
                  createGemmWorkspace(),
                );
              } else {
                wasmGemm(
                  a,
                  3,
                  strides[0],
                  strides[1],
                  b,
                  5,
                  strides[2],
                  strides[3],
                  single,
                  2,
                  n,
                  m,
                  n,
                  k,
                  accumulate,
                  simdInstance,
                );
              }
              expect(threaded).toEqual(single);
            }
          }
        }
      }
      // Still threaded: no worker failed and fell back along the way.
      expect(parallelGemmThreads()).toBeGreaterThan(1);
    },
  );
});

describe.skipIf(!canThread)('setCpuThreads', () => {
  afterAll(() => setCpuThreads(2));

  it('keeps products on the calling thread at 1 and starts workers again at 2, with the same results', async () => {
    const random = seededRandom(5);
    const [m, n, k] = [256, 128, 200];
    const a = Float32Array.from(randomValues(random, m * k));
    const b = Float32Array.from(randomValues(random, k * n));
    setCpuThreads(1);
    const single = new Float32Array(m * n);
    const splitBefore = parallelGemmSplitCount();
    gemm(a, 0, b, 0, single, 0, m, n, k, false, false, false);
    expect(parallelGemmThreads()).toBe(1);
    expect(parallelGemmSplitCount()).toBe(splitBefore);
    setCpuThreads(2);
    expect(await waitForWorkers()).toBe(2);
    const threaded = new Float32Array(m * n);
    gemm(a, 0, b, 0, threaded, 0, m, n, k, false, false, false);
    expect(parallelGemmSplitCount()).toBe(splitBefore + 1);
    expect(threaded).toEqual(single);
  });

  it('names a thread count it cannot use', () => {
    expect(() => setCpuThreads(0)).toThrow('setCpuThreads: expected an integer from 1 to 16, got 0');
    expect(() => setCpuThreads(2.5)).toThrow('setCpuThreads: expected an integer from 1 to 16, got 2.5');
  });
});
