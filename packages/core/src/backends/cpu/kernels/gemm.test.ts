import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSimdKernelsEnabled, simdKernelModule } from '../wasm/simd-kernels';
import { gemm } from './gemm';
import { expectClose, randomValues, seededRandom } from './kernel-test-helpers';

/** Float64 triple loop over the same storage conventions as gemm. */
function referenceGemm(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
): Float64Array {
  const out = new Float64Array(m * n);
  for (let row = 0; row < m; row++) {
    for (let column = 0; column < n; column++) {
      let sum = 0;
      for (let inner = 0; inner < k; inner++) {
        const aValue = transposeA ? a[inner * m + row] : a[row * k + inner];
        const bValue = transposeB ? b[column * k + inner] : b[inner * n + column];
        sum += aValue * bValue;
      }
      out[row * n + column] = sum;
    }
  }
  return out;
}

/** Tolerance scaled to the depth of the sum: float32 rounding grows roughly with √k. */
function expectGemmClose(actual: Float32Array, expected: Float64Array, k: number): void {
  expectClose(actual, expected, 1e-5, 2e-6 * Math.max(1, k));
}

const sizes = [1, 3, 17, 33, 65, 130];

// Both kernels: the WebAssembly SIMD one (where this engine has SIMD128) and the TypeScript reference.
describe.each([
  { kernel: 'SIMD', simd: true },
  { kernel: 'TypeScript', simd: false },
])('gemm on the $kernel kernel', ({ simd }) => {
  beforeAll(() => {
    setSimdKernelsEnabled(simd);
    if (simd) expect(simdKernelModule(), 'Node 20 has WebAssembly SIMD128').toBeDefined();
  });
  afterAll(() => setSimdKernelsEnabled(true));

  const random = seededRandom(7);
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      it(`matches a float64 triple loop over sizes ${sizes.join(',')} (transposeA=${transposeA}, transposeB=${transposeB})`, () => {
        for (let trial = 0; trial < 24; trial++) {
          const m = sizes[Math.floor(random() * sizes.length)];
          const n = sizes[Math.floor(random() * sizes.length)];
          const k = sizes[Math.floor(random() * sizes.length)];
          const a = randomValues(random, m * k);
          const b = randomValues(random, k * n);
          const out = new Float32Array(m * n);
          gemm(Float32Array.from(a), 0, Float32Array.from(b), 0, out, 0, m, n, k, transposeA, transposeB);
          expectGemmClose(out, referenceGemm(a, b, m, n, k, transposeA, transposeB), k);
        }
      });
    }
  }

  it('crosses every blocking boundary (depth > 256, rows > 128, columns > 1024)', () => {
    const random = seededRandom(11);
    for (const [m, n, k] of [
      [131, 9, 517],
      [5, 1031, 7],
      [257, 66, 300],
    ]) {
      const a = randomValues(random, m * k);
      const b = randomValues(random, k * n);
      const out = new Float32Array(m * n);
      gemm(Float32Array.from(a), 0, Float32Array.from(b), 0, out, 0, m, n, k, false, true);
      expectGemmClose(out, referenceGemm(a, b, m, n, k, false, true), k);
    }
  });

  it('honours offsets and accumulates into existing output when asked', () => {
    const random = seededRandom(3);
    const [m, n, k] = [33, 17, 65];
    const a = randomValues(random, m * k);
    const b = randomValues(random, k * n);
    const initial = randomValues(random, m * n);
    const aStorage = new Float32Array(5 + m * k);
    aStorage.set(a, 5);
    const bStorage = new Float32Array(9 + k * n);
    bStorage.set(b, 9);
    const out = new Float32Array(2 + m * n + 4).fill(42);
    out.set(initial, 2);
    gemm(aStorage, 5, bStorage, 9, out, 2, m, n, k, true, false, true);
    const product = referenceGemm(a, b, m, n, k, true, false);
    expectGemmClose(
      out.subarray(2, 2 + m * n),
      product.map((value, index) => value + initial[index]),
      k,
    );
    expect(out[0]).toBe(42);
    expect(out[1]).toBe(42);
    expect(out[2 + m * n]).toBe(42);
  });

  it('writes zeros for an empty inner dimension and leaves accumulated output alone', () => {
    const out = new Float32Array([1, 2, 3, 4]);
    gemm(new Float32Array(0), 0, new Float32Array(0), 0, out, 0, 2, 2, 0, false, false, true);
    expect([...out]).toEqual([1, 2, 3, 4]);
    gemm(new Float32Array(0), 0, new Float32Array(0), 0, out, 0, 2, 2, 0, false, false);
    expect([...out]).toEqual([0, 0, 0, 0]);
  });

  it('gives the same result on repeated calls that reuse the packing buffers', () => {
    const random = seededRandom(5);
    const a = Float32Array.from(randomValues(random, 64 * 80));
    const b = Float32Array.from(randomValues(random, 80 * 48));
    const first = new Float32Array(64 * 48);
    const second = new Float32Array(64 * 48);
    gemm(a, 0, b, 0, first, 0, 64, 48, 80, false, false);
    gemm(b, 0, a, 0, new Float32Array(48 * 64), 0, 48, 64, 80, true, true);
    gemm(a, 0, b, 0, second, 0, 64, 48, 80, false, false);
    expect([...second]).toEqual([...first]);
  });
});
