import { InvalidArgumentError } from '@tessera/core';
import { describeJson, parseJsonObject, readArray, readCount, requireClassName } from './json-checks';
import { preSplitText } from './pre-split-text';
import { mergePair, PAIR_KEY_BASE, pairKey, trainBytePairs } from './train-byte-pairs';

export interface BytePairTrainingOptions {
  /** Total tokens: the 256 bytes, the learned merges and the special tokens. At least 256 + special tokens. */
  vocabularySize: number;
  /** Stop merging when the most frequent pair occurs fewer times than this. Default 2. */
  minFrequency?: number;
  /** Strings kept whole as one token each (ids after the merges), for instance '<|endoftext|>'. */
  specialTokens?: readonly string[];
}

/** The saved form of a `BytePairEncoder`: merge `i` makes token `256 + i`. */
export interface BytePairEncoderJson {
  className: 'BytePairEncoder';
  merges: Array<[number, number]>;
  specialTokens: string[];
}

const READER = 'BytePairEncoder.fromJSON';
const CACHE_LIMIT = 50_000;
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8');

/**
 * A byte-level byte-pair encoder (GPT-2 style): text becomes UTF-8 bytes, tokens 0–255 are the bytes, and learned
 * merges join adjacent tokens inside the pieces of `preSplitText`. Any well-formed string round-trips exactly through
 * `encode` and `decode` (lone surrogates cannot be UTF-8 encoded and come back as U+FFFD). Special tokens in the text
 * are recognized and encoded as their single id.
 */
export class BytePairEncoder {
  readonly merges: ReadonlyArray<readonly [number, number]>;
  readonly specialTokens: readonly string[];
  readonly #ranks = new Map<number, number>();
  readonly #tokenBytes: Uint8Array[] = [];
  readonly #specialIds = new Map<string, number>();
  readonly #specialPattern: RegExp | null;
  readonly #cache = new Map<string, number[]>();

