import { InvalidArgumentError, type Tensor, tensor } from '@tessera/core';

/** How `textsToMatrix` fills a cell: presence, count, count / length, or Keras's tf-idf. */
export type MatrixMode = 'binary' | 'count' | 'freq' | 'tfidf';

const MODES: readonly MatrixMode[] = ['binary', 'count', 'freq', 'tfidf'];

/**
 * Keras's `sequences_to_matrix`: one row per sequence, one column per index below `width`; larger indices are
 * ignored (but still count in the sequence length for 'freq', as in Keras). tfidf is
 * `(1 + ln count) * ln(1 + documents / (1 + documentsContaining))`.
 */
export function sequencesToMatrix(
  sequences: ReadonlyArray<ArrayLike<number>>,
  width: number,
  mode: MatrixMode,
  documentCount: number,
  indexDocs: ReadonlyMap<number, number>,
): Tensor {
  if (!MODES.includes(mode)) {
    throw new InvalidArgumentError(`sequencesToMatrix: mode must be one of ${MODES.join(', ')}, got ${String(mode)}`);
  }
  if (!Array.isArray(sequences)) {
    throw new InvalidArgumentError(`sequencesToMatrix: expected an array of sequences, got ${typeof sequences}`);
  }
  const values = new Float32Array(sequences.length * width);
  sequences.forEach((sequence, row) => {
    const counts = new Map<number, number>();
    for (let position = 0; position < sequence.length; position++) {
      const index = sequence[position];
      if (!Number.isInteger(index) || index < 0) {
        throw new InvalidArgumentError(
          `sequencesToMatrix: sequence ${row} holds ${String(index)}; indices must be non-negative integers`,
        );
      }
      if (index < width) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    for (const [index, count] of counts) {
      let value: number;
      if (mode === 'count') value = count;
      else if (mode === 'freq') value = count / sequence.length;
      else if (mode === 'binary') value = 1;
      else value = (1 + Math.log(count)) * Math.log(1 + documentCount / (1 + (indexDocs.get(index) ?? 0)));
      values[row * width + index] = value;
    }
  });
  return tensor(values, [sequences.length, width], 'float32');
}
