import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { Tokenizer } from './tokenizer';
import { tokenizerFromKerasJson } from './tokenizer-from-keras-json';

/** What Keras's `to_json()` writes for a tokenizer fitted on `texts` (layout of keras.preprocessing.text). */
function kerasJson(config: Record<string, unknown>, dictionaries: Record<string, Record<string, unknown>>): string {
  const nested = Object.fromEntries(Object.entries(dictionaries).map(([key, value]) => [key, JSON.stringify(value)]));
  return JSON.stringify({ class_name: 'Tokenizer', config: { ...config, ...nested } });
}

const BASE_CONFIG = {
  num_words: 4,
  filters: '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n',
  lower: true,
  split: ' ',
  char_level: false,
  oov_token: '<OOV>',
  document_count: 3,
};

// Keras on ['The cat sat on the mat.', 'The dog ate my homework!', 'cat, cat; DOG'] with oov_token '<OOV>'.
const DICTIONARIES = {
  word_counts: { the: 3, cat: 3, sat: 1, on: 1, mat: 1, dog: 2, ate: 1, my: 1, homework: 1 },
  word_docs: { the: 2, mat: 1, sat: 1, on: 1, cat: 2, dog: 2, my: 1, ate: 1, homework: 1 },
  index_docs: { '2': 2, '7': 1, '5': 1, '6': 1, '3': 2, '4': 2, '9': 1, '8': 1, '10': 1 },
  word_index: { '<OOV>': 1, the: 2, cat: 3, dog: 4, sat: 5, on: 6, mat: 7, ate: 8, my: 9, homework: 10 },
  index_word: { '1': '<OOV>', '2': 'the', '3': 'cat', '4': 'dog', '5': 'sat', '6': 'on', '7': 'mat', '8': 'ate' },
};

describe('tokenizerFromKerasJson', () => {
  it('loads Keras JSON and converts like the Tokenizer fitted here', () => {
    const loaded = tokenizerFromKerasJson(kerasJson(BASE_CONFIG, DICTIONARIES));
    const fitted = new Tokenizer({ oovToken: '<OOV>', numWords: 4 });
    fitted.fitOnTexts(['The cat sat on the mat.', 'The dog ate my homework!', 'cat, cat; DOG']);
    expect([...loaded.wordIndex]).toEqual([...fitted.wordIndex]);
    expect([...loaded.wordCounts]).toEqual([...fitted.wordCounts]);
    expect(loaded.textsToSequences(['the cat ate a fish'])).toEqual([[2, 3, 1, 1, 1]]);
    const matrix = loaded.textsToMatrix(['the dog'], 'count');
    // dog has index 4, not below numWords 4, so it counts as the oov token (index 1).
    expect(Array.from(matrix.dataSync())).toEqual([0, 1, 1, 0]);
    matrix.dispose();
    expect(loaded.indexDocs.get(3)).toBe(2);
  });

  it('keeps Keras index quirks as saved (oov token also in the texts)', () => {
    const loaded = tokenizerFromKerasJson(
      kerasJson(
        { ...BASE_CONFIG, num_words: null, oov_token: 'x', document_count: 1 },
        { word_counts: { x: 1, y: 1 }, word_docs: { x: 1, y: 1 }, word_index: { x: 2, y: 3 } },
      ),
    );
    expect(loaded.textsToSequences(['x y z'])).toEqual([[2, 3, 2]]);
  });

  it('rejects malformed Keras JSON', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"class_name": "Other", "config": {}}', /class_name/],
      ['{"class_name": "Tokenizer", "config": 3}', /expected a JSON object/],
      [kerasJson({ ...BASE_CONFIG, lower: 'yes' }, DICTIONARIES), /lower must be true or false/],
      [kerasJson(BASE_CONFIG, { ...DICTIONARIES, word_counts: { a: -1 } }), /word_counts\["a"\]/],
      [kerasJson(BASE_CONFIG, { ...DICTIONARIES, word_index: { a: 1, b: 1 } }), /index 1 to two words/],
      [kerasJson(BASE_CONFIG, { ...DICTIONARIES, word_index: { a: 0 } }), /at least 1/],
      [kerasJson(BASE_CONFIG, { ...DICTIONARIES, word_docs: { zebra: 1 } }), /absent from word_counts/],
      [kerasJson(BASE_CONFIG, { ...DICTIONARIES, word_index: { the: 1 } }), /no entry in word_index/],
    ];
    for (const [json, message] of cases) {
      expect(() => tokenizerFromKerasJson(json)).toThrow(InvalidArgumentError);
      expect(() => tokenizerFromKerasJson(json)).toThrow(message);
    }
  });
});
