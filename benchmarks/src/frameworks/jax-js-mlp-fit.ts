import { defaultDevice, init, jit, nn, numpy as np, tree, valueAndGrad } from '@jax-js/jax';
import type { WeightValues } from '../cases/training-runs';
import type { PreparedRun } from './framework';

type Array = np.Array;
type Parameters = { kernel1: Array; bias1: Array; kernel2: Array; bias2: Array };

/** Starts jax-js's WebAssembly device (its default device; WebGPU and WebGL need a browser). */
export async function initialiseJaxJs(): Promise<void> {
  await init('wasm');
  defaultDevice('wasm');
}

const classes = 10;

/**
 * jax-js follows move semantics: every function consumes its arguments, and `.ref` adds a reference for each
 * further use. These helpers keep that bookkeeping out of the model code.
 */
const borrow = (parameters: Parameters): Parameters => tree.map((value: Array) => value.ref, parameters);

/** Mean sparse cross-entropy of the 784 → 128 relu → 10 network, through log-softmax on the logits. */
function loss(parameters: Parameters, images: Array, oneHotLabels: Array): Array {
  const batch = images.shape[0];
  const hidden = nn.relu(np.dot(images, parameters.kernel1).add(parameters.bias1));
  const logits = np.dot(hidden, parameters.kernel2).add(parameters.bias2);
  return nn
    .logSoftmax(logits)
    .mul(oneHotLabels)
    .sum()
    .mul(-1 / batch);
}

/**
 * The jax-js side of issue 7's MLP comparison: one epoch over the data, batch by batch, with the whole training
 * step (forward, loss, gradients and Keras's Adam: β1 0.9, β2 0.999, ε 1e-7, learning rate 0.001) under `jit`,
 * reading each batch's loss back as `fit` does. The last, shorter batch is traced once more (jit caches per shape).
 * Returns the first batch's loss, like the `fit` runs.
 */
export function jaxJsMlpFitRun(
  images: Float32Array,
  labels: Float32Array,
  examples: number,
  pixels: number,
  weights: readonly WeightValues[],
  batchSize: number,
): PreparedRun {
  const step = jit(
    (parameters: Parameters, first: Parameters, second: Parameters, x: Array, y: Array, rate: Array, scale: Array) => {
      const [value, gradients] = valueAndGrad(loss)(borrow(parameters), x, y);
      const newFirst = tree.map(
        (moment: Array, gradient: Array) => moment.mul(0.9).add(gradient.mul(0.1)),
        first,
        borrow(gradients),
      );
      const newSecond = tree.map(
        (moment: Array, gradient: Array) => moment.mul(0.999).add(gradient.ref.mul(gradient).mul(0.001)),
        second,
        gradients,
      );
      const updated = tree.map(
        (parameter: Array, moment: Array, variance: Array) =>
          parameter.sub(moment.mul(rate.ref).div(np.sqrt(variance.mul(scale.ref)).add(1e-7))),
        parameters,
        borrow(newFirst),
        borrow(newSecond),
      );
      rate.dispose();
      scale.dispose();
      return [value, updated, newFirst, newSecond] as const;
    },
  );
  const labelIndices = Int32Array.from(labels);
  return {
    runOnce: () => {
      const [kernel1, bias1, kernel2, bias2] = weights.map(({ shape, values }) =>
        np.array(values.slice()).reshape(shape),
      );
      let parameters: Parameters = { kernel1, bias1, kernel2, bias2 };
      let first = tree.map((value: Array) => np.zerosLike(value.ref), parameters);
      let second = tree.map((value: Array) => np.zerosLike(value.ref), parameters);
      let firstLoss = Number.NaN;
      let stepNumber = 0;
      for (let start = 0; start < examples; start += batchSize) {
        const end = Math.min(examples, start + batchSize);
        stepNumber++;
        const x = np.array(images.subarray(start * pixels, end * pixels)).reshape([end - start, pixels]);
        const y = nn.oneHot(np.array(labelIndices.subarray(start, end), { dtype: np.int32 }), classes);
        // Bias corrections on the host, as Tessera's and Keras's Adam compute them.
        const rate = np.array(0.001 / (1 - 0.9 ** stepNumber));
        const scale = np.array(1 / (1 - 0.999 ** stepNumber));
        const [value, updated, newFirst, newSecond] = step(parameters, first, second, x, y, rate, scale);
        parameters = updated;
        first = newFirst;
        second = newSecond;
        const batchLoss = value.dataSync()[0];
        if (stepNumber === 1) firstLoss = batchLoss;
      }
      for (const state of [parameters, first, second]) tree.map((value: Array) => value.dispose(), state);
      return [Float32Array.of(firstLoss)];
    },
    dispose: () => step.dispose?.(),
  };
}
