import { InvalidArgumentError } from '@tessera/core';
import { describeJson, parseJsonObject, readArray, requireClassName } from './json-checks';

/** The saved form of a `CharacterVocabulary`: characters in id order, from id 2. */
export interface CharacterVocabularyJson {
  className: 'CharacterVocabulary';
  characters: string[];
}

export interface CharacterVocabularyOptions {
  /** Leave out characters seen fewer times (they encode as unknown). Default 1. */
  minFrequency?: number;
}

const READER = 'CharacterVocabulary.fromJSON';

/**
 * Ids for single characters (Unicode code points, so an emoji is one character and a combining accent is its own):
 * id 0 is padding, id 1 stands for any unknown character, known characters follow from id 2 in code-point order so
 * the same character set always gets the same ids.
 */
export class CharacterVocabulary {
  static readonly PADDING_ID = 0;
  static readonly UNKNOWN_ID = 1;
  /** What `decode` writes for the unknown id. */
  static readonly UNKNOWN_CHARACTER = '\uFFFD';

  readonly characters: readonly string[];
  readonly #ids = new Map<string, number>();

  constructor(characters: readonly string[]) {
    if (!Array.isArray(characters)) {
      throw new InvalidArgumentError(
        `CharacterVocabulary: expected an array of characters, got ${describeJson(characters)}`,
      );
    }
    for (const [position, character] of characters.entries()) {
      if (typeof character !== 'string' || Array.from(character).length !== 1) {
        throw new InvalidArgumentError(
          `CharacterVocabulary: entry ${position} must be a single character, got ${describeJson(character)}`,
        );
      }
      if (this.#ids.has(character)) {
        throw new InvalidArgumentError(`CharacterVocabulary: ${JSON.stringify(character)} is listed twice`);
      }
      this.#ids.set(character, position + 2);
    }
    this.characters = [...characters];
  }

  /** Every character of `text` (or of all the texts) seen at least `minFrequency` times. */
  static fromText(text: string | readonly string[], options: CharacterVocabularyOptions = {}): CharacterVocabulary {
    const texts = typeof text === 'string' ? [text] : text;
    if (!Array.isArray(texts) || texts.some((item) => typeof item !== 'string')) {
      throw new InvalidArgumentError('CharacterVocabulary.fromText: expected a string or an array of strings');
    }
    const minFrequency = options.minFrequency ?? 1;
    if (!Number.isInteger(minFrequency) || minFrequency < 1) {
      throw new InvalidArgumentError(
        `CharacterVocabulary.fromText: minFrequency must be a positive integer, got ${String(minFrequency)}`,
      );
    }
    const counts = new Map<string, number>();
    for (const item of texts) for (const character of item) counts.set(character, (counts.get(character) ?? 0) + 1);
    const kept = [...counts].filter(([, count]) => count >= minFrequency).map(([character]) => character);
    kept.sort((left, right) => (left.codePointAt(0) as number) - (right.codePointAt(0) as number));
    return new CharacterVocabulary(kept);
  }

  /** Ids including padding and unknown. */
  get size(): number {
    return this.characters.length + 2;
  }

  idOf(character: string): number {
    return this.#ids.get(character) ?? CharacterVocabulary.UNKNOWN_ID;
  }

  encode(text: string): number[] {
    if (typeof text !== 'string') {
      throw new InvalidArgumentError(`CharacterVocabulary.encode: expected a string, got ${typeof text}`);
    }
    return Array.from(text, (character) => this.idOf(character));
  }

  /** Padding ids are skipped; the unknown id becomes U+FFFD. */
  decode(ids: ArrayLike<number>): string {
    let text = '';
    for (const id of Array.from(ids)) {
      if (!Number.isInteger(id) || id < 0 || id >= this.size) {
        throw new InvalidArgumentError(
          `CharacterVocabulary.decode: ids must be integers from 0 to ${this.size - 1}, got ${String(id)}`,
        );
      }
      if (id === CharacterVocabulary.UNKNOWN_ID) text += CharacterVocabulary.UNKNOWN_CHARACTER;
      else if (id !== CharacterVocabulary.PADDING_ID) text += this.characters[id - 2];
    }
    return text;
  }

  toJSON(): CharacterVocabularyJson {
    return { className: 'CharacterVocabulary', characters: [...this.characters] };
  }

  /** Rebuilds from `toJSON`'s object or its JSON text; malformed input throws InvalidArgumentError. */
  static fromJSON(json: string | CharacterVocabularyJson | Record<string, unknown>): CharacterVocabulary {
    const object = parseJsonObject(json, READER);
    requireClassName(object, 'CharacterVocabulary', READER);
    return new CharacterVocabulary(readArray(object, 'characters', READER) as string[]);
  }
}
