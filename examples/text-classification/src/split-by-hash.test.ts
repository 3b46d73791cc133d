import { describe, expect, it } from 'vitest';
import { fnv1a, splitByHash } from './split-by-hash';

describe('splitByHash', () => {
  it('uses the standard 32-bit FNV-1a hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('keeps equal keys on one side and sends about testPercent of the keys to test', () => {
    const items = Array.from({ length: 4000 }, (_, position) => `key ${position % 2000}`);
    const { train, test } = splitByHash(items, (item) => item, 20);
    expect(train.length + test.length).toBe(items.length);
    const testKeys = new Set(test);
    expect(train.some((item) => testKeys.has(item))).toBe(false);
    expect(test.length / items.length).toBeGreaterThan(0.16);
    expect(test.length / items.length).toBeLessThan(0.24);
  });
});
