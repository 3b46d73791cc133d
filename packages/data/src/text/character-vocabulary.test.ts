import { InvalidArgumentError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { CharacterVocabulary } from './character-vocabulary';

describe('CharacterVocabulary', () => {
  it('orders characters by code point after padding 0 and unknown 1', () => {
    const vocabulary = CharacterVocabulary.fromText('hello, world');
    expect(vocabulary.characters).toEqual([' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(vocabulary.size).toBe(11);
    expect(vocabulary.encode('held!')).toEqual([6, 5, 7, 4, 1]);
    expect(vocabulary.decode([0, 6, 5, 7, 4, 1, 0])).toBe('held\uFFFD');
  });

  it('treats code points as characters: emoji whole, combining marks apart', () => {
    const text = 'e\u0301😀a😀';
    const vocabulary = CharacterVocabulary.fromText([text, 'b']);
    expect(vocabulary.characters).toEqual(['a', 'b', 'e', '\u0301', '😀']);
    expect(vocabulary.encode(text)).toEqual([4, 5, 6, 2, 6]);
    expect(vocabulary.decode(vocabulary.encode(text))).toBe(text);
  });

  it('drops rare characters with minFrequency', () => {
    const vocabulary = CharacterVocabulary.fromText('aab', { minFrequency: 2 });
    expect(vocabulary.characters).toEqual(['a']);
    expect(vocabulary.encode('ab')).toEqual([2, 1]);
  });

  it('round-trips through JSON and rejects malformed JSON and input', () => {
    const vocabulary = CharacterVocabulary.fromText('xyz 😀');
    const restored = CharacterVocabulary.fromJSON(JSON.stringify(vocabulary));
    expect(restored.characters).toEqual(vocabulary.characters);
    expect(restored.encode('z😀q')).toEqual(vocabulary.encode('z😀q'));
    const cases: Array<[unknown, RegExp]> = [
      ['{', /not valid JSON/],
      [{ className: 'CharacterVocabulary' }, /characters must be an array/],
      [{ className: 'Tokenizer', characters: [] }, /className/],
      [{ className: 'CharacterVocabulary', characters: ['ab'] }, /single character/],
      [{ className: 'CharacterVocabulary', characters: [5] }, /single character/],
      [{ className: 'CharacterVocabulary', characters: ['a', 'a'] }, /twice/],
    ];
    for (const [json, message] of cases) {
      expect(() => CharacterVocabulary.fromJSON(json as Record<string, unknown>)).toThrow(InvalidArgumentError);
      expect(() => CharacterVocabulary.fromJSON(json as Record<string, unknown>)).toThrow(message);
    }
    expect(() => vocabulary.decode([vocabulary.size])).toThrow(/ids must be integers/);
    expect(() => CharacterVocabulary.fromText('a', { minFrequency: 0 })).toThrow(/minFrequency/);
    expect(() => vocabulary.encode(3 as unknown as string)).toThrow(/expected a string/);
  });
});
