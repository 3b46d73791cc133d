import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { BytePairEncoder } from './byte-pair-encoder';
import { preSplitText } from './pre-split-text';

/** A small deterministic generator (LCG), so corpora and random strings repeat exactly. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Reference trainer: recounts every pair before each merge, same tie-break (count, then smallest ids). */
function trainByFullRecount(text: string, mergeCount: number, minFrequency: number): Array<[number, number]> {
  const encoder = new TextEncoder();
  const words = preSplitText(text).map((piece) => Array.from(encoder.encode(piece)));
  const merges: Array<[number, number]> = [];
  while (merges.length < mergeCount) {
    const counts = new Map<string, number>();
    for (const word of words) {
      for (let position = 0; position + 1 < word.length; position++) {
        const key = `${word[position]},${word[position + 1]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    let best: [number, number] | null = null;
    let bestCount = 0;
    for (const [key, count] of counts) {
      const pair = key.split(',').map(Number) as [number, number];
      const smaller = best !== null && (pair[0] < best[0] || (pair[0] === best[0] && pair[1] < best[1]));
      if (count > bestCount || (count === bestCount && smaller)) {
        best = pair;
        bestCount = count;
      }
    }
    if (best === null || bestCount < minFrequency) break;
    const merged = 256 + merges.length;
    merges.push(best);
    for (const [wordPosition, word] of words.entries()) {
      const result: number[] = [];
      for (let position = 0; position < word.length; position++) {
        if (position + 1 < word.length && word[position] === best[0] && word[position + 1] === best[1]) {
          result.push(merged);
          position++;
        } else {
          result.push(word[position]);
        }
      }
      words[wordPosition] = result;
    }
  }
  return merges;
}

/** Random words with a skewed (Zipf-like) frequency, punctuation, digits and some non-ASCII letters. */
function syntheticCorpus(length: number, seed: number): string {
  const random = createRandom(seed);
  const letters = 'etaoinshrdlucmfwypvbgkjqxzéüß';
  const vocabulary = Array.from({ length: 3000 }, () => {
    const size = 1 + Math.floor(random() * 9);
    return Array.from({ length: size }, () => letters[Math.floor(random() * random() * letters.length)]).join('');
  });
  const parts: string[] = [];
  let total = 0;
  while (total < length) {
    const word = vocabulary[Math.floor(vocabulary.length * random() ** 3)];
    const tail =
      random() < 0.1 ? '. ' : random() < 0.05 ? ', ' : random() < 0.02 ? ` ${Math.floor(random() * 100)}\n` : ' ';
    parts.push(word, tail);
    total += word.length + tail.length;
  }
  return parts.join('');
}

const ALPHABETS: Array<[number, number]> = [
  [0x20, 0x7e], // ASCII
  [0x09, 0x0a], // tab, newline
  [0xa0, 0xff], // Latin-1 incl. no-break space
  [0x300, 0x36f], // combining marks
  [0x4e00, 0x4e80], // CJK
  [0x1f600, 0x1f64f], // emoji (astral plane: surrogate pairs in JS)
  [0x1f3fb, 0x1f3ff], // skin-tone modifiers
  [0x200d, 0x200d], // zero-width joiner
  [0x3000, 0x3000], // ideographic space
];

function randomString(random: () => number, length: number): string {
  let text = '';
  for (let count = 0; count < length; count++) {
    const [low, high] = ALPHABETS[Math.floor(random() * ALPHABETS.length)];
    text += String.fromCodePoint(low + Math.floor(random() * (high - low + 1)));
  }
  return text;
}

describe('preSplitText', () => {
  it('keeps a leading space with words and splits letters, digits and symbols', () => {
    expect(preSplitText("Hello world, it's 2024!  ok")).toEqual([
      'Hello',
      ' world',
      ',',
      ' it',
      "'",
      's',
      ' 2024',
      '!',
      ' ',
      ' ok',
    ]);
    expect(preSplitText('cafe\u0301 x')).toEqual(['cafe\u0301', ' x']);
  });
});

describe('BytePairEncoder', () => {
  it('learns hand-computed merges with deterministic tie-breaking', () => {
    // Pieces: 'ab', ' ab' ×2, ' cd'. (a,b) occurs 3 times, then (' ', ab) twice; then (' ', c) and (c, d) tie at 1
    // and the smaller ids win: (32, 99) before (99, 100).
    const twoMerges = BytePairEncoder.train('ab ab ab cd', { vocabularySize: 1000 });
    expect(twoMerges.merges).toEqual([
      [97, 98],
      [32, 256],
    ]);
    const encoder = BytePairEncoder.train('ab ab ab cd', { vocabularySize: 1000, minFrequency: 1 });
    expect(encoder.merges).toEqual([
      [97, 98],
      [32, 256],
      [32, 99],
      [258, 100],
    ]);
    expect(encoder.vocabularySize).toBe(260);
    expect(encoder.encode('ab ab cd')).toEqual([256, 257, 259]);
    expect(encoder.encode('ba')).toEqual([98, 97]);
    expect(BytePairEncoder.train('ab ab ab cd', { vocabularySize: 257, minFrequency: 1 }).merges).toEqual([[97, 98]]);
  });

  it('matches a full-recount reference trainer merge for merge', () => {
    const corpus = syntheticCorpus(20_000, 7);
    const reference = trainByFullRecount(corpus, 150, 2);
    const encoder = BytePairEncoder.train(corpus, { vocabularySize: 256 + 150 });
    expect(encoder.merges).toEqual(reference);
    // Encoding the training text reproduces the segmentation training ended with.
    const ids = encoder.encode(corpus);
    expect(ids.length).toBeLessThan(new TextEncoder().encode(corpus).length * 0.6);
    expect(encoder.decode(ids)).toBe(corpus);
  });

  it('round-trips random Unicode strings exactly (emoji, combining marks, CJK, odd spaces)', () => {
    const random = createRandom(123);
    const training = Array.from({ length: 50 }, () => randomString(random, 80));
    const encoder = BytePairEncoder.train(training, {
      vocabularySize: 600,
      minFrequency: 1,
      specialTokens: ['<|endoftext|>'],
    });
    for (let trial = 0; trial < 300; trial++) {
      const text = randomString(random, Math.floor(random() * 60));
      const ids = encoder.encode(text);
      expect(encoder.decode(ids)).toBe(text);
      for (const id of ids) expect(id).toBeLessThan(encoder.vocabularySize);
    }
    const family = '👩\u200d👩\u200d👧 e\u0301\u0323 ñ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    expect(encoder.decode(encoder.encode(family))).toBe(family);
    expect(encoder.encode('')).toEqual([]);
    expect(encoder.decode([])).toBe('');
  });

  it('keeps special tokens whole and out of training', () => {
    const corpus = 'one<|endoftext|>two<|endoftext|>one<|endoftext|>';
    const encoder = BytePairEncoder.train(corpus, { vocabularySize: 300, specialTokens: ['<|endoftext|>', '<|pad|>'] });
    const endOfText = encoder.specialTokenId('<|endoftext|>') as number;
    expect(endOfText).toBe(256 + encoder.merges.length);
    expect(encoder.specialTokenId('<|pad|>')).toBe(endOfText + 1);
    expect(encoder.vocabularySize).toBe(encoder.merges.length + 258);
    const ids = encoder.encode('one<|endoftext|><|pad|>');
    expect(ids.slice(-2)).toEqual([endOfText, endOfText + 1]);
    expect(encoder.decode(ids)).toBe('one<|endoftext|><|pad|>');
    // No merge spans bytes of '<|', which occur only inside special tokens.
    expect(encoder.merges).not.toContainEqual([60, 124]);
  });

  it('round-trips through JSON and rejects hostile JSON', () => {
    const encoder = BytePairEncoder.train(syntheticCorpus(5_000, 3), { vocabularySize: 400, specialTokens: ['<s>'] });
    const restored = BytePairEncoder.fromJSON(JSON.stringify(encoder));
    const probe = 'the quick brown fox<s> 42, é';
    expect(restored.encode(probe)).toEqual(encoder.encode(probe));
    expect(restored.toJSON()).toEqual(encoder.toJSON());
    const cases: Array<[unknown, RegExp]> = [
      ['nope', /not valid JSON/],
      [{ className: 'Tokenizer', merges: [], specialTokens: [] }, /className/],
      [{ className: 'BytePairEncoder', merges: {}, specialTokens: [] }, /merges must be an array/],
      [{ className: 'BytePairEncoder', merges: [[97]], specialTokens: [] }, /merges\[0\] must be a pair/],
      [
        { className: 'BytePairEncoder', merges: [[97, 256]], specialTokens: [] },
        /merges\[0\]\[1\] must be an integer from 0 to 255/,
      ],
      [{ className: 'BytePairEncoder', merges: [[1, -1]], specialTokens: [] }, /merges\[0\]\[1\]/],
      [
        {
          className: 'BytePairEncoder',
          merges: [
            [1, 2],
            [1, 2],
          ],
          specialTokens: [],
        },
        /repeats the pair/,
      ],
      [{ className: 'BytePairEncoder', merges: [], specialTokens: [3] }, /specialTokens\[0\] must be a string/],
      [{ className: 'BytePairEncoder', merges: [], specialTokens: ['a', 'a'] }, /listed twice/],
      [{ className: 'BytePairEncoder', merges: [], specialTokens: [''] }, /non-empty/],
      [{ className: 'BytePairEncoder', specialTokens: [] }, /merges must be an array/],
    ];
    for (const [json, message] of cases) {
      expect(() => BytePairEncoder.fromJSON(json as Record<string, unknown>)).toThrow(InvalidArgumentError);
      expect(() => BytePairEncoder.fromJSON(json as Record<string, unknown>)).toThrow(message);
    }
  });

  it('rejects bad options and ids', () => {
    expect(() => BytePairEncoder.train('abc', { vocabularySize: 255 })).toThrow(
      /vocabularySize must be an integer from 256/,
    );
    expect(() => BytePairEncoder.train('abc', { vocabularySize: 256, specialTokens: ['x'] })).toThrow(/from 257/);
    expect(() => BytePairEncoder.train('abc', { vocabularySize: 300, minFrequency: 0 })).toThrow(/minFrequency/);
    expect(() => BytePairEncoder.train(5 as unknown as string, { vocabularySize: 300 })).toThrow(/corpus/);
    const encoder = BytePairEncoder.train('abab', { vocabularySize: 257 });
    expect(() => encoder.decode([257])).toThrow(/from 0 to 256/);
    expect(() => encoder.decode([1.5])).toThrow(InvalidArgumentError);
    expect(() => encoder.encode(7 as unknown as string)).toThrow(/expected a string/);
  });

  it('trains 1000 merges on a 1 MB corpus in a few seconds', () => {
    const corpus = syntheticCorpus(1_000_000, 11);
    const started = performance.now();
    const encoder = BytePairEncoder.train(corpus, { vocabularySize: 256 + 1000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`BytePairEncoder.train: 1 MB, ${encoder.merges.length} merges in ${seconds.toFixed(2)} s`);
    expect(encoder.merges.length).toBe(1000);
    // Generous for a loaded 2-core machine; measured well under this (see the log line).
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
