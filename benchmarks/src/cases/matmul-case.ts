import * as tf from '@tensorflow/tfjs';
import { matmul, tensor } from '@tessera/core';
import type { PreparedRun } from '../frameworks/framework';
import { SeededValues } from '../inputs/seeded-values';
import type { BenchCase } from './bench-case';

/** Square float32 matrix product C = A·B of size n: the kernel that dense layers and convolutions reduce to. */
export function matmulCase(size: number): BenchCase {
  const random = new SeededValues(size);
  const leftValues = random.normal(size * size);
  const rightValues = random.normal(size * size);
  const shape = [size, size];
  return {
    name: `matmul ${size}×${size}`,
    floatingPointOperations: 2 * size ** 3,
    // The goal is stated for n = 512, the size where the kernel's blocking matters but the run stays short.
    // Issue 3 (tfjs cpu at 512) and issue 7 (tfjs wasm at 1024).
    target:
      size === 512 ? { minimumSpeedupOverTfjsCpu: 5 } : size === 1024 ? { minimumSpeedupOverTfjsWasm: 1.5 } : undefined,
    // tfjs-cpu needs seconds for n = 1024; a few runs give a usable median there.
    timing: size >= 1024 ? { minimumRuns: 3, cellBudgetSeconds: 30 } : undefined,
    prepareTessera(): PreparedRun {
      const left = tensor(leftValues.slice(), shape);
      const right = tensor(rightValues.slice(), shape);
      return {
        runOnce: () => {
          const product = matmul(left, right);
          const values = product.dataSync() as Float32Array;
          product.dispose();
          return [values];
        },
        dispose: () => {
          left.dispose();
          right.dispose();
        },
      };
    },
    prepareTfjs(): PreparedRun {
      const left = tf.tensor2d(leftValues.slice(), [size, size]);
      const right = tf.tensor2d(rightValues.slice(), [size, size]);
      return {
        runOnce: () => {
          // Read outside tf.tidy: tidy walks a returned typed array element by element, which would add a second
          // of bookkeeping to tfjs's time for n = 512.
          const product = tf.matMul(left, right);
          const values = product.dataSync() as Float32Array;
          product.dispose();
          return [values];
        },
        dispose: () => tf.dispose([left, right]),
      };
    },
  };
}
