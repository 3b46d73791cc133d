import * as tf from '@tensorflow/tfjs';
import { type Tensor, tensor } from '@tessera/core';
import type { Sequential } from '@tessera/layers';
import { createOptimizer } from '@tessera/optimizers';
import type { PreparedRun } from '../frameworks/framework';
import { SeededValues } from '../inputs/seeded-values';

/** One weight of the model, in Keras's creation order (kernel, then bias, layer by layer). */
export interface WeightValues {
  shape: number[];
  values: Float32Array;
}

/**
 * Glorot-uniform kernels and zero biases, as both frameworks would initialise them, but drawn here from one seed so
 * that Tessera and tfjs start from identical weights and their first losses can be compared.
 */
export function initialWeights(shapes: readonly number[][], seed: number): WeightValues[] {
  const random = new SeededValues(seed);
  return shapes.map((shape) => {
    const count = shape.reduce((product, length) => product * length, 1);
    if (shape.length === 1) return { shape, values: new Float32Array(count) };
    // Kernels are [...receptiveField, inputs, outputs] in both frameworks (dense: [inputs, outputs]).
    const outputs = shape[shape.length - 1];
    const inputs = shape[shape.length - 2];
    const receptiveField = count / (inputs * outputs);
    const limit = Math.sqrt(6 / (receptiveField * (inputs + outputs)));
    return { shape, values: random.uniform(count, -limit, limit) };
  });
}

/** What one timed run trains on: `examples` images of `imageShape` with their class labels. */
export interface TrainingData {
  images: Float32Array;
  labels: Float32Array;
  examples: number;
  /** The shape of one example: [784] for the MLP, [28, 28, 1] for the CNN. */
  exampleShape: number[];
  batchSize: number;
}

/**
 * Each run is one `fit` epoch over the data with Adam and sparse categorical cross-entropy, no metrics, silent and
 * unshuffled (shuffling orders could not be matched across frameworks). The run returns the loss of its first batch:
 * on the first run, computed from the shared initial weights on the same examples, it must agree across frameworks.
 * The run owns `model`, `inputs` and `targets` and frees them in `dispose`.
 */
export function tesseraFitRun(
  model: Sequential,
  inputs: Tensor,
  targets: Tensor,
  weights: readonly WeightValues[],
  batchSize: number,
): PreparedRun {
  // The optimizer is made here rather than by name so that dispose() frees Adam's moment slots too.
  const optimizer = createOptimizer('adam');
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy' });
  model.build([null, ...inputs.shape.slice(1)]);
  const initial = weights.map(({ shape, values }) => tensor(values.slice(), shape));
  model.setWeights(initial);
  for (const weight of initial) weight.dispose();
  return {
    runOnce: async () => {
      let firstLoss = Number.NaN;
      await model.fit(inputs, targets, {
        epochs: 1,
        batchSize,
        shuffle: false,
        verbose: 0,
        callbacks: [
          {
            onBatchEnd: (batch, logs) => {
              if (batch === 0) firstLoss = logs.loss ?? Number.NaN;
            },
          },
        ],
      });
      return [Float32Array.of(firstLoss)];
    },
    dispose: () => {
      model.dispose();
      optimizer.dispose();
      inputs.dispose();
      targets.dispose();
    },
  };
}

/** The same run with tfjs-layers on the same architecture; the run owns `model`, `inputs` and `targets`. */
export function tfjsFitRun(
  model: tf.Sequential,
  inputs: tf.Tensor,
  targets: tf.Tensor,
  weights: readonly WeightValues[],
  batchSize: number,
): PreparedRun {
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  const initial = weights.map(({ shape, values }) => tf.tensor(values.slice(), shape));
  model.setWeights(initial);
  tf.dispose(initial);
  return {
    runOnce: async () => {
      let firstLoss = Number.NaN;
      await model.fit(inputs, targets, {
        epochs: 1,
        batchSize,
        shuffle: false,
        verbose: 0,
        callbacks: {
          onBatchEnd: async (batch, logs) => {
            if (batch === 0) firstLoss = logs?.loss ?? Number.NaN;
          },
        },
      });
      return [Float32Array.of(firstLoss)];
    },
    // A model compiled with an optimizer name owns it, so model.dispose() frees Adam's slots as well.
    dispose: () => {
      model.dispose();
      tf.dispose([inputs, targets]);
    },
  };
}

/** `tesseraFitRun` on image classification data. */
export function prepareTesseraFit(
  createModel: () => Sequential,
  weights: readonly WeightValues[],
  data: TrainingData,
): PreparedRun {
  const images = tensor(data.images, [data.examples, ...data.exampleShape]);
  const labels = tensor(data.labels, [data.examples]);
  return tesseraFitRun(createModel(), images, labels, weights, data.batchSize);
}

/** `tfjsFitRun` on image classification data: `createModel` builds the same architecture with `tf.layers`. */
export function prepareTfjsFit(
  createModel: () => tf.Sequential,
  weights: readonly WeightValues[],
  data: TrainingData,
): PreparedRun {
  const images = tf.tensor(data.images, [data.examples, ...data.exampleShape]);
  // tfjs's sparse cross-entropy wants the labels with a trailing axis of 1, like Keras's.
  const labels = tf.tensor2d(data.labels, [data.examples, 1]);
  return tfjsFitRun(createModel(), images, labels, weights, data.batchSize);
}
