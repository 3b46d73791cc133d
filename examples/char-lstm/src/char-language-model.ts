import { Dense, Embedding, LSTM, Sequential } from '@tessera/layers';
import { Adam } from '@tessera/optimizers';

export interface CharLanguageModelOptions {
  /** Ids the model reads and predicts (the vocabulary's size, padding and unknown included). */
  vocabularySize: number;
  /** Length of each character's embedding vector. Default 32. */
  embeddingSize?: number;
  /** LSTM units. Default 128. */
  units?: number;
  /** Adam's learning rate. Default 0.003 (higher than Keras's 0.001: the short runs here need to move fast). */
  learningRate?: number;
}

/**
 * Embedding → LSTM (every step's output) → Dense softmax: the probability of the next character at every position
 * of the input. Compiled with Adam and sparse categorical cross-entropy over all steps ([batch, steps] targets).
 */
export function createCharLanguageModel(options: CharLanguageModelOptions): Sequential {
  const { vocabularySize, embeddingSize = 32, units = 128, learningRate = 0.003 } = options;
  const model = new Sequential([
    new Embedding({ inputDim: vocabularySize, outputDim: embeddingSize }),
    new LSTM({ units, returnSequences: true }),
    new Dense({ units: vocabularySize, activation: 'softmax' }),
  ]);
  model.compile({ optimizer: new Adam({ learningRate }), loss: 'sparseCategoricalCrossentropy' });
  return model;
}
