import { memory, setSeed, slice, type Tensor } from '@tessera/core';
import { fashionMnist } from '@tessera/data';
import { Dense, type History, type Logs, loadModel, Sequential } from '@tessera/layers';
import { reloadMatches } from './reload-matches';

export interface TrainFashionMnistMlpOptions {
  /** Use only the first N training examples (all 60000 when omitted). */
  trainExamples?: number;
  /** Use only the first N test examples (all 10000 when omitted). */
  testExamples?: number;
  epochs?: number;
  batchSize?: number;
  /** Seeds both the weight initialisation and the per-epoch shuffling, so runs are repeatable. */
  seed?: number;
  /** 0: silent; 1: progress bar (live on a terminal); 2: one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Save the trained model here (`file://./fashion-mlp`), load it back and check it predicts the same. */
  saveUrl?: string;
}

export interface TrainFashionMnistMlpResult {
  testAccuracy: number;
  testLoss: number;
  history: History;
  secondsPerEpoch: number[];
  /** With saveUrl: whether the reloaded model's test-set predictions equal the trained model's, bit for bit. */
  reloadedPredictsTheSame?: boolean;
  /** Live tensors after everything was disposed minus live tensors before loading; 0 means nothing leaked. */
  leakedTensors: number;
}

/** Takes the first `count` rows, disposing the full tensor so only the slice stays alive. */
function firstRows(full: Tensor, count: number | undefined): Tensor {
  if (count === undefined || count >= full.shape[0]) return full;
  // A size of -1 keeps the rest of each later axis, so this works for [N] labels and [N, 784] images alike.
  const part = slice(full, [0], [count]);
  full.dispose();
  return part;
}

/**
 * Trains the Keras-tutorial MLP (784 → 128 relu → 10 softmax, Adam, sparse categorical crossentropy) on
 * Fashion-MNIST and evaluates it on the test set. Every tensor it creates is disposed before it returns.
 */
export async function trainFashionMnistMlp(
  options: TrainFashionMnistMlpOptions = {},
): Promise<TrainFashionMnistMlpResult> {
  const { trainExamples, testExamples, epochs = 5, batchSize = 128, seed = 42, verbose = 1, saveUrl } = options;
  const tensorsBefore = memory().numTensors;
  setSeed(seed);
  const data = await fashionMnist({ flatten: true });
  const trainImages = firstRows(data.train.images, trainExamples);
  const trainLabels = firstRows(data.train.labels, trainExamples);
  const testImages = firstRows(data.test.images, testExamples);
  const testLabels = firstRows(data.test.labels, testExamples);
  const model = new Sequential([
    new Dense({ units: 128, activation: 'relu', inputShape: [784] }),
    new Dense({ units: 10, activation: 'softmax' }),
  ]);
  let result: Omit<TrainFashionMnistMlpResult, 'leakedTensors'>;
  try {
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const secondsPerEpoch: number[] = [];
    let epochStartedAt = 0;
    const history = await model.fit(trainImages, trainLabels, {
      epochs,
      batchSize,
      seed,
      validationSplit: 0.1,
      verbose,
      callbacks: [
        {
          onEpochBegin() {
            epochStartedAt = performance.now();
          },
          onEpochEnd(_epoch: number, _logs: Logs) {
            secondsPerEpoch.push((performance.now() - epochStartedAt) / 1000);
          },
        },
      ],
    });
    const evaluation = await model.evaluate(testImages, testLabels, { batchSize });
    const testLoss = evaluation.loss;
    const testAccuracy = evaluation.accuracy;
    if (testLoss === undefined || testAccuracy === undefined) {
      throw new Error(`trainFashionMnistMlp: evaluate returned ${Object.keys(evaluation).join(', ')}`);
    }
    result = { testAccuracy, testLoss, history, secondsPerEpoch };
    if (saveUrl !== undefined) {
      await model.save(saveUrl);
      const again = await loadModel(saveUrl);
      try {
        result.reloadedPredictsTheSame = reloadMatches(model, again, testImages);
      } finally {
        again.dispose();
      }
    }
  } finally {
    model.dispose();
    for (const part of [trainImages, trainLabels, testImages, testLabels]) part.dispose();
  }
  return { ...result, leakedTensors: memory().numTensors - tensorsBefore };
}
