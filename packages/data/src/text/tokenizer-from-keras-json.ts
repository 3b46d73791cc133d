import { InvalidArgumentError } from '@tessera/core';
import { describeJson, parseJsonObject, readBoolean, readCount, readOptionalString, readString } from './json-checks';
import { Tokenizer } from './tokenizer';

const READER = 'tokenizerFromKerasJson';

/**
 * Loads the JSON that Keras's `Tokenizer.to_json()` writes (`{"class_name": "Tokenizer", "config": {...}}`, where
 * word_counts, word_docs and word_index are themselves JSON texts). Keras's saved `word_index` is used as is, so
 * sequences match the Keras tokenizer exactly, its quirks included. One limit: JavaScript objects list integer-like
 * keys ("1984") first, so words like that lose their first-appearance position in `wordCounts`, which only matters
 * for tie order if `fitOnTexts` is called again after loading.
 */
export function tokenizerFromKerasJson(json: string | Record<string, unknown>): Tokenizer {
  const outer = parseJsonObject(json, READER);
  if (outer.class_name !== 'Tokenizer') {
    throw new InvalidArgumentError(`${READER}: expected class_name "Tokenizer", got ${describeJson(outer.class_name)}`);
  }
  const config = parseJsonObject(outer.config, `${READER} (config)`);
  const numWords =
    config.num_words === null || config.num_words === undefined
      ? null
      : readCount(config.num_words, 'num_words', READER);
  const tokenizer = new Tokenizer({
    numWords,
    filters: readString(config, 'filters', READER),
    lower: readBoolean(config, 'lower', READER),
    split: readString(config, 'split', READER),
    charLevel: readBoolean(config, 'char_level', READER),
    oovToken: readOptionalString(config, 'oov_token', READER),
  });
  tokenizer.documentCount = readCount(config.document_count, 'document_count', READER);
  const wordCounts = readNestedCounts(config, 'word_counts', 0);
  const wordDocs = readNestedCounts(config, 'word_docs', 0);
  const wordIndex = readNestedCounts(config, 'word_index', 1);
  for (const [word, count] of wordCounts) tokenizer.wordCounts.set(word, count);
  for (const [word, documents] of wordDocs) {
    if (!wordCounts.has(word)) {
      throw new InvalidArgumentError(`${READER}: word_docs lists ${JSON.stringify(word)}, absent from word_counts`);
    }
    tokenizer.wordDocs.set(word, documents);
  }
  for (const [word, index] of wordIndex) {
    if (tokenizer.indexWord.has(index)) {
      throw new InvalidArgumentError(`${READER}: word_index gives index ${index} to two words`);
    }
    tokenizer.wordIndex.set(word, index);
    tokenizer.indexWord.set(index, word);
  }
  for (const [word, documents] of wordDocs) {
    const index = wordIndex.get(word);
    if (index === undefined) {
      throw new InvalidArgumentError(`${READER}: ${JSON.stringify(word)} has counts but no entry in word_index`);
    }
    tokenizer.indexDocs.set(index, documents);
  }
  return tokenizer;
}

/** A field holding JSON text of a `{ word: integer }` object (how Keras nests its dictionaries). */
function readNestedCounts(config: Record<string, unknown>, field: string, minimum: number): Map<string, number> {
  const nested = parseJsonObject(readString(config, field, READER), `${READER} (${field})`);
  const result = new Map<string, number>();
  for (const [word, value] of Object.entries(nested)) {
    const count = readCount(value, `${field}[${JSON.stringify(word)}]`, READER);
    if (count < minimum) {
      throw new InvalidArgumentError(
        `${READER}: ${field}[${JSON.stringify(word)}] must be at least ${minimum}, got ${count}`,
      );
    }
    result.set(word, count);
  }
  return result;
}
