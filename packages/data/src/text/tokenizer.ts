import { InvalidArgumentError, type Tensor } from '@tessera/core';
import {
  describeJson,
  parseJsonObject,
  readBoolean,
  readCount,
  readOptionalString,
  readString,
  readStringCountPairs,
  requireClassName,
} from './json-checks';
import { type MatrixMode, sequencesToMatrix } from './sequences-to-matrix';
import { DEFAULT_FILTERS, textToWordSequence } from './text-to-word-sequence';

export interface TokenizerOptions {
  /** Keep only words whose index is below `numWords` when converting (the `numWords - 1` most frequent). */
  numWords?: number | null;
  /** Characters stripped from the text (replaced by `split`). Ignored when `charLevel`. */
  filters?: string;
  lower?: boolean;
  split?: string;
  /** Every character is a token (no filtering, no splitting). */
  charLevel?: boolean;
  /** Stands for words outside the vocabulary; gets index 1. Without it such words are dropped. */
  oovToken?: string | null;
}

/** A text: a string, or an already split list of tokens (as Keras accepts). */
export type TokenizerText = string | readonly string[];

/** The saved form of a `Tokenizer` (see `toJSON`). */
export interface TokenizerJson {
  className: 'Tokenizer';
  numWords: number | null;
  filters: string;
  lower: boolean;
  split: string;
  charLevel: boolean;
  oovToken: string | null;
  documentCount: number;
  /** `[word, count]` in first-appearance order, which decides ties in the index. */
  wordCounts: Array<[string, number]>;
  /** `[word, number of texts containing it]`, same words as `wordCounts`. */
  wordDocs: Array<[string, number]>;
}

const READER = 'Tokenizer.fromJSON';

/**
 * Keras's `Tokenizer` (keras.preprocessing.text): indexes words by descending frequency, ties broken by first
 * appearance, index 0 reserved for padding and index 1 for `oovToken` when given.
 *
 * One deliberate difference: when the texts themselves contain `oovToken`, Keras gives it a second, later index (its
 * dict keeps the last one) and leaves index 1 with no word; here `oovToken` keeps index 1 and counts stay shared.
 */
export class Tokenizer {
  readonly numWords: number | null;
  readonly filters: string;
  readonly lower: boolean;
  readonly split: string;
  readonly charLevel: boolean;
  readonly oovToken: string | null;
  /** How often each word occurred, in first-appearance order. */
  readonly wordCounts = new Map<string, number>();
  /** In how many texts each word occurred. */
  readonly wordDocs = new Map<string, number>();
  readonly wordIndex = new Map<string, number>();
  readonly indexWord = new Map<number, string>();
  /** Number of texts containing the word with each index (for `tfidf`). */
  readonly indexDocs = new Map<number, number>();
  documentCount = 0;

