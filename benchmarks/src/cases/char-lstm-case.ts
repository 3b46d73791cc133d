import * as tf from '@tensorflow/tfjs';
import { tensor } from '@tessera/core';
import { Dense, Embedding, LSTM, Sequential } from '@tessera/layers';
import type { PreparedRun } from '../frameworks/framework';
import { SeededValues } from '../inputs/seeded-values';
import type { BenchCase } from './bench-case';
import { initialWeights, tesseraFitRun, tfjsFitRun, type WeightValues } from './training-runs';

const vocabularySize = 64;
const embeddingSize = 32;
const units = 128;
const sequenceLength = 64;
const batchSize = 32;
const batches = 4;
/** tfjs cpu trains about 320 tokens/s, so it runs one batch (about 6 s) instead of `batches`. */
const scaledDownBatches = 1;
const tokensPerRun = batches * batchSize * sequenceLength;

/** Windows of random character ids and their next-character targets (the windows moved one id ahead). */
interface TokenWindows {
  inputs: Int32Array;
  targets: Int32Array;
  windows: number;
}

function tokenWindows(windows: number, seed: number): TokenWindows {
  const stream = new SeededValues(seed).uniform(windows * sequenceLength + 1, 0, vocabularySize);
  const ids = Int32Array.from(stream, (value) => Math.min(vocabularySize - 1, Math.floor(value)));
  const inputs = new Int32Array(windows * sequenceLength);
  const targets = new Int32Array(windows * sequenceLength);
  for (let window = 0; window < windows; window++) {
    const start = window * sequenceLength;
    inputs.set(ids.subarray(start, start + sequenceLength), start);
    targets.set(ids.subarray(start + 1, start + sequenceLength + 1), start);
  }
  return { inputs, targets, windows };
}

function tesseraLanguageModel(): Sequential {
  return new Sequential([
    new Embedding({ inputDim: vocabularySize, outputDim: embeddingSize }),
    new LSTM({ units, returnSequences: true }),
    new Dense({ units: vocabularySize, activation: 'softmax' }),
  ]);
}

function tfjsLanguageModel(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: vocabularySize, outputDim: embeddingSize, inputLength: sequenceLength }),
      tf.layers.lstm({ units, returnSequences: true }),
      tf.layers.dense({ units: vocabularySize, activation: 'softmax' }),
    ],
  });
}

/** One unshuffled `fit` epoch over the windows, returning the first batch's loss (shared initial weights). */
function prepareTessera(weights: readonly WeightValues[], data: TokenWindows): PreparedRun {
  const inputs = tensor(data.inputs, [data.windows, sequenceLength], 'int32');
  const targets = tensor(data.targets, [data.windows, sequenceLength], 'int32');
  return tesseraFitRun(tesseraLanguageModel(), inputs, targets, weights, batchSize);
}

function prepareTfjs(weights: readonly WeightValues[], data: TokenWindows): PreparedRun {
  const inputs = tf.tensor2d(data.inputs, [data.windows, sequenceLength], 'int32');
  // tfjs's sparse cross-entropy wants a trailing axis of 1 on the targets, like Keras's.
  const targets = tf.tensor3d(Float32Array.from(data.targets), [data.windows, sequenceLength, 1]);
  return tfjsFitRun(tfjsLanguageModel(), inputs, targets, weights, batchSize);
}

/**
 * Issue 4's language-model benchmark: training throughput of Embedding 64×32 → LSTM 128 (every step) → Dense 64
 * softmax, sequence length 64, batch 32, Adam, on random next-character windows, from the same initial weights in
 * every framework. The report's examples/s column counts tokens (input characters) here.
 */
export function charLstmCase(): BenchCase {
  // Keras's order: embeddings; LSTM kernel, recurrent_kernel, bias (gates i, f, c, o); Dense kernel, bias.
  const weights = initialWeights(
    [
      [vocabularySize, embeddingSize],
      [embeddingSize, 4 * units],
      [units, 4 * units],
      [4 * units],
      [units, vocabularySize],
      [vocabularySize],
    ],
    64,
  );
  const full = tokenWindows(batches * batchSize, 64);
  const scaled: TokenWindows = {
    inputs: full.inputs.slice(0, scaledDownBatches * batchSize * sequenceLength),
    targets: full.targets.slice(0, scaledDownBatches * batchSize * sequenceLength),
    windows: scaledDownBatches * batchSize,
  };
  const workRatio = batches / scaledDownBatches;
  return {
    name: `Char-LSTM (Embedding ${vocabularySize}×${embeddingSize}, LSTM ${units}, Dense ${vocabularySize}) fit, ${batches} batches of ${batchSize}×${sequenceLength} tokens, Adam (examples/s = tokens/s)`,
    examplesPerRun: tokensPerRun,
    // Issue 4 (tfjs cpu) and issue 7 (tfjs wasm with its missing kernel filled in).
    target: { minimumSpeedupOverTfjsCpu: 5, minimumSpeedupOverTfjsWasm: 2 },
    usesTfjsWasmFillIns: true,
    timing: { minimumRuns: 3, cellBudgetSeconds: 40 },
    prepareTessera: () => prepareTessera(weights, full),
    prepareTfjs: () => prepareTfjs(weights, full),
    scaledDown: {
      frameworks: ['tfjs-cpu'],
      workRatio,
      description: `${scaledDownBatches} batch`,
      explanation:
        `tfjs cpu trains this model at a few hundred tokens per second, so it ran the first ${scaledDownBatches} ` +
        `batch of ${batchSize} windows with the same settings, its median multiplied by ${workRatio}; every batch ` +
        "costs the same, and the compared value is the first batch's loss, which both sizes share.",
      prepareTfjs: () => prepareTfjs(weights, scaled),
      comparableOutputs: (outputs) => outputs,
    },
  };
}
