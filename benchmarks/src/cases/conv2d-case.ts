import * as tf from '@tensorflow/tfjs';
import { conv2d, type Tensor, tensor, valueAndGrads } from '@tessera/core';
import type { PreparedRun } from '../frameworks/framework';
import { SeededValues } from '../inputs/seeded-values';
import type { BenchCase } from './bench-case';

const batch = 64;
const height = 28;
const width = 28;
const inputChannels = 32;
const outputChannels = 64;
const kernelSize = 3;

const inputShape: [number, number, number, number] = [batch, height, width, inputChannels];
const filterShape: [number, number, number, number] = [kernelSize, kernelSize, inputChannels, outputChannels];
// 'same' padding with stride 1 keeps the spatial size.
const outputShape: [number, number, number, number] = [batch, height, width, outputChannels];

/**
 * A convolution layer's training cost: the forward pass plus the gradients with respect to the input and the filter,
 * for a fixed upstream gradient. The upstream gradient is passed straight to the gradient function (rather than
 * differentiating sum(conv2d(x, f) * weights)) so that only the convolution and its two backward kernels are timed.
 */
export function conv2dCase(): BenchCase {
  const random = new SeededValues(2024);
  const inputValues = random.normal(inputShape.reduce((product, length) => product * length, 1));
  const filterValues = random.normal(
    filterShape.reduce((product, length) => product * length, 1),
    0.1,
  );
  const upstreamValues = random.normal(outputShape.reduce((product, length) => product * length, 1));
  const multiplyAddsPerConvolution = batch * height * width * outputChannels * kernelSize * kernelSize * inputChannels;
  return {
    name: `conv2d ${batch}×${height}×${width}×${inputChannels} ⊛ ${kernelSize}×${kernelSize}×${inputChannels}×${outputChannels}, forward + backward`,
    // Forward, input gradient and filter gradient each cost one convolution's multiply-adds (ignoring the zero border).
    floatingPointOperations: 3 * 2 * multiplyAddsPerConvolution,
    // tfjs-cpu takes several seconds per run here: one warm-up and a couple of timed runs are all the budget allows.
    timing: { minimumRuns: 3, cellBudgetSeconds: 60 },
    prepareTessera(): PreparedRun {
      const input = tensor(inputValues.slice(), inputShape);
      const filter = tensor(filterValues.slice(), filterShape);
      const upstream = tensor(upstreamValues.slice(), outputShape);
      const forwardAndGradients = valueAndGrads((x: Tensor, f: Tensor) =>
        conv2d(x, f, { strides: 1, padding: 'same' }),
      );
      return {
        runOnce: () => {
          // valueAndGrads already freed the intermediates; the results are read back, then freed.
          const { value, grads } = forwardAndGradients([input, filter], upstream);
          const results = [value, ...grads];
          const values = results.map((result) => result.dataSync() as Float32Array);
          for (const result of results) result.dispose();
          return values;
        },
        dispose: () => {
          input.dispose();
          filter.dispose();
          upstream.dispose();
        },
      };
    },
    prepareTfjs(): PreparedRun {
      const input = tf.tensor4d(inputValues.slice(), inputShape);
      const filter = tf.tensor4d(filterValues.slice(), filterShape);
      const upstream = tf.tensor4d(upstreamValues.slice(), outputShape);
      const forwardAndGradients = tf.valueAndGrads((x: tf.Tensor, f: tf.Tensor) =>
        tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'),
      );
      return {
        runOnce: () => {
          // Read outside tf.tidy: tidy walks a returned typed array element by element, which for millions of
          // values would add seconds of bookkeeping to tfjs's time.
          const { value, grads } = forwardAndGradients([input, filter], upstream);
          const results = [value, ...grads];
          const values = results.map((result) => result.dataSync() as Float32Array);
          tf.dispose(results);
          return values;
        },
        dispose: () => tf.dispose([input, filter, upstream]),
      };
    },
  };
}
