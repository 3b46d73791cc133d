import { memory, setSeed, type Tensor, tensor } from '@tessera/core';
import { padSequences, Tokenizer } from '@tessera/data';
import type { Sequential } from '@tessera/layers';
import { adam } from '@tessera/optimizers';
import { bagOfWordsClassifier, sequenceClassifier } from './classifier-models';
import { loadManPageCorpus, MAN_DIRECTORY, type ManPageExample, SECTIONS } from './man-page-corpus';
import { splitByHash } from './split-by-hash';

export interface TrainTextClassifierOptions {
  /** Where the man pages are (default /usr/share/man). */
  directory?: string;
  /** Keep only the examples whose hash falls in this fraction (1 = all); the CI test trains on less. */
  fraction?: number;
  /** Share of examples (by hash of their description) held out for testing, in percent. */
  testPercent?: number;
  /** Vocabulary kept by the Tokenizer, padding index 0 and the out-of-vocabulary index 1 included. */
  numWords?: number;
  /** Lines are cut or padded to this many tokens (the 99th percentile of NAME lines is about 23 words). */
  sequenceLength?: number;
  embeddingDim?: number;
  lstmUnits?: number;
  dropout?: number;
  epochs?: number;
  /** The baseline converges more slowly per epoch (one small step per batch on sparse inputs), so it gets more. */
  baselineEpochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
  verbose?: 0 | 1 | 2;
}

export interface TrainTextClassifierResult {
  /** Examples per section name, for each split. */
  trainCounts: Record<string, number>;
  testCounts: Record<string, number>;
  /** Test accuracy of always answering the most frequent training class. */
  majorityAccuracy: number;
  modelAccuracy: number;
  bagOfWordsAccuracy: number;
  modelSeconds: number;
  bagOfWordsSeconds: number;
  vocabularySize: number;
  /** Live tensors after everything was disposed minus live tensors before; 0 means nothing leaked. */
  leakedTensors: number;
}

function countBySection(examples: readonly ManPageExample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { section, name } of SECTIONS) counts[`${section} (${name})`] = 0;
  for (const example of examples) {
    const { section, name } = SECTIONS[example.label];
    counts[`${section} (${name})`]++;
  }
  return counts;
}

function labelTensor(examples: readonly ManPageExample[]): Tensor {
  return tensor(
    examples.map((example) => example.label),
    [examples.length],
    'int32',
  );
}

/** Accuracy of always predicting the most frequent class of `train` on `test`. */
function majorityAccuracyOf(train: readonly ManPageExample[], test: readonly ManPageExample[]): number {
  const counts = SECTIONS.map(() => 0);
  for (const example of train) counts[example.label]++;
  const majority = counts.indexOf(Math.max(...counts));
  return test.filter((example) => example.label === majority).length / test.length;
}

interface FitAndScoreOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  verbose: 0 | 1 | 2;
}

