import { afterAll, describe, expect, it } from 'vitest';
import type { BinaryOp, TensorInfo, UnaryOp } from '../../../backend/kernel-specs';
import { CpuStorage } from '../cpu-storage';
import { setSimdKernelsEnabled, simdKernelModule } from '../wasm/simd-kernels';
import { createBinaryKernel } from './binary';
import { seededRandom } from './kernel-test-helpers';
import { createUnaryKernel } from './unary';

const storage = new CpuStorage();
const binary = createBinaryKernel(storage);
const unary = createUnaryKernel(storage);

/** Random values salted with the special ones: NaN, ±Infinity, ±0, a subnormal and the largest float32. */
function specialValues(seed: number, length: number): Float32Array {
  const random = seededRandom(seed);
  const specials = [Number.NaN, Infinity, -Infinity, 0, -0, 1e-40, -3.4028234663852886e38, 1];
  return Float32Array.from({ length }, () =>
    random() < 0.2 ? specials[Math.floor(random() * specials.length)] : (random() * 2 - 1) * 10 ** (random() * 6 - 3),
  );
}

function tensorInfo(values: Float32Array, shape: number[]): TensorInfo {
  return { dataId: storage.write(values, 'float32'), shape, dtype: 'float32' };
}

/** Equal bit for bit, except that any NaN matches any NaN (payloads are not part of the contract). */
function expectSameFloats(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const actualBits = new Int32Array(actual.buffer, actual.byteOffset, actual.length);
  const expectedBits = new Int32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let index = 0; index < actual.length; index++) {
    if (Number.isNaN(expected[index]) && Number.isNaN(actual[index])) continue;
    if (actualBits[index] !== expectedBits[index]) {
      expect.fail(`element ${index}: ${actual[index]} (SIMD) is not ${expected[index]} (TypeScript)`);
    }
  }
}

/** Runs a kernel once with the SIMD kernels on and once with them off, and returns both outputs. */
function bothWays(run: () => TensorInfo): [Float32Array, Float32Array] {
  const outputs = [true, false].map((simd) => {
    setSimdKernelsEnabled(simd);
    return storage.readSync(run().dataId) as Float32Array;
  });
  return [outputs[0], outputs[1]];
}

describe('SIMD element-wise kernels', () => {
  afterAll(() => setSimdKernelsEnabled(true));

  it('are available in Node 20', () => {
    expect(simdKernelModule()).toBeDefined();
  });

  // Lengths around the SIMD threshold (256) and the 4-lane vectors.
  const lengths = [255, 256, 257, 1030, 4099];
  const binaryOps: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'];
  it.each(binaryOps)('%s equals the TypeScript loop bit for bit, also with a scalar on either side', (op) => {
    for (const length of lengths) {
      const a = tensorInfo(specialValues(length, length), [length]);
      const b = tensorInfo(specialValues(length + 1, length), [length]);
      const scalar = tensorInfo(Float32Array.of(-2.5), []);
      const zero = tensorInfo(Float32Array.of(-0), [1]);
      for (const [left, right] of [
        [a, b],
        [a, scalar],
        [scalar, b],
        [zero, a],
      ]) {
        const [simd, typescript] = bothWays(() => binary({ a: left, b: right }, { op }));
        expectSameFloats(simd, typescript);
      }
    }
  });

  it('leave the TypeScript loop to broadcasts that are neither same-length nor scalar, with the same results', () => {
    const rows = tensorInfo(specialValues(3, 64 * 33), [64, 33]);
    const bias = tensorInfo(specialValues(4, 33), [33]);
    const [simd, typescript] = bothWays(() => binary({ a: rows, b: bias }, { op: 'add' }));
    expectSameFloats(simd, typescript);
  });

  const unaryOps: UnaryOp[] = ['neg', 'abs', 'sqrt', 'square', 'relu'];
  it.each(unaryOps)('%s equals the TypeScript loop bit for bit', (op) => {
    for (const length of lengths) {
      const x = tensorInfo(specialValues(length * 7, length), [length]);
      const [simd, typescript] = bothWays(() => unary({ x }, { op }));
      expectSameFloats(simd, typescript);
    }
  });
});
