import { memory, setSeed } from '@tessera/core';
import { CharacterVocabulary } from '@tessera/data';
import { type LayersModel, loadModel } from '@tessera/layers';
import { createCharLanguageModel } from './char-language-model';
import { readLicenseCorpus } from './license-corpus';
import { sampleText } from './sample-text';
import { type EpochResult, trainEpoch } from './train-epoch';

export interface TrainCharLstmOptions {
  /** Train on the first N characters of the corpus only (all of it when omitted). */
  maxCharacters?: number;
  /** Epochs before saving; one more follows to show that training resumes. */
  epochs?: number;
  /** Batches per epoch at most (the whole text when omitted). */
  stepsPerEpoch?: number;
  /** Batches of the epoch after saving (default stepsPerEpoch); it is trained twice, resumed and uninterrupted. */
  resumeSteps?: number;
  sequenceLength?: number;
  batchSize?: number;
  embeddingSize?: number;
  learningRate?: number;
  /** Seeds the weights, the window order and the sampling. */
  seed?: number;
  /** The prompt of the samples. */
  seedText?: string;
  sampleLength?: number;
  temperatures?: number[];
  /** Where to save the model with its optimizer state (`file://...`). */
  saveUrl: string;
  /** Progress lines go here (nothing is printed when omitted). */
  log?: (line: string) => void;
}

export interface TrainCharLstmResult {
  vocabularySize: number;
  corpusCharacters: number;
  /** One entry per epoch before saving. */
  epochs: EpochResult[];
  /** The mean loss of each of those epochs. */
  epochLosses: number[];
  samples: { temperature: number; text: string }[];
  /** The epoch after saving, trained by the reloaded model... */
  resumedEpoch: EpochResult;
  /** ...and by the original model, never interrupted, on the same batches. */
  uninterruptedEpoch: EpochResult;
  /** Whether the two gave bit-identical losses at every step. */
  resumeMatches: boolean;
  /** Input characters per second over the training epochs before saving. */
  tokensPerSecond: number;
  /** Live tensors after everything was disposed minus before starting; 0 means nothing leaked. */
  leakedTensors: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** A model's compiled optimizer is not owned by it (it was passed as an object), so it is freed here too. */
function disposeWithOptimizer(model: LayersModel): void {
  const optimizer = model.isCompiled ? model.optimizer : undefined;
  model.dispose();
  optimizer?.dispose?.();
}

/**
 * Trains the character-level language model on Debian's license texts, samples text at each temperature, saves
 * the model with its optimizer state, reloads it, and trains one more epoch both on the reloaded model and on the
 * original one: resuming must give exactly the losses of the uninterrupted run.
 */
export async function trainCharLstm(options: TrainCharLstmOptions): Promise<TrainCharLstmResult> {
  const tensorsBefore = memory().numTensors;
  const result = await trainAndResume(options);
  return { ...result, leakedTensors: memory().numTensors - tensorsBefore };
}

async function trainAndResume(options: TrainCharLstmOptions): Promise<Omit<TrainCharLstmResult, 'leakedTensors'>> {
  const { epochs = 2, sequenceLength = 64, batchSize = 32, seed = 7, saveUrl, log = () => {} } = options;
  const { seedText = 'This License ', sampleLength = 200, temperatures = [0.5, 1.0] } = options;
  const text = readLicenseCorpus(undefined, options.maxCharacters);
  const vocabulary = CharacterVocabulary.fromText(text);
  const ids = Int32Array.from(vocabulary.encode(text));
  log(`Corpus: ${text.length} characters, vocabulary of ${vocabulary.size} ids (padding and unknown included)`);
  setSeed(seed);
  const model = createCharLanguageModel({
    vocabularySize: vocabulary.size,
    embeddingSize: options.embeddingSize,
    learningRate: options.learningRate,
  });
  let reloaded: LayersModel | undefined;
  try {
    const epochOptions = { sequenceLength, batchSize, seed, maxSteps: options.stepsPerEpoch };
    const epochResults: EpochResult[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      const result = await trainEpoch(model, ids, { ...epochOptions, epoch });
      epochResults.push(result);
      log(
        `Epoch ${epoch + 1}/${epochs}: loss ${mean(result.stepLosses).toFixed(4)} (last batch ${result.stepLosses.at(-1)?.toFixed(4)}) - ` +
          `${result.stepLosses.length} steps in ${result.seconds.toFixed(1)}s - ${(result.tokens / result.seconds).toFixed(0)} tokens/s`,
      );
    }
    const samples = temperatures.map((temperature, index) => ({
      temperature,
      text: sampleText(model, vocabulary, { seedText, length: sampleLength, temperature, seed: seed + index }),
    }));
    for (const sample of samples) log(`Sample at temperature ${sample.temperature}:\n${seedText}${sample.text}\n`);

    await model.save(saveUrl, { includeOptimizer: true });
    reloaded = await loadModel(saveUrl);
    const continued = { ...epochOptions, epoch: epochs, maxSteps: options.resumeSteps ?? options.stepsPerEpoch };
    const resumedEpoch = await trainEpoch(reloaded, ids, continued);
    const uninterruptedEpoch = await trainEpoch(model, ids, continued);
    const resumeMatches =
      resumedEpoch.stepLosses.length === uninterruptedEpoch.stepLosses.length &&
      resumedEpoch.stepLosses.every((loss, step) => Object.is(loss, uninterruptedEpoch.stepLosses[step]));
    log(
      `Saved to ${saveUrl}, reloaded, trained epoch ${epochs + 1}: loss ${mean(resumedEpoch.stepLosses).toFixed(4)} ` +
        `(first batch ${resumedEpoch.stepLosses[0]?.toFixed(4)}); uninterrupted run: ${mean(uninterruptedEpoch.stepLosses).toFixed(4)} - ` +
        `identical at every step: ${resumeMatches ? 'yes' : 'NO'}`,
    );
    const trainedTokens = epochResults.reduce((sum, result) => sum + result.tokens, 0);
    const trainedSeconds = epochResults.reduce((sum, result) => sum + result.seconds, 0);
    return {
      vocabularySize: vocabulary.size,
      corpusCharacters: text.length,
      epochs: epochResults,
      epochLosses: epochResults.map((result) => mean(result.stepLosses)),
      samples,
      resumedEpoch,
      uninterruptedEpoch,
      resumeMatches,
      tokensPerSecond: trainedTokens / trainedSeconds,
    };
  } finally {
    disposeWithOptimizer(model);
    if (reloaded !== undefined) disposeWithOptimizer(reloaded);
  }
}
