import { createCpuBackend, matmul, randomNormal, setBackend } from '@tessera/core';
import { expect, it } from 'vitest';

// The testkit compares WebGPU against the CPU backend in this same page: the reference should be the one users get
// in a browser, with its WebAssembly SIMD kernels (compiled in the background where the browser refuses to compile
// synchronously on the main thread, so allow a moment).
it('the CPU reference backend runs its WebAssembly SIMD kernels in Chromium', async () => {
  await setBackend('cpu');
  const backend = createCpuBackend();
  let simd = backend.capabilities().simd;
  for (let attempt = 0; attempt < 40 && !simd; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    simd = backend.capabilities().simd;
  }
  expect(simd).toBe(true);
  // Chromium has relaxed SIMD (since 114): the GEMM runs the fused multiply-add build.
  expect(backend.capabilities().relaxedSimd).toBe(true);
  // A product large enough for the SIMD GEMM, checked against a plain sum for one element.
  const a = randomNormal([64, 48], 0, 1, 'float32', { seed: 1 });
  const b = randomNormal([48, 40], 0, 1, 'float32', { seed: 2 });
  const product = matmul(a, b).dataSync();
  const aValues = a.dataSync();
  const bValues = b.dataSync();
  let expected = 0;
  for (let inner = 0; inner < 48; inner++) expected += aValues[5 * 48 + inner] * bValues[inner * 40 + 7];
  expect(product[5 * 40 + 7]).toBeCloseTo(expected, 4);
});