/** Trains `model` with Adam and returns its test accuracy and the seconds spent; disposes the model. */
async function fitAndScore(
  model: Sequential,
  [trainInputs, trainLabels, testInputs, testLabels]: readonly [Tensor, Tensor, Tensor, Tensor],
  options: FitAndScoreOptions,
): Promise<{ accuracy: number; seconds: number }> {
  const startedAt = performance.now();
  // A model does not own an optimizer object passed to compile (it could be shared), so its slots are freed here.
  const optimizer = adam({ learningRate: options.learningRate });
  try {
    model.compile({
      optimizer,
      loss: 'sparseCategoricalCrossentropy',
      metrics: ['accuracy'],
    });
    await model.fit(trainInputs, trainLabels, {
      epochs: options.epochs,
      batchSize: options.batchSize,
      seed: options.seed,
      verbose: options.verbose,
    });
    const evaluation = await model.evaluate(testInputs, testLabels, { batchSize: 256 });
    if (evaluation.accuracy === undefined) throw new Error('trainTextClassifier: evaluate returned no accuracy');
    return { accuracy: evaluation.accuracy, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

/**
 * Which manual section (1 commands, 2 system calls, 3 library functions, 5 file formats, 7 overviews, 8 admin
 * commands) a man page's NAME line comes from: an Embedding → Bidirectional(LSTM) → softmax model against a tf-idf
 * logistic regression and the majority class, on a split by hash of the description. Disposes every tensor it makes.
 */
export async function trainTextClassifier(
  options: TrainTextClassifierOptions = {},
): Promise<TrainTextClassifierResult> {
  const {
    directory = MAN_DIRECTORY,
    fraction = 1,
    testPercent = 20,
    numWords = 4000,
    sequenceLength = 20,
    embeddingDim = 32,
    lstmUnits = 32,
    dropout = 0.4,
    epochs = 6,
    baselineEpochs = 10,
    batchSize = 32,
    learningRate = 0.005,
    seed = 42,
    verbose = 0,
  } = options;
  const tensorsBefore = memory().numTensors;
  setSeed(seed);
  const corpus = loadManPageCorpus(directory);
  // A second, disjoint slice of the same hash decides the subset, so a smaller run keeps the same class balance.
  const kept =
    fraction >= 1 ? corpus.examples : splitByHash(corpus.examples, (e) => `subset:${e.groupKey}`, fraction * 100).test;
  const { train, test } = splitByHash(kept, (example) => example.groupKey, testPercent);
  if (train.length === 0 || test.length === 0) {
    throw new Error(`trainTextClassifier: found ${kept.length} man pages under ${directory}; too few to split`);
  }

  const tokenizer = new Tokenizer({ numWords, oovToken: '<oov>' });
  tokenizer.fitOnTexts(train.map((example) => example.text));
  const vocabularySize = Math.min(numWords, tokenizer.wordIndex.size + 1);
  const trainTexts = train.map((example) => example.text);
  const testTexts = test.map((example) => example.text);
  const padding = { maxLen: sequenceLength, padding: 'pre', truncating: 'post' } as const;
  const classCount = SECTIONS.length;

  const trainLabels = labelTensor(train);
  const testLabels = labelTensor(test);
  const trainSequences = padSequences(tokenizer.textsToSequences(trainTexts), padding);
  const testSequences = padSequences(tokenizer.textsToSequences(testTexts), padding);
  const trainMatrix = tokenizer.textsToMatrix(trainTexts, 'tfidf');
  const testMatrix = tokenizer.textsToMatrix(testTexts, 'tfidf');
  const fitOptions = { batchSize, learningRate, seed, verbose };
  let result: Omit<TrainTextClassifierResult, 'leakedTensors'>;
  try {
    const sequenceResult = await fitAndScore(
      sequenceClassifier({ vocabularySize, sequenceLength, classCount, embeddingDim, lstmUnits, dropout }),
      [trainSequences, trainLabels, testSequences, testLabels],
      { ...fitOptions, epochs },
    );
    const bagOfWordsResult = await fitAndScore(
      bagOfWordsClassifier(trainMatrix.shape[1], classCount),
      [trainMatrix, trainLabels, testMatrix, testLabels],
      { ...fitOptions, epochs: baselineEpochs },
    );
    result = {
      trainCounts: countBySection(train),
      testCounts: countBySection(test),
      majorityAccuracy: majorityAccuracyOf(train, test),
      modelAccuracy: sequenceResult.accuracy,
      bagOfWordsAccuracy: bagOfWordsResult.accuracy,
      modelSeconds: sequenceResult.seconds,
      bagOfWordsSeconds: bagOfWordsResult.seconds,
      vocabularySize,
    };
  } finally {
    for (const part of [trainLabels, testLabels, trainSequences, testSequences, trainMatrix, testMatrix])
      part.dispose();
  }
  return { ...result, leakedTensors: memory().numTensors - tensorsBefore };
}