  constructor(merges: ReadonlyArray<readonly [number, number]>, specialTokens: readonly string[] = []) {
    this.merges = merges.map(([left, right]) => [left, right] as const);
    this.specialTokens = [...specialTokens];
    for (let byte = 0; byte < 256; byte++) this.#tokenBytes.push(Uint8Array.of(byte));
    this.merges.forEach(([left, right], rank) => {
      const id = 256 + rank;
      for (const part of [left, right]) {
        if (!Number.isInteger(part) || part < 0 || part >= id) {
          throw new InvalidArgumentError(
            `BytePairEncoder: merge ${rank} refers to token ${String(part)}; it may only use ids below ${id}`,
          );
        }
      }
      const key = pairKey(left, right);
      if (this.#ranks.has(key)) {
        throw new InvalidArgumentError(`BytePairEncoder: merge ${rank} repeats the pair (${left}, ${right})`);
      }
      this.#ranks.set(key, rank);
      const bytes = new Uint8Array(this.#tokenBytes[left].length + this.#tokenBytes[right].length);
      bytes.set(this.#tokenBytes[left]);
      bytes.set(this.#tokenBytes[right], this.#tokenBytes[left].length);
      this.#tokenBytes.push(bytes);
    });
    for (const token of this.specialTokens) {
      if (typeof token !== 'string' || token.length === 0) {
        throw new InvalidArgumentError(
          `BytePairEncoder: special tokens must be non-empty strings, got ${describeJson(token)}`,
        );
      }
      if (this.#specialIds.has(token))
        throw new InvalidArgumentError(`BytePairEncoder: special token ${token} is listed twice`);
      this.#specialIds.set(token, 256 + this.merges.length + this.#specialIds.size);
    }
    // Longest first, so a special token that contains another wins.
    const alternatives = [...this.specialTokens].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.#specialPattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'g') : null;
  }

  /** Learns merges from a corpus (one text or several documents). */
  static train(corpus: string | readonly string[], options: BytePairTrainingOptions): BytePairEncoder {
    const texts = typeof corpus === 'string' ? [corpus] : corpus;
    if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string')) {
      throw new InvalidArgumentError('BytePairEncoder.train: corpus must be a string or an array of strings');
    }
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError('BytePairEncoder.train: options with vocabularySize are required');
    }
    const specialTokens = options.specialTokens ?? [];
    const minimumSize = 256 + specialTokens.length;
    const { vocabularySize } = options;
    if (!Number.isInteger(vocabularySize) || vocabularySize < minimumSize || vocabularySize >= PAIR_KEY_BASE) {
      throw new InvalidArgumentError(
        `BytePairEncoder.train: vocabularySize must be an integer from ${minimumSize} (256 bytes + special tokens) to ${PAIR_KEY_BASE - 1}, got ${String(vocabularySize)}`,
      );
    }
    const minFrequency = options.minFrequency ?? 2;
    if (!Number.isInteger(minFrequency) || minFrequency < 1) {
      throw new InvalidArgumentError(
        `BytePairEncoder.train: minFrequency must be a positive integer, got ${String(minFrequency)}`,
      );
    }
    // Special tokens are not learned from: strip them so they do not skew the merges.
    const pattern = new BytePairEncoder([], specialTokens).#specialPattern;
    const cleaned = pattern ? texts.flatMap((text) => text.split(pattern)) : texts;
    return new BytePairEncoder(trainBytePairs(cleaned, vocabularySize - minimumSize, minFrequency), specialTokens);
  }

  /** Bytes, merges and special tokens together. */
  get vocabularySize(): number {
    return 256 + this.merges.length + this.specialTokens.length;
  }

  /** The id of a special token, or undefined. */
  specialTokenId(token: string): number | undefined {
    return this.#specialIds.get(token);
  }

  encode(text: string): number[] {
    if (typeof text !== 'string')
      throw new InvalidArgumentError(`BytePairEncoder.encode: expected a string, got ${typeof text}`);
    const ids: number[] = [];
    let start = 0;
    if (this.#specialPattern) {
      for (const match of text.matchAll(this.#specialPattern)) {
        this.#encodeOrdinary(text.slice(start, match.index), ids);
        ids.push(this.#specialIds.get(match[0]) as number);
        start = match.index + match[0].length;
      }
    }
    this.#encodeOrdinary(text.slice(start), ids);
    return ids;
  }

  /** The text of `ids`; bytes that are not valid UTF-8 (an id sequence cut mid-character) decode as U+FFFD. */
  decode(ids: ArrayLike<number>): string {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (const id of Array.from(ids)) {
      let bytes: Uint8Array | undefined;
      if (Number.isInteger(id) && id >= 0 && id < this.#tokenBytes.length) bytes = this.#tokenBytes[id];
      else if (Number.isInteger(id) && id >= this.#tokenBytes.length && id < this.vocabularySize) {
        bytes = textEncoder.encode(this.specialTokens[id - this.#tokenBytes.length]);
      }
      if (!bytes) {
        throw new InvalidArgumentError(
          `BytePairEncoder.decode: ids must be integers from 0 to ${this.vocabularySize - 1}, got ${String(id)}`,
        );
      }
      parts.push(bytes);
      length += bytes.length;
    }
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return textDecoder.decode(joined);
  }

  toJSON(): BytePairEncoderJson {
    return {
      className: 'BytePairEncoder',
      merges: this.merges.map(([left, right]) => [left, right]),
      specialTokens: [...this.specialTokens],
    };
  }

  /** Rebuilds from `toJSON`'s object or its JSON text; malformed input throws InvalidArgumentError. */
  static fromJSON(json: string | BytePairEncoderJson | Record<string, unknown>): BytePairEncoder {
    const object = parseJsonObject(json, READER);
    requireClassName(object, 'BytePairEncoder', READER);
    const merges = readArray(object, 'merges', READER).map((entry, rank): [number, number] => {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw new InvalidArgumentError(
          `${READER}: merges[${rank}] must be a pair of token ids, got ${describeJson(entry)}`,
        );
      }
      const limit = 255 + rank;
      return [
        readCount(entry[0], `merges[${rank}][0]`, READER, limit),
        readCount(entry[1], `merges[${rank}][1]`, READER, limit),
      ];
    });
    const specialTokens = readArray(object, 'specialTokens', READER).map((token, position) => {
      if (typeof token !== 'string') {
        throw new InvalidArgumentError(
          `${READER}: specialTokens[${position}] must be a string, got ${describeJson(token)}`,
        );
      }
      return token;
    });
    return new BytePairEncoder(merges, specialTokens);
  }

  #encodeOrdinary(text: string, ids: number[]): void {
    for (const piece of preSplitText(text)) {
      let tokens = this.#cache.get(piece);
      if (!tokens) {
        tokens = this.#mergePiece(Array.from(textEncoder.encode(piece)));
        if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
        this.#cache.set(piece, tokens);
      }
      for (const token of tokens) ids.push(token);
    }
  }

  /** Applies merges in training order: repeatedly the lowest-ranked adjacent pair, all its occurrences at once. */
  #mergePiece(tokens: number[]): number[] {
    let current = tokens;
    while (current.length > 1) {
      let bestRank = Number.POSITIVE_INFINITY;
      for (let position = 0; position + 1 < current.length; position++) {
        const rank = this.#ranks.get(pairKey(current[position], current[position + 1]));
        if (rank !== undefined && rank < bestRank) bestRank = rank;
      }
      if (bestRank === Number.POSITIVE_INFINITY) break;
      const [left, right] = this.merges[bestRank];
      current = mergePair(current, left, right, 256 + bestRank);
    }
    return current;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
