import { InvalidArgumentError, memory } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { textToWordSequence } from './text-to-word-sequence';
import { Tokenizer } from './tokenizer';

// Counts worked by hand: the 3, cat 3, sat 1, on 1, mat 1, dog 2, ate 1, my 1, homework 1 (first-appearance order).
const TEXTS = ['The cat sat on the mat.', 'The dog ate my homework!', 'cat, cat; DOG'];

describe('textToWordSequence', () => {
  it('lower-cases, strips Keras punctuation (keeping apostrophes) and drops empty words', () => {
    expect(textToWordSequence("Hello,   World! It's\tfine\n")).toEqual(['hello', 'world', "it's", 'fine']);
    expect(textToWordSequence('A-b', { lower: false, filters: '' })).toEqual(['A-b']);
    expect(textToWordSequence('a,b,,c', { split: ',', filters: '' })).toEqual(['a', 'b', 'c']);
  });
});

describe('Tokenizer', () => {
  it('indexes by descending frequency, ties by first appearance, from 1', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(TEXTS);
    expect([...tokenizer.wordIndex]).toEqual([
      ['the', 1],
      ['cat', 2],
      ['dog', 3],
      ['sat', 4],
      ['on', 5],
      ['mat', 6],
      ['ate', 7],
      ['my', 8],
      ['homework', 9],
    ]);
    expect(tokenizer.indexWord.get(3)).toBe('dog');
    expect(tokenizer.wordCounts.get('cat')).toBe(3);
    expect(tokenizer.wordDocs.get('cat')).toBe(2);
    expect(tokenizer.documentCount).toBe(3);
    expect(tokenizer.textsToSequences(['the cat ate a fish'])).toEqual([[1, 2, 7]]);
  });

  it('gives oovToken index 1 and uses it for unknown and out-of-range words', () => {
    const tokenizer = new Tokenizer({ oovToken: '<OOV>', numWords: 4 });
    tokenizer.fitOnTexts(TEXTS);
    expect(tokenizer.wordIndex.get('<OOV>')).toBe(1);
    expect(tokenizer.wordIndex.get('the')).toBe(2);
    expect(tokenizer.wordIndex.get('homework')).toBe(10);
    // the 2, cat 3 kept (< 4); ate 8 is beyond numWords; a, fish are unknown.
    expect(tokenizer.textsToSequences(['the cat ate a fish'])).toEqual([[2, 3, 1, 1, 1]]);
    expect(tokenizer.sequencesToTexts([[2, 3, 8, 99]])).toEqual(['the cat <OOV>']);
  });

  it('drops words at or beyond numWords without an oovToken', () => {
    const tokenizer = new Tokenizer({ numWords: 4 });
    tokenizer.fitOnTexts(TEXTS);
    expect(tokenizer.textsToSequences(['the dog sat'])).toEqual([[1, 3]]);
    expect(tokenizer.sequencesToTexts([[1, 7, 2]])).toEqual(['the cat']);
    const unlimited = new Tokenizer({ numWords: 0 });
    unlimited.fitOnTexts(TEXTS);
    expect(unlimited.textsToSequences(['homework'])).toEqual([[9]]);
  });

  it('works at character level without filters, and on pre-split token lists', () => {
    const characters = new Tokenizer({ charLevel: true });
    characters.fitOnTexts(['abca', 'B!']);
    expect([...characters.wordIndex]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['!', 4],
    ]);
    expect(characters.textsToSequences(['cab!z'])).toEqual([[3, 1, 2, 4]]);
    expect(characters.sequencesToTexts([[3, 1]])).toEqual(['c a']);
    const lists = new Tokenizer({ lower: false });
    lists.fitOnTexts([['New York', 'is', 'big'], ['New York']]);
    expect(lists.textsToSequences([['New York', 'big', 'x']])).toEqual([[1, 3]]);
  });

  it('accumulates counts over several fitOnTexts calls', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['b a']);
    tokenizer.fitOnTexts(['a']);
    expect(tokenizer.textsToSequences(['a b'])).toEqual([[1, 2]]);
    expect(tokenizer.documentCount).toBe(2);
  });

  it('builds binary, count, freq and tfidf matrices like Keras', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(TEXTS);
    const texts = ['the the cat zebra', ''];
    const before = memory().numTensors;
    const expectRow = (mode: 'binary' | 'count' | 'freq' | 'tfidf', first: number, second: number) => {
      const matrix = tokenizer.textsToMatrix(texts, mode);
      expect(matrix.shape).toEqual([2, 10]);
      const values = Array.from(matrix.dataSync());
      expect(values[1]).toBeCloseTo(first, 6);
      expect(values[2]).toBeCloseTo(second, 6);
      expect(values.reduce((total, value) => total + Math.abs(value), 0)).toBeCloseTo(first + second, 5);
      matrix.dispose();
    };
    expectRow('binary', 1, 1);
    expectRow('count', 2, 1);
    expectRow('freq', 2 / 3, 1 / 3);
    // the: (1 + ln 2) ln(1 + 3 / 3); cat: ln(1 + 3 / 3) — each occurs in 2 of 3 texts.
    expectRow('tfidf', (1 + Math.log(2)) * Math.log(2), Math.log(2));
    expect(memory().numTensors).toBe(before);
    expect(() => new Tokenizer().textsToMatrix(['a'])).toThrow(/numWords or call fitOnTexts/);
  });

  it('round-trips through JSON text, keeping tie order and odd words', () => {
    const tokenizer = new Tokenizer({ oovToken: '<unk>', numWords: 5, split: ' ' });
    tokenizer.fitOnTexts([...TEXTS, '__proto__ constructor']);
    const restored = Tokenizer.fromJSON(JSON.stringify(tokenizer));
    expect([...restored.wordIndex]).toEqual([...tokenizer.wordIndex]);
    expect(restored.numWords).toBe(5);
    expect(restored.oovToken).toBe('<unk>');
    expect(restored.documentCount).toBe(4);
    expect(restored.wordIndex.get('__proto__')).toBe(tokenizer.wordIndex.get('__proto__'));
    const probe = ['the constructor ate __proto__ zebra'];
    expect(restored.textsToSequences(probe)).toEqual(tokenizer.textsToSequences(probe));
    expect(Tokenizer.fromJSON(tokenizer.toJSON()).toJSON()).toEqual(tokenizer.toJSON());
  });

  it('rejects hostile or malformed JSON with InvalidArgumentError naming the problem', () => {
    const good = (() => {
      const tokenizer = new Tokenizer();
      tokenizer.fitOnTexts(['a b a']);
      return tokenizer.toJSON() as unknown as Record<string, unknown>;
    })();
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /not valid JSON/],
      ['[1,2]', /expected a JSON object/],
      [{ ...good, className: 'Other' }, /className/],
      [{ ...good, numWords: -3 }, /numWords/],
      [{ ...good, filters: 7 }, /filters must be a string/],
      [{ ...good, wordCounts: 'a' }, /wordCounts must be an array/],
      [{ ...good, wordCounts: [['a', 1.5]] }, /wordCounts\[0\]\[1\]/],
      [{ ...good, wordCounts: [[3, 1]] }, /\[string, integer\] pair/],
      [
        {
          ...good,
          wordCounts: [
            ['a', 2],
            ['a', 1],
          ],
        },
        /twice/,
      ],
      [{ ...good, wordDocs: [['a', 1]] }, /same words/],
      [
        {
          ...good,
          wordDocs: [
            ['a', 1],
            ['c', 1],
          ],
        },
        /absent from wordCounts/,
      ],
      [
        {
          ...good,
          wordDocs: [
            ['a', 5],
            ['b', 1],
          ],
        },
        /impossible/,
      ],
      [{ ...good, documentCount: 'x' }, /documentCount/],
    ];
    for (const [json, message] of cases) {
      expect(() => Tokenizer.fromJSON(json as Record<string, unknown>)).toThrow(InvalidArgumentError);
      expect(() => Tokenizer.fromJSON(json as Record<string, unknown>)).toThrow(message);
    }
  });

  it('rejects bad options and inputs', () => {
    expect(() => new Tokenizer({ numWords: 2.5 })).toThrow(/numWords must be a non-negative integer/);
    expect(() => new Tokenizer({ split: '' })).toThrow(/split must not be empty/);
    expect(() => new Tokenizer({ lower: 'yes' as unknown as boolean })).toThrow(/lower must be true or false/);
    expect(() => new Tokenizer().fitOnTexts('text' as unknown as string[])).toThrow(/expected an array of texts/);
    expect(() => new Tokenizer().fitOnTexts([3 as unknown as string])).toThrow(/text 0 must be a string/);
  });
});
