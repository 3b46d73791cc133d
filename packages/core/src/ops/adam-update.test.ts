import { afterAll, describe, expect, it } from 'vitest';
import { setSimdKernelsEnabled } from '../backends/cpu/wasm/simd-kernels';
import { adamUpdateComposite } from '../composites/adam-update-composite';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { adamUpdate } from './adam-update';
import { tensor } from './tensor';

function seeded(seed: number, length: number, scale = 1): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return ((state / 2 ** 32) * 2 - 1) * scale;
  });
}

const options = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  stepSize: 0.001 / (1 - 0.9 ** 3),
  secondCorrection: 1 - 0.999 ** 3,
};

function inputs(length: number): [Tensor, Tensor, Tensor, Tensor] {
  return [
    tensor(seeded(1, length)),
    tensor(seeded(2, length, 0.1)),
    tensor(seeded(3, length, 0.01)),
    // Second moments are non-negative.
    tensor(seeded(4, length, 1e-4).map(Math.abs)),
  ];
}

function bits(tensors: Tensor[]): number[][] {
  return tensors.map((value) => Array.from(new Int32Array((value.dataSync() as Float32Array).buffer)));
}

describe('adamUpdate', () => {
  afterAll(() => setSimdKernelsEnabled(true));

  // Around the SIMD threshold (256) and the 4-lane vectors.
  it.each([1, 7, 255, 256, 259, 1030])(
    'gives the composite’s bits on the SIMD and the TypeScript kernel (%i elements)',
    (length) => {
      tidy(() => {
        const [variable, gradient, first, second] = inputs(length);
        const composite = adamUpdateComposite(
          { variable, gradient, firstMoment: first, secondMoment: second },
          options,
        );
        for (const simd of [true, false]) {
          setSimdKernelsEnabled(simd);
          expect(bits(adamUpdate(variable, gradient, first, second, options))).toEqual(bits(composite));
        }
      });
    },
  );

  it('matches a float64 Adam step within float32 rounding', () => {
    tidy(() => {
      const length = 300;
      const [variable, gradient, first, second] = inputs(length);
      const [newVariable, newFirst, newSecond] = adamUpdate(variable, gradient, first, second, options).map((value) =>
        value.dataSync(),
      );
      const [p, g, m, v] = [variable, gradient, first, second].map((value) => value.dataSync());
      for (let index = 0; index < length; index++) {
        const expectedFirst = 0.9 * m[index] + 0.1 * g[index];
        const expectedSecond = 0.999 * v[index] + 0.001 * g[index] ** 2;
        const expectedVariable =
          p[index] - (expectedFirst * options.stepSize) / (Math.sqrt(expectedSecond / options.secondCorrection) + 1e-7);
        expect(newFirst[index]).toBeCloseTo(expectedFirst, 7);
        expect(newSecond[index]).toBeCloseTo(expectedSecond, 9);
        expect(Math.abs(newVariable[index] - expectedVariable)).toBeLessThan(1e-6);
      }
    });
  });

  it('returns three new tensors and leaves the inputs and nothing else alive', () => {
    const [variable, gradient, first, second] = inputs(64);
    const before = memory().numTensors;
    const results = adamUpdate(variable, gradient, first, second, options);
    expect(memory().numTensors).toBe(before + 3);
    for (const value of [...results, variable, gradient, first, second]) value.dispose();
  });

  it('names the argument when shapes or numbers are wrong', () => {
    tidy(() => {
      const [variable, gradient, first, second] = inputs(6);
      expect(() => adamUpdate(variable, tensor([1, 2]), first, second, options)).toThrow(
        /adamUpdate: gradient must have the variable's shape \[6\], got \[2\]/,
      );
      expect(() => adamUpdate(variable, gradient, first, second, { ...options, stepSize: Number.NaN })).toThrow(
        /adamUpdate: stepSize must be a finite number, got NaN/,
      );
      expect(() => adamUpdate(variable, gradient, first, second, undefined as unknown as typeof options)).toThrow(
        /adamUpdate: options must be an object/,
      );
    });
  });
});
