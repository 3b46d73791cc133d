import { InvalidArgumentError } from '@tessera/core';

/** Keras's default `filters`: ASCII punctuation plus tab and newline (the apostrophe is kept, as in Keras). */
export const DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

export interface TextToWordSequenceOptions {
  /** Characters replaced by `split` before splitting. Default `DEFAULT_FILTERS`. */
  filters?: string;
  /** Lower-case the text first. Default true. */
  lower?: boolean;
  /** The separator between words. Default a single space. */
  split?: string;
}

/**
 * Keras's `text_to_word_sequence`: lower-case, replace every filter character with `split`, split on `split`, and
 * drop the empty strings that runs of separators leave.
 */
export function textToWordSequence(text: string, options: TextToWordSequenceOptions = {}): string[] {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError(`textToWordSequence: expected a string, got ${typeof text}`);
  }
  const filters = options.filters ?? DEFAULT_FILTERS;
  const split = options.split ?? ' ';
  if (split.length === 0) throw new InvalidArgumentError('textToWordSequence: split must not be empty');
  const lowered = (options.lower ?? true) ? text.toLowerCase() : text;
  const filtered = filters.length === 0 ? lowered : replaceCharacters(lowered, new Set(filters), split);
  return filtered.split(split).filter((word) => word.length > 0);
}

/** Replaces each code point in `characters` with `replacement` (Python's `str.translate` on a mapping). */
function replaceCharacters(text: string, characters: ReadonlySet<string>, replacement: string): string {
  let result = '';
  let runStart = 0;
  let position = 0;
  for (const character of text) {
    if (characters.has(character)) {
      result += text.slice(runStart, position) + replacement;
      runStart = position + character.length;
    }
    position += character.length;
  }
  return result + text.slice(runStart);
}
