import { getBackend, memory, setBackend, setSeed, slice, type Tensor, tensor } from '@tessera/core';
import { fashionMnist } from '@tessera/data';
import { Dense, type History, type Logs, loadModel, Sequential } from '@tessera/layers';
import { reloadMatches } from './reload-matches';
import { type BackendChoice, largestWebGpuBinding, selectBackend } from './select-backend';

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
  /**
   * Train on this backend ('cpu' when omitted); the previously current backend is selected again afterwards.
   * 'webgpu' runs on Dawn in Node (see select-backend.ts) and rejects with WebGpuUnavailableError without an adapter.
   */
  backend?: BackendChoice;
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

/** The four tensors the run uses, on the training backend. */
interface FashionMnistSubsets {
  trainImages: Tensor;
  trainLabels: Tensor;
  testImages: Tensor;
  testLabels: Tensor;
}

/** Decodes Fashion-MNIST on the current backend and keeps the first rows asked for. */
async function loadSubsets(
  trainExamples: number | undefined,
  testExamples: number | undefined,
): Promise<FashionMnistSubsets> {
  const data = await fashionMnist({ flatten: true });
  return {
    trainImages: firstRows(data.train.images, trainExamples),
    trainLabels: firstRows(data.train.labels, trainExamples),
    testImages: firstRows(data.test.images, testExamples),
    testLabels: firstRows(data.test.labels, testExamples),
  };
}

/** Copies each tensor to the current backend through the host (awaited reads), disposing the originals. */
async function moveToCurrentBackend(subsets: FashionMnistSubsets): Promise<FashionMnistSubsets> {
  const moved: Partial<Record<keyof FashionMnistSubsets, Tensor>> = {};
  for (const [key, original] of Object.entries(subsets) as [keyof FashionMnistSubsets, Tensor][]) {
    moved[key] = tensor(await original.data(), original.shape, original.dtype);
    original.dispose();
  }
  return moved as FashionMnistSubsets;
}

/**
 * Trains the Keras-tutorial MLP (784 → 128 relu → 10 softmax, Adam, sparse categorical crossentropy) on
 * Fashion-MNIST and evaluates it on the test set. Every tensor it creates is disposed before it returns.
 */
export async function trainFashionMnistMlp(
  options: TrainFashionMnistMlpOptions = {},
): Promise<TrainFashionMnistMlpResult> {
  const { backend = 'cpu', trainExamples, testExamples } = options;
  const previousBackend = getBackend();
  const tensorsBefore = memory().numTensors;
  let result: Omit<TrainFashionMnistMlpResult, 'leakedTensors'>;
  try {
    // The files are decoded on the CPU and only the rows used go to another backend: WebGPU cannot bind the full
    // 60000-image tensor (180 MiB) under its 128 MiB storage-binding limit, not even to slice it.
    await setBackend('cpu');
    let subsets: FashionMnistSubsets = await loadSubsets(trainExamples, testExamples);
    if (backend !== 'cpu') {
      try {
        await selectBackend(backend);
      } catch (error) {
        for (const part of Object.values(subsets)) part.dispose();
        throw error;
      }
      const imageBytes = subsets.trainImages.size * 4;
      if (backend === 'webgpu' && imageBytes > largestWebGpuBinding()) {
        for (const part of Object.values(subsets)) part.dispose();
        const largestRows = Math.floor(largestWebGpuBinding() / (4 * 784));
        throw new Error(
          `trainFashionMnistMlp: the training images take ${imageBytes} bytes, more than this WebGPU device can bind ` +
            `in one buffer (${largestWebGpuBinding()}), and fit batches from one tensor; pass trainExamples <= ${largestRows}`,
        );
      }
      subsets = await moveToCurrentBackend(subsets);
    }
    result = await trainOnCurrentBackend(subsets, options);
  } finally {
    await setBackend(previousBackend);
  }
  return { ...result, leakedTensors: memory().numTensors - tensorsBefore };
}

/** Builds, trains, evaluates (and optionally saves and reloads) the model; disposes `subsets` and the model. */
async function trainOnCurrentBackend(
  subsets: FashionMnistSubsets,
  options: TrainFashionMnistMlpOptions,
): Promise<Omit<TrainFashionMnistMlpResult, 'leakedTensors'>> {
  const { epochs = 5, batchSize = 128, seed = 42, verbose = 1, saveUrl } = options;
  const { trainImages, trainLabels, testImages, testLabels } = subsets;
  setSeed(seed);
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
        result.reloadedPredictsTheSame = await reloadMatches(model, again, testImages);
      } finally {
        again.dispose();
      }
    }
  } finally {
    model.dispose();
    for (const part of [trainImages, trainLabels, testImages, testLabels]) part.dispose();
  }
  return result;
}
