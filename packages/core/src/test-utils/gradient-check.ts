/**
 * One call that checks an op's gradient three ways: the forward values against a float64 reference, the
 * gradient against tf.grads on the same inputs, and the gradient against central differences of the reference.
 * The loss is sum(op(inputs) · weights) with fixed random weights, so every output element matters.
 */
import { expect } from 'vitest';
import { grads } from '../autograd/grads';
import { tidy } from '../memory/tidy';
import { mul } from '../ops/mul';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { expectValuesClose, lossWeights, numericGradients, tf } from './oracle';

export interface GradientInput {
  values: number[];
  shape: number[];
}

export interface GradientCase {
  /** The float32 inputs to differentiate with respect to; anything else the op needs is closed over. */
  inputs: readonly GradientInput[];
  tessera: (...inputs: Tensor[]) => Tensor;
  /** The same op in tfjs; omit only where tfjs has no such op. */
  tfjs?: (...inputs: tf.Tensor[]) => tf.Tensor;
  /** The op in float64 on flat row-major arrays, returning the flat output. */
  reference: (inputs: Float64Array[]) => ArrayLike<number>;
  rtol?: number;
  atol?: number;
}

export function checkGradients(testCase: GradientCase): void {
  const rtol = testCase.rtol ?? 1e-3;
  const atol = testCase.atol ?? 1e-3;
  const flatInputs = testCase.inputs.map((input) => Float64Array.from(input.values));
  tidy(() => {
    const tensors = testCase.inputs.map((input) => tensor(input.values, input.shape));
    const output = testCase.tessera(...tensors);
    const expectedOutput = testCase.reference(flatInputs);
    expectValuesClose(Array.from(output.dataSync()), Array.from(expectedOutput), 1e-4, 1e-4);
    const weights = lossWeights(output.size);
    const weightsTensor = tensor(weights, output.shape);
    const gradients = grads((...inputs: Tensor[]) => sum(mul(testCase.tessera(...inputs), weightsTensor)))(tensors);
    const loss = (points: Float64Array[]): number => {
      const values = testCase.reference(points);
      let total = 0;
      for (let index = 0; index < values.length; index++) total += values[index] * weights[index];
      return total;
    };
    const numeric = numericGradients(loss, flatInputs);
    gradients.forEach((gradient, index) => {
      expect(gradient.shape).toEqual(testCase.inputs[index].shape);
      expect(gradient.dtype).toBe('float32');
      expectValuesClose(Array.from(gradient.dataSync()), numeric[index], rtol, atol);
    });
    if (testCase.tfjs) {
      const tfjsOp = testCase.tfjs;
      const tfInputs = testCase.inputs.map((input) => tf.tensor(input.values, input.shape));
      const tfWeights = tf.tensor(weights, [...output.shape]);
      const tfGradients = tf.grads((...inputs: tf.Tensor[]) => tf.sum(tf.mul(tfjsOp(...inputs), tfWeights)))(tfInputs);
      const expected = tfGradients.map((gradient) => Array.from(gradient.dataSync()));
      tf.dispose([...tfInputs, tfWeights, ...tfGradients]);
      gradients.forEach((gradient, index) => {
        expectValuesClose(Array.from(gradient.dataSync()), expected[index], 1e-4, 1e-4);
      });
    }
  });
}