  constructor(options: TokenizerOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError(`Tokenizer: options must be an object, got ${describeJson(options)}`);
    }
    const numWords = options.numWords ?? null;
    if (numWords !== null && (!Number.isInteger(numWords) || numWords < 0)) {
      throw new InvalidArgumentError(`Tokenizer: numWords must be a non-negative integer, got ${String(numWords)}`);
    }
    // Keras treats numWords 0 like None ("if num_words:"), so no limit.
    this.numWords = numWords === 0 ? null : numWords;
    this.filters = checkString(options.filters ?? DEFAULT_FILTERS, 'filters');
    this.split = checkString(options.split ?? ' ', 'split');
    if (this.split.length === 0) throw new InvalidArgumentError('Tokenizer: split must not be empty');
    this.lower = checkBoolean(options.lower ?? true, 'lower');
    this.charLevel = checkBoolean(options.charLevel ?? false, 'charLevel');
    const oovToken = options.oovToken ?? null;
    this.oovToken = oovToken === null ? null : checkString(oovToken, 'oovToken');
  }

  /** Counts the words of `texts` (adding to earlier calls) and rebuilds the index. */
  fitOnTexts(texts: readonly TokenizerText[]): void {
    assertTexts(texts, 'fitOnTexts');
    for (const text of texts) {
      this.documentCount++;
      const words = this.#tokens(text);
      for (const word of words) this.wordCounts.set(word, (this.wordCounts.get(word) ?? 0) + 1);
      for (const word of new Set(words)) this.wordDocs.set(word, (this.wordDocs.get(word) ?? 0) + 1);
    }
    this.#rebuildIndex();
  }

  /** The index of each known word; unknown words become `oovToken`'s index or are dropped. */
  textsToSequences(texts: readonly TokenizerText[]): number[][] {
    assertTexts(texts, 'textsToSequences');
    const oovIndex = this.oovToken === null ? undefined : this.wordIndex.get(this.oovToken);
    return texts.map((text) => {
      const sequence: number[] = [];
      for (const word of this.#tokens(text)) {
        const index = this.wordIndex.get(word);
        if (index !== undefined && (this.numWords === null || index < this.numWords)) sequence.push(index);
        else if (oovIndex !== undefined) sequence.push(oovIndex);
      }
      return sequence;
    });
  }

  /** Words for indices joined by a space (as Keras does, also at character level); unknown indices are dropped. */
  sequencesToTexts(sequences: ReadonlyArray<ArrayLike<number>>): string[] {
    if (!Array.isArray(sequences)) {
      throw new InvalidArgumentError(`sequencesToTexts: expected an array of sequences, got ${typeof sequences}`);
    }
    const oovIndex = this.oovToken === null ? undefined : this.wordIndex.get(this.oovToken);
    return sequences.map((sequence) => {
      const words: string[] = [];
      for (let position = 0; position < sequence.length; position++) {
        const index = sequence[position];
        const word = this.indexWord.get(index);
        if (word === undefined) continue;
        if (this.numWords !== null && index >= this.numWords) {
          if (oovIndex !== undefined) words.push(this.indexWord.get(oovIndex) as string);
        } else {
          words.push(word);
        }
      }
      return words.join(' ');
    });
  }

  /** A float32 `[texts, numWords]` matrix (numWords defaults to the vocabulary size + 1). */
  textsToMatrix(texts: readonly TokenizerText[], mode: MatrixMode = 'binary'): Tensor {
    return this.sequencesToMatrix(this.textsToSequences(texts), mode);
  }

  sequencesToMatrix(sequences: ReadonlyArray<ArrayLike<number>>, mode: MatrixMode = 'binary'): Tensor {
    let width = this.numWords;
    if (width === null) {
      if (this.wordIndex.size === 0) {
        throw new InvalidArgumentError('sequencesToMatrix: give numWords or call fitOnTexts first');
      }
      width = this.wordIndex.size + 1;
    }
    if (mode === 'tfidf' && this.documentCount === 0) {
      throw new InvalidArgumentError("sequencesToMatrix: mode 'tfidf' needs fitOnTexts first");
    }
    return sequencesToMatrix(sequences, width, mode, this.documentCount, this.indexDocs);
  }

  toJSON(): TokenizerJson {
    return {
      className: 'Tokenizer',
      numWords: this.numWords,
      filters: this.filters,
      lower: this.lower,
      split: this.split,
      charLevel: this.charLevel,
      oovToken: this.oovToken,
      documentCount: this.documentCount,
      wordCounts: [...this.wordCounts],
      wordDocs: [...this.wordDocs],
    };
  }

  /** Rebuilds a tokenizer from `toJSON`'s object or its JSON text; malformed input throws InvalidArgumentError. */
  static fromJSON(json: string | TokenizerJson | Record<string, unknown>): Tokenizer {
    const object = parseJsonObject(json, READER);
    requireClassName(object, 'Tokenizer', READER);
    const numWords = object.numWords === null ? null : readCount(object.numWords, 'numWords', READER);
    const tokenizer = new Tokenizer({
      numWords,
      filters: readString(object, 'filters', READER),
      lower: readBoolean(object, 'lower', READER),
      split: readString(object, 'split', READER),
      charLevel: readBoolean(object, 'charLevel', READER),
      oovToken: readOptionalString(object, 'oovToken', READER),
    });
    const documentCount = readCount(object.documentCount, 'documentCount', READER);
    const wordCounts = readStringCountPairs(object, 'wordCounts', READER);
    const wordDocs = readStringCountPairs(object, 'wordDocs', READER);
    if (wordDocs.size !== wordCounts.size) {
      throw new InvalidArgumentError(`${READER}: wordDocs must list the same words as wordCounts`);
    }
    for (const [word, documents] of wordDocs) {
      const count = wordCounts.get(word);
      if (count === undefined) {
        throw new InvalidArgumentError(`${READER}: wordDocs lists ${JSON.stringify(word)}, absent from wordCounts`);
      }
      if (documents > count || documents > documentCount || documents === 0) {
        throw new InvalidArgumentError(
          `${READER}: wordDocs of ${JSON.stringify(word)} is ${documents}, impossible with count ${count} in ${documentCount} texts`,
        );
      }
    }
    for (const [word, count] of wordCounts) tokenizer.wordCounts.set(word, count);
    for (const [word, documents] of wordDocs) tokenizer.wordDocs.set(word, documents);
    tokenizer.documentCount = documentCount;
    tokenizer.#rebuildIndex();
    return tokenizer;
  }

  #tokens(text: TokenizerText): string[] {
    if (typeof text !== 'string') return text.map((token) => (this.lower ? token.toLowerCase() : token));
    if (this.charLevel) return Array.from(this.lower ? text.toLowerCase() : text);
    return textToWordSequence(text, { filters: this.filters, lower: this.lower, split: this.split });
  }

  #rebuildIndex(): void {
    // Array.prototype.sort is stable, so equal counts keep first-appearance order, like Python's sorted.
    const byFrequency = [...this.wordCounts].sort((left, right) => right[1] - left[1]).map(([word]) => word);
    const vocabulary =
      this.oovToken === null ? byFrequency : [this.oovToken, ...byFrequency.filter((word) => word !== this.oovToken)];
    this.wordIndex.clear();
    this.indexWord.clear();
    this.indexDocs.clear();
    vocabulary.forEach((word, position) => {
      this.wordIndex.set(word, position + 1);
      this.indexWord.set(position + 1, word);
    });
    for (const [word, documents] of this.wordDocs) this.indexDocs.set(this.wordIndex.get(word) as number, documents);
  }
}

function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(`Tokenizer: ${field} must be a string, got ${describeJson(value)}`);
  }
  return value;
}

function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`Tokenizer: ${field} must be true or false, got ${describeJson(value)}`);
  }
  return value;
}

function assertTexts(texts: unknown, operation: string): asserts texts is readonly TokenizerText[] {
  if (!Array.isArray(texts)) {
    throw new InvalidArgumentError(`Tokenizer.${operation}: expected an array of texts, got ${describeJson(texts)}`);
  }
  for (const [position, text] of texts.entries()) {
    const valid = typeof text === 'string' || (Array.isArray(text) && text.every((token) => typeof token === 'string'));
    if (!valid) {
      throw new InvalidArgumentError(
        `Tokenizer.${operation}: text ${position} must be a string or an array of strings, got ${describeJson(text)}`,
      );
    }
  }
}
