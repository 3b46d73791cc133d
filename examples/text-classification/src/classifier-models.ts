import { Bidirectional, Dense, Dropout, Embedding, LSTM, Sequential } from '@tessera/layers';

export interface SequenceClassifierOptions {
  /** Token indices run from 0 (padding) to vocabularySize - 1. */
  vocabularySize: number;
  sequenceLength: number;
  classCount: number;
  embeddingDim: number;
  /** Units of each direction's LSTM; the two final states are concatenated. */
  lstmUnits: number;
  /** Dropout on the embedded tokens: with ~2,300 short training lines the model otherwise memorises them. */
  dropout: number;
}

/**
 * Embedding (index 0 masked, so padding is skipped) → Dropout → Bidirectional(LSTM) whose last states, forwards and backwards,
 * summarise the line → Dense softmax over the classes.
 */
export function sequenceClassifier(options: SequenceClassifierOptions): Sequential {
  return new Sequential([
    new Embedding({
      inputDim: options.vocabularySize,
      outputDim: options.embeddingDim,
      maskZero: true,
      inputShape: [options.sequenceLength],
    }),
    new Dropout({ rate: options.dropout }),
    new Bidirectional({ layer: new LSTM({ units: options.lstmUnits }) }),
    new Dense({ units: options.classCount, activation: 'softmax' }),
  ]);
}

/** The bag-of-words baseline: multinomial logistic regression on a [examples, vocabulary] tf-idf matrix. */
export function bagOfWordsClassifier(vocabularySize: number, classCount: number): Sequential {
  return new Sequential([new Dense({ units: classCount, activation: 'softmax', inputShape: [vocabularySize] })]);
}
