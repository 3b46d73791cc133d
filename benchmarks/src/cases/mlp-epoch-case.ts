import * as tf from '@tensorflow/tfjs';
import { Dense, Sequential } from '@tessera/layers';
import { jaxJsMlpFitRun } from '../frameworks/jax-js-mlp-fit';
import { type FashionMnistArrays, firstExamples, pixelsPerImage } from '../inputs/fashion-mnist-layout';
import type { BenchCase } from './bench-case';
import { initialWeights, prepareTesseraFit, prepareTfjsFit, type TrainingData } from './training-runs';

const batchSize = 128;
const hiddenUnits = 128;
const classes = 10;
/** tfjs cpu takes about 70 s per epoch of this model; it trains on this many batches and the time is scaled up. */
const scaledDownBatches = 20;

function tesseraMlp(): Sequential {
  return new Sequential([
    new Dense({ units: hiddenUnits, activation: 'relu', inputShape: [pixelsPerImage] }),
    new Dense({ units: classes, activation: 'softmax' }),
  ]);
}

function tfjsMlp(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: hiddenUnits, activation: 'relu', inputShape: [pixelsPerImage] }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
}

/**
 * Issue 3's MLP benchmark: one `fit` epoch of 784 → 128 relu → 10 softmax with Adam on the whole Fashion-MNIST
 * training set, batch 128, in Tessera and in tfjs-layers from the same initial weights.
 */
export function mlpEpochCase(data: FashionMnistArrays): BenchCase {
  const weights = initialWeights(
    [[pixelsPerImage, hiddenUnits], [hiddenUnits], [hiddenUnits, classes], [classes]],
    128,
  );
  const full: TrainingData = { ...data, examples: data.count, exampleShape: [pixelsPerImage], batchSize };
  const scaledExamples = scaledDownBatches * batchSize;
  const scaled: TrainingData = { ...full, ...firstExamples(data, scaledExamples), examples: scaledExamples };
  // Per-example work is the same in every batch, so time scales with the number of examples.
  const workRatio = data.count / scaledExamples;
  return {
    name: `MLP ${pixelsPerImage}-${hiddenUnits}-${classes} fit, one epoch of ${data.count} examples, batch ${batchSize}, Adam`,
    // Issue 3 (tfjs cpu) and issue 7 (tfjs wasm `fit`, and jax-js's jitted step).
    target: { minimumSpeedupOverTfjsCpu: 5, minimumSpeedupOverTfjsWasm: 4, maximumTimeRatioToJaxJs: 0.8 },
    // A run is a whole epoch (seconds, and about 15 s on tfjs wasm): three runs per cell are enough.
    timing: { minimumRuns: 3, cellBudgetSeconds: 50 },
    prepareTessera: () => prepareTesseraFit(tesseraMlp, weights, full),
    prepareTfjs: () => prepareTfjsFit(tfjsMlp, weights, full),
    prepareJaxJs: () => jaxJsMlpFitRun(data.images, data.labels, data.count, pixelsPerImage, weights, batchSize),
    scaledDown: {
      frameworks: ['tfjs-cpu'],
      workRatio,
      description: `${scaledDownBatches} batches`,
      explanation:
        `tfjs cpu needs over a minute per epoch, so it trained on the first ${scaledDownBatches} batches ` +
        `(${scaledExamples} examples) with the same settings, its median multiplied by ${data.count} / ` +
        `${scaledExamples} = ${workRatio.toFixed(2)}; the compared value is the first batch's loss, which both sizes share.`,
      prepareTfjs: () => prepareTfjsFit(tfjsMlp, weights, scaled),
      comparableOutputs: (outputs) => outputs,
    },
  };
}
