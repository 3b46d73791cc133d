import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script without type declarations.
import { freshGeneratedSource, generatedPath } from '../../../../scripts/build-wasm.mjs';
import { simdKernelModule } from '../wasm/simd-kernels';
import { blockedGemm, createGemmWorkspace } from './gemm-blocked';
import { instantiateSimdKernels, wasmGemm } from './gemm-wasm';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

const module = simdKernelModule();

/** Float64 sums over the same strided layout as wasmGemm's arguments. */
function referenceProduct(
  a: Float64Array,
  aRowStride: number,
  aInnerStride: number,
  b: Float64Array,
  bInnerStride: number,
  bColumnStride: number,
  m: number,
  n: number,
  k: number,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let row = 0; row < m; row++) {
    for (let column = 0; column < n; column++) {
      let sum = 0;
      for (let inner = 0; inner < k; inner++) {
        sum += a[row * aRowStride + inner * aInnerStride] * b[inner * bInnerStride + column * bColumnStride];
      }
      out[row * n + column] = sum;
    }
  }
  return out;
}

describe('the WebAssembly SIMD GEMM', () => {
  it('is the compiled form of assembly/ as it is now (run node scripts/build-wasm.mjs after editing it)', async () => {
    const { readFile } = await import('node:fs/promises');
    const fresh = await freshGeneratedSource();
    expect(await readFile(generatedPath, 'utf8')).toBe(fresh);
  }, 60_000);

  it('compiles and instantiates in Node 20 (which has SIMD128)', () => {
    expect(module).toBeDefined();
  });

  // Sizes straddle the 4-row × 8-column tile, the 128-row and 1024-column blocks and the 256-deep block.
  const shapes = [
    [1, 1, 1],
    [3, 7, 5],
    [4, 8, 1],
    [5, 9, 257],
    [17, 31, 64],
    [129, 12, 3],
    [6, 1030, 20],
    [33, 17, 600],
  ];
  it.each(shapes)('matches float64 sums for %i×%i×%i, every transpose, overwrite and accumulate', (m, n, k) => {
    const kernel = instantiateSimdKernels(module as WebAssembly.Module);
    const random = seededRandom(m * 1000 + n * 10 + k);
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        for (const accumulate of [false, true]) {
          const a = randomValues(random, m * k);
          const b = randomValues(random, k * n);
          const initial = randomValues(random, m * n);
          const aRowStride = transposeA ? 1 : k;
          const aInnerStride = transposeA ? m : 1;
          const bInnerStride = transposeB ? 1 : n;
          const bColumnStride = transposeB ? k : 1;
          // Operands sit at odd offsets inside larger arrays; the output's guard values must survive.
          const aStorage = new Float32Array(m * k + 7);
          aStorage.set(a, 3);
          const bStorage = new Float32Array(k * n + 7);
          bStorage.set(b, 5);
          const out = new Float32Array(m * n + 4).fill(42);
          out.set(initial, 2);
          const ran = wasmGemm(
            aStorage,
            3,
            aRowStride,
            aInnerStride,
            bStorage,
            5,
            bInnerStride,
            bColumnStride,
            out,
            2,
            n,
            m,
            n,
            k,
            accumulate,
            kernel,
          );
          expect(ran).toBe(true);
          const product = referenceProduct(a, aRowStride, aInnerStride, b, bInnerStride, bColumnStride, m, n, k);
          const expected = accumulate ? product.map((value, index) => value + initial[index]) : product;
          expectClose(out.subarray(2, 2 + m * n), expected, 1e-5, 2e-6 * Math.max(1, k));
          expect([out[0], out[1], out[m * n + 2], out[m * n + 3]]).toEqual([42, 42, 42, 42]);
        }
      }
    }
  });

  it('writes rows with gaps between them and leaves the gaps alone', () => {
    const kernel = instantiateSimdKernels(module as WebAssembly.Module);
    const random = seededRandom(9);
    const [m, n, k, outRowStride] = [13, 10, 21, 16];
    const a = Float32Array.from(randomValues(random, m * k));
    const b = Float32Array.from(randomValues(random, k * n));
    const simdOut = new Float32Array(m * outRowStride).fill(-1);
    const referenceOut = simdOut.slice();
    wasmGemm(a, 0, k, 1, b, 0, n, 1, simdOut, 0, outRowStride, m, n, k, false, kernel);
    blockedGemm(a, 0, k, 1, b, 0, n, 1, referenceOut, 0, outRowStride, m, n, k, false, createGemmWorkspace());
    expectClose(simdOut, referenceOut, 1e-5, 1e-5);
    for (let row = 0; row < m; row++) {
      expect([...simdOut.subarray(row * outRowStride + n, (row + 1) * outRowStride)]).toEqual(new Array(6).fill(-1));
    }
  });

  it('grows its memory for large operands and keeps working afterwards', () => {
    const kernel = instantiateSimdKernels(module as WebAssembly.Module);
    const before = kernel.memory.buffer.byteLength;
    const random = seededRandom(4);
    const [m, n, k] = [300, 280, 290];
    const a = randomValues(random, m * k);
    const b = randomValues(random, k * n);
    const out = new Float32Array(m * n);
    wasmGemm(Float32Array.from(a), 0, k, 1, Float32Array.from(b), 0, n, 1, out, 0, n, m, n, k, false, kernel);
    expect(kernel.memory.buffer.byteLength).toBeGreaterThan(before);
    expectClose(out, referenceProduct(a, k, 1, b, n, 1, m, n, k), 1e-5, 2e-6 * k);
    const small = new Float32Array(4);
    wasmGemm(
      Float32Array.from([1, 2, 3, 4]),
      0,
      2,
      1,
      Float32Array.from([1, 0, 0, 1]),
      0,
      2,
      1,
      small,
      0,
      2,
      2,
      2,
      2,
      false,
      kernel,
    );
    expect([...small]).toEqual([1, 2, 3, 4]);
  });
});
