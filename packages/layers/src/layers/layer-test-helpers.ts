import type * as tf from '@tensorflow/tfjs';
import { mul, sum, type Tensor, tensor, tidy, type Variable, valueAndGrads, variableGrads } from '@tessera/core';
import { expect } from 'vitest';

/**
 * A fixed-seed generator (mulberry32) shared by a test file's helpers: each file draws the same values on every run,
 * so a failure reproduces. (Unseeded values made a finite-difference check fail about once in many runs.)
 */
let generatorState = 0x9e3779b9;
function nextUniform(): number {
  generatorState = (generatorState + 0x6d2b79f5) >>> 0;
  let mixed = Math.imul(generatorState ^ (generatorState >>> 15), 1 | generatorState);
  mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
  return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
}

/** Uniform values in [-scale, scale), from the file's fixed-seed sequence. */
export function randomValues(count: number, scale = 1): Float32Array {
  return Float32Array.from({ length: count }, () => (nextUniform() * 2 - 1) * scale);
}

export function expectClose(actual: Tensor, expected: tf.Tensor, tolerance = 1e-4): void {
  expect(actual.shape).toEqual(expected.shape);
  expectValuesClose(actual.dataSync(), expected.dataSync(), tolerance);
}

export function expectValuesClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  for (let position = 0; position < expected.length; position++) {
    const difference = Math.abs(actual[position] - expected[position]);
    if (!(difference <= tolerance * (1 + Math.abs(expected[position])))) {
      expect.fail(`position ${position}: got ${actual[position]}, expected ${expected[position]}`);
    }
  }
}

/**
 * Checks the gradients of `sum(forward(inputs) · fixed random weights)` with respect to every input and every
 * variable against central finite differences, so every output element contributes.
 */
export function expectGradientsMatchFiniteDifferences(
  forward: (inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  variables: Variable[],
  { step = 1e-2, tolerance = 5e-3 }: { step?: number; tolerance?: number } = {},
): void {
  const probe = tidy(() => forward(inputs));
  const outputWeights = tensor(randomValues(probe.size), probe.shape);
  probe.dispose();
  const loss = (values: Tensor[]): Tensor => sum(mul(forward(values), outputWeights));
  const lossValue = (values: Tensor[]): number => tidy(() => loss(values).dataSync()[0]);
  const compare = (analytic: ArrayLike<number>, numericAt: (position: number) => number, label: string): void => {
    for (let position = 0; position < analytic.length; position++) {
      const numeric = numericAt(position);
      if (!(Math.abs(numeric - analytic[position]) <= tolerance * (1 + Math.abs(numeric)))) {
        expect.fail(`${label}[${position}]: analytic ${analytic[position]}, finite difference ${numeric}`);
      }
    }
  };

  const inputResult = valueAndGrads((...values: Tensor[]) => loss(values))(inputs);
  inputResult.value.dispose();
  inputs.forEach((input, inputIndex) => {
    const base = Float32Array.from(input.dataSync());
    const shiftedLoss = (position: number, offset: number): number => {
      const shifted = Float32Array.from(base);
      shifted[position] += offset;
      const replaced = tensor(shifted, input.shape);
      const values = inputs.map((original, index) => (index === inputIndex ? replaced : original));
      const result = lossValue(values);
      replaced.dispose();
      return result;
    };
    compare(
      inputResult.grads[inputIndex].dataSync(),
      (position) => (shiftedLoss(position, step) - shiftedLoss(position, -step)) / (2 * step),
      `input ${inputIndex}`,
    );
  });
  // Gradients may share one tensor (Add passes dy to every input), so each is disposed once, at the end.
  for (const gradient of new Set(inputResult.grads)) gradient.dispose();

  if (variables.length > 0) {
    const { value, grads } = variableGrads(() => loss(inputs), variables);
    value.dispose();
    for (const weight of variables) {
      const base = Float32Array.from(weight.dataSync());
      const shiftedLoss = (position: number, offset: number): number => {
        const shifted = Float32Array.from(base);
        shifted[position] += offset;
        tidy(() => weight.assign(tensor(shifted, weight.shape)));
        return lossValue(inputs);
      };
      compare(
        grads[weight.name].dataSync(),
        (position) => (shiftedLoss(position, step) - shiftedLoss(position, -step)) / (2 * step),
        weight.name,
      );
      tidy(() => weight.assign(tensor(base, weight.shape)));
      grads[weight.name].dispose();
    }
  }
  outputWeights.dispose();
}
