import * as tf from '@tensorflow/tfjs';
import { Conv2D, Dense, Flatten, MaxPool2D, Sequential } from '@tessera/layers';
import { type FashionMnistArrays, firstExamples, imageSide } from '../inputs/fashion-mnist-layout';
import type { BenchCase } from './bench-case';
import { initialWeights, prepareTesseraFit, prepareTfjsFit, type TrainingData } from './training-runs';

const batchSize = 32;
const batches = 8;
/**
 * tfjs cpu trains this model at about one example per second (its Conv2DBackpropFilter is a plain loop), so it runs
 * a single batch of this many examples instead of `batches` full batches.
 */
const scaledDownExamples = 8;
const exampleShape = [imageSide, imageSide, 1];

function tesseraCnn(): Sequential {
  return new Sequential([
    new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: exampleShape }),
    new MaxPool2D({ poolSize: 2 }),
    new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
    new MaxPool2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 128, activation: 'relu' }),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
}

function tfjsCnn(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: exampleShape }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

/** Examples per run of the full case: what the report divides by the time to give examples per second. */
export const cnnTrainingExamples = batches * batchSize;

/**
 * Issue 3's CNN benchmark: training throughput of Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Dense 128 → Dense 10
 * with `fit` (Adam, batch 32) on the first Fashion-MNIST examples, from the same initial weights in every framework.
 */
export function cnnTrainingCase(data: FashionMnistArrays): BenchCase {
  // Kernels [3, 3, in, out] and biases, then the dense layers: 5·5·64 = 1600 features reach the first one.
  const weights = initialWeights([[3, 3, 1, 32], [32], [3, 3, 32, 64], [64], [1600, 128], [128], [128, 10], [10]], 32);
  const full: TrainingData = {
    ...firstExamples(data, cnnTrainingExamples),
    examples: cnnTrainingExamples,
    exampleShape,
    batchSize,
  };
  const scaled: TrainingData = {
    ...firstExamples(data, scaledDownExamples),
    examples: scaledDownExamples,
    exampleShape,
    batchSize: scaledDownExamples,
  };
  const workRatio = cnnTrainingExamples / scaledDownExamples;
  return {
    name: `CNN (Conv2D 32, Conv2D 64, Dense 128) fit, ${batches} batches of ${batchSize}, Adam`,
    examplesPerRun: cnnTrainingExamples,
    // Issue 3 (tfjs cpu) and issue 7 (tfjs wasm with its missing kernel filled in).
    target: { minimumSpeedupOverTfjsCpu: 20, minimumSpeedupOverTfjsWasm: 1.5 },
    usesTfjsWasmFillIns: true,
    timing: { minimumRuns: 3, cellBudgetSeconds: 30 },
    prepareTessera: () => prepareTesseraFit(tesseraCnn, weights, full),
    prepareTfjs: () => prepareTfjsFit(tfjsCnn, weights, full),
    scaledDown: {
      frameworks: ['tfjs-cpu'],
      workRatio,
      description: `1 batch of ${scaledDownExamples}`,
      explanation:
        `tfjs cpu trains this model at about one example per second, so it ran one batch of the first ` +
        `${scaledDownExamples} examples, its median multiplied by ${workRatio}. This assumes the cost per example ` +
        'is the same at batch 8 as at batch 32; where it grows with the batch, the estimate flatters tfjs cpu. The ' +
        'first-batch losses cover different batches, so there is no agreement check for this case.',
      prepareTfjs: () => prepareTfjsFit(tfjsCnn, weights, scaled),
      // The first batch of the smaller case is not the first batch of the full case: nothing to compare.
      comparableOutputs: () => [],
    },
  };
}
