import { memory, reshape, setSeed, slice, type Tensor } from '@tessera/core';
import { fashionMnist } from '@tessera/data';
import { Conv2D, Dense, Flatten, type History, MaxPool2D, Sequential } from '@tessera/layers';
import { cosineDecay, createOptimizer } from '@tessera/optimizers';

export interface TrainFashionMnistCnnOptions {
  /** Use only the first N training examples (all 60000 when omitted). */
  trainExamples?: number;
  /** Use only the first N test examples (all 10000 when omitted). */
  testExamples?: number;
  epochs?: number;
  batchSize?: number;
  /** Seeds both the weight initialisation and the per-epoch shuffling, so runs are repeatable. */
  seed?: number;
  /** The fraction of the training examples held out to report validation loss and accuracy per epoch. */
  validationSplit?: number;
  /** 0: silent; 1: progress bar (live on a terminal); 2: one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Decay Adam's learning rate from 1e-3 to 0 along a cosine over the whole run (default false: constant). */
  cosineLearningRate?: boolean;
}

export interface TrainFashionMnistCnnResult {
  testAccuracy: number;
  testLoss: number;
  history: History;
  secondsPerEpoch: number[];
  /** Live tensors at the end of each epoch: equal values mean an epoch leaves nothing behind. */
  liveTensorsAfterEpoch: number[];
  /** Live tensors after everything was disposed minus live tensors before loading; 0 means nothing leaked. */
  leakedTensors: number;
}

/** Takes the first `count` rows, disposing the full tensor so only the slice stays alive. */
function firstRows(full: Tensor, count: number | undefined): Tensor {
  if (count === undefined || count >= full.shape[0]) return full;
  const part = slice(full, [0], [count]);
  full.dispose();
  return part;
}

/** [N, 28, 28] → [N, 28, 28, 1]: Conv2D wants an explicit channel axis (NHWC). */
function withChannelAxis(images: Tensor): Tensor {
  const [count, height, width] = images.shape;
  const shaped = reshape(images, [count, height, width, 1]);
  images.dispose();
  return shaped;
}

/** The Keras-tutorial CNN: two 3×3 convolution + 2×2 max-pooling blocks, then a 128-unit hidden layer. */
export function createFashionMnistCnn(): Sequential {
  return new Sequential([
    new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    new MaxPool2D({ poolSize: 2 }),
    new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
    new MaxPool2D({ poolSize: 2 }),
    new Flatten(),
    new Dense({ units: 128, activation: 'relu' }),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
}

/**
 * Trains the CNN (Adam, sparse categorical crossentropy) on Fashion-MNIST scaled to [0, 1] and evaluates it on the
 * test set. Every tensor it creates is disposed before it returns.
 */
export async function trainFashionMnistCnn(
  options: TrainFashionMnistCnnOptions = {},
): Promise<TrainFashionMnistCnnResult> {
  const {
    trainExamples,
    testExamples,
    epochs = 3,
    batchSize = 128,
    seed = 42,
    validationSplit = 0,
    verbose = 1,
    cosineLearningRate = false,
  } = options;
  const tensorsBefore = memory().numTensors;
  setSeed(seed);
  // normalize (the default) scales the pixels to [0, 1].
  const data = await fashionMnist({ normalize: true });
  const trainImages = withChannelAxis(firstRows(data.train.images, trainExamples));
  const trainLabels = firstRows(data.train.labels, trainExamples);
  const testImages = withChannelAxis(firstRows(data.test.images, testExamples));
  const testLabels = firstRows(data.test.labels, testExamples);
  const model = createFashionMnistCnn();
  // Cosine decay from Adam's default 1e-3 to 0 over the whole run: a short run ends with small, careful steps.
  const trainCount = Math.floor(trainImages.shape[0] * (1 - validationSplit));
  const totalSteps = epochs * Math.ceil(trainCount / batchSize);
  const optimizer = createOptimizer('adam', {
    learningRate: cosineLearningRate ? cosineDecay({ initialLearningRate: 1e-3, decaySteps: totalSteps }) : 1e-3,
  });
  let result: Omit<TrainFashionMnistCnnResult, 'leakedTensors'>;
  try {
    model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const secondsPerEpoch: number[] = [];
    const liveTensorsAfterEpoch: number[] = [];
    let epochStartedAt = 0;
    const history = await model.fit(trainImages, trainLabels, {
      epochs,
      batchSize,
      seed,
      validationSplit,
      verbose,
      callbacks: [
        {
          onEpochBegin() {
            epochStartedAt = performance.now();
          },
          onEpochEnd() {
            secondsPerEpoch.push((performance.now() - epochStartedAt) / 1000);
            liveTensorsAfterEpoch.push(memory().numTensors);
          },
        },
      ],
    });
    const evaluation = await model.evaluate(testImages, testLabels, { batchSize });
    const testLoss = evaluation.loss;
    const testAccuracy = evaluation.accuracy;
    if (testLoss === undefined || testAccuracy === undefined) {
      throw new Error(`trainFashionMnistCnn: evaluate returned ${Object.keys(evaluation).join(', ')}`);
    }
    result = { testAccuracy, testLoss, history, secondsPerEpoch, liveTensorsAfterEpoch };
  } finally {
    model.dispose();
    optimizer.dispose();
    for (const part of [trainImages, trainLabels, testImages, testLabels]) part.dispose();
  }
  return { ...result, leakedTensors: memory().numTensors - tensorsBefore };
}
