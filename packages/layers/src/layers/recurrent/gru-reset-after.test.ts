import { type Tensor, tensor } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { expectValuesClose, randomValues } from '../layer-test-helpers';
import { GRU } from './gru';

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/**
 * Keras's reset_after GRU in float64 (tfjs-layers lacks this variant): z, r, h gates; the reset gate scales the
 * recurrent product including its bias. Returns every step's output in processing order.
 */
function referenceGru(
  x: Float64Array,
  [batch, steps, features]: number[],
  units: number,
  [kernel, recurrentKernel, bias]: Float64Array[],
  initial: Float64Array,
  goBackwards: boolean,
): number[] {
  const outputs: number[] = new Array(batch * steps * units);
  for (let example = 0; example < batch; example++) {
    let state = Array.from(initial.subarray(example * units, (example + 1) * units));
    for (let position = 0; position < steps; position++) {
      const time = goBackwards ? steps - 1 - position : position;
      const inputPart = new Array(3 * units).fill(0);
      const innerPart = new Array(3 * units).fill(0);
      for (let column = 0; column < 3 * units; column++) {
        inputPart[column] = bias[column];
        innerPart[column] = bias[3 * units + column];
        for (let feature = 0; feature < features; feature++) {
          inputPart[column] += x[(example * steps + time) * features + feature] * kernel[feature * 3 * units + column];
        }
        for (let unit = 0; unit < units; unit++)
          innerPart[column] += state[unit] * recurrentKernel[unit * 3 * units + column];
      }
      state = state.map((previous, unit) => {
        const update = sigmoid(inputPart[unit] + innerPart[unit]);
        const reset = sigmoid(inputPart[units + unit] + innerPart[units + unit]);
        const candidate = Math.tanh(inputPart[2 * units + unit] + reset * innerPart[2 * units + unit]);
        return update * previous + (1 - update) * candidate;
      });
      state.forEach((value, unit) => {
        outputs[(example * steps + position) * units + unit] = value;
      });
    }
  }
  return outputs;
}

describe('GRU resetAfter (Keras default) vs a float64 reference', () => {
  it.each([false, true])('returnSequences with initial state, goBackwards %s', (goBackwards) => {
    const [batch, steps, features, units] = [2, 4, 3, 5];
    const layer = new GRU({ units, returnSequences: true, goBackwards });
    const xValues = randomValues(batch * steps * features);
    const initialValues = randomValues(batch * units);
    const x = tensor(xValues, [batch, steps, features]);
    const initial = tensor(initialValues, [batch, units]);
    layer.apply([x, initial]);
    expect(layer.weights.map((weight) => weight.shape)).toEqual([
      [features, 3 * units],
      [units, 3 * units],
      [2, 3 * units],
    ]);
    const weights = layer.weights.map((weight) => tensor(randomValues(weight.size), weight.shape));
    layer.setWeights(weights);
    const expected = referenceGru(
      Float64Array.from(xValues),
      [batch, steps, features],
      units,
      weights.map((weight: Tensor) => Float64Array.from(weight.dataSync())),
      Float64Array.from(initialValues),
      goBackwards,
    );
    expectValuesClose(layer.apply([x, initial]).dataSync(), expected, 1e-5);
  });

  it('resetAfter: false uses Keras’s other layout (bias [3·units])', () => {
    const layer = new GRU({ units: 2, resetAfter: false });
    layer.apply(tensor(new Float32Array(6), [1, 2, 3]));
    expect(layer.weights.map((weight) => weight.shape)).toEqual([[3, 6], [2, 6], [6]]);
  });
});
