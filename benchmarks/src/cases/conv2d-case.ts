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
/**
 * tfjs-cpu's backward convolution kernels are plain nested loops: the full batch takes minutes per run there. It runs
 * the first samples of the same inputs instead; every kernel here costs the same per sample, so time scales linearly.
 */
const scaledDownBatch = 4;

const inputSampleSize = height * width * inputChannels;
// 'same' padding with stride 1 keeps the spatial size.
const outputSampleSize = height * width * outputChannels;
const filterShape: [number, number, number, number] = [kernelSize, kernelSize, inputChannels, outputChannels];

/** The inputs of the full case; a smaller batch uses their first samples. */
interface ConvolutionData {
  input: Float32Array;
  filter: Float32Array;
  upstream: Float32Array;
}

/**
 * A convolution layer's training cost: the forward pass plus the gradients with respect to the input and the filter,
 * for a fixed upstream gradient. The upstream gradient is passed straight to the gradient function (rather than
 * differentiating sum(conv2d(x, f) * weights)) so that only the convolution and its two backward kernels are timed.
 */
export function conv2dCase(): BenchCase {
  const random = new SeededValues(2024);
  const data: ConvolutionData = {
    input: random.normal(batch * inputSampleSize),
    filter: random.normal(
      filterShape.reduce((product, length) => product * length, 1),
      0.1,
    ),
    upstream: random.normal(batch * outputSampleSize),
  };
  const multiplyAddsPerConvolution = batch * outputSampleSize * kernelSize * kernelSize * inputChannels;
  return {
    usesTfjsWasmFillIns: true,
    name: `conv2d ${batch}×${height}×${width}×${inputChannels} ⊛ ${filterShape.join('×')}, forward + backward`,
    // Forward, input gradient and filter gradient each cost one convolution's multiply-adds (ignoring the zero border).
    floatingPointOperations: 3 * 2 * multiplyAddsPerConvolution,
    timing: { minimumRuns: 3, cellBudgetSeconds: 45 },
    prepareTessera: () => prepareTessera(data, batch),
    prepareTfjs: () => prepareTfjs(data, batch),
    scaledDown: {
      frameworks: ['tfjs-cpu'],
      workRatio: batch / scaledDownBatch,
      description: `batch ${scaledDownBatch}`,
      explanation:
        `tfjs cpu needs minutes per run at batch ${batch}, so it ran the first ${scaledDownBatch} samples of the same ` +
        `inputs, its median multiplied by ${batch / scaledDownBatch} (every sample costs the same); only the output ` +
        'and input gradient of those samples are compared, since the filter gradient sums over the whole batch.',
      prepareTfjs: () => prepareTfjs(data, scaledDownBatch),
      // The output and the input gradient of the first samples do not depend on the other samples; the filter
      // gradient sums over the whole batch, so it has no counterpart in the smaller case.
      comparableOutputs: ([value, inputGradient]) => [
        value.subarray(0, scaledDownBatch * outputSampleSize),
        inputGradient.subarray(0, scaledDownBatch * inputSampleSize),
      ],
    },
  };
}

function shapes(batchSize: number) {
  return {
    input: [batchSize, height, width, inputChannels] as [number, number, number, number],
    output: [batchSize, height, width, outputChannels] as [number, number, number, number],
  };
}

function prepareTessera(data: ConvolutionData, batchSize: number): PreparedRun {
  const shape = shapes(batchSize);
  const input = tensor(data.input.slice(0, batchSize * inputSampleSize), shape.input);
  const filter = tensor(data.filter.slice(), filterShape);
  const upstream = tensor(data.upstream.slice(0, batchSize * outputSampleSize), shape.output);
  const forwardAndGradients = valueAndGrads((x: Tensor, f: Tensor) => conv2d(x, f, { strides: 1, padding: 'same' }));
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
}

function prepareTfjs(data: ConvolutionData, batchSize: number): PreparedRun {
  const shape = shapes(batchSize);
  const input = tf.tensor4d(data.input.slice(0, batchSize * inputSampleSize), shape.input);
  const filter = tf.tensor4d(data.filter.slice(), filterShape);
  const upstream = tf.tensor4d(data.upstream.slice(0, batchSize * outputSampleSize), shape.output);
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
}
