import { preSplitText } from './pre-split-text';

/** Pair keys pack two token ids into one number; ids stay below this (checked by the caller). */
export const PAIR_KEY_BASE = 2 ** 21;

export function pairKey(left: number, right: number): number {
  return left * PAIR_KEY_BASE + right;
}

const encoder = new TextEncoder();

/**
 * Learns up to `mergeCount` merges from `texts`. Each distinct pre-split piece is kept once with its frequency; pair
 * counts are updated only for the pieces a merge touches (found through a pair → pieces index), never recounted.
 * The chosen pair is the most frequent; ties go to the smallest (left, right) ids, so training is deterministic.
 * Stops early when the best pair occurs fewer than `minFrequency` times.
 */
export function trainBytePairs(
  texts: readonly string[],
  mergeCount: number,
  minFrequency: number,
): Array<[number, number]> {
  const pieceCounts = new Map<string, number>();
  for (const text of texts) {
    for (const piece of preSplitText(text)) pieceCounts.set(piece, (pieceCounts.get(piece) ?? 0) + 1);
  }
  const words: number[][] = [];
  const frequencies: number[] = [];
  for (const [piece, count] of pieceCounts) {
    const bytes = encoder.encode(piece);
    if (bytes.length < 2) continue; // a single byte can never take part in a merge
    words.push(Array.from(bytes));
    frequencies.push(count);
  }
  const pairCounts = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  const addPairs = (wordPosition: number, sign: 1 | -1) => {
    const word = words[wordPosition];
    const frequency = frequencies[wordPosition] * sign;
    for (let position = 0; position + 1 < word.length; position++) {
      const key = pairKey(word[position], word[position + 1]);
      const count = (pairCounts.get(key) ?? 0) + frequency;
      if (count === 0) pairCounts.delete(key);
      else pairCounts.set(key, count);
      if (sign === 1) {
        let holders = pairWords.get(key);
        if (!holders) {
          holders = new Set();
          pairWords.set(key, holders);
        }
        holders.add(wordPosition);
      }
    }
  };
  for (let wordPosition = 0; wordPosition < words.length; wordPosition++) addPairs(wordPosition, 1);

  const merges: Array<[number, number]> = [];
  while (merges.length < mergeCount) {
    let bestKey = -1;
    let bestCount = 0;
    for (const [key, count] of pairCounts) {
      if (count > bestCount || (count === bestCount && key < bestKey)) {
        bestKey = key;
        bestCount = count;
      }
    }
    if (bestKey < 0 || bestCount < minFrequency) break;
    const left = Math.floor(bestKey / PAIR_KEY_BASE);
    const right = bestKey - left * PAIR_KEY_BASE;
    const merged = 256 + merges.length;
    merges.push([left, right]);
    // Holder sets are never pruned, so some listed pieces may no longer contain the pair; mergePair leaves those alone.
    for (const wordPosition of pairWords.get(bestKey) ?? []) {
      const replacement = mergePair(words[wordPosition], left, right, merged);
      if (replacement === words[wordPosition]) continue;
      addPairs(wordPosition, -1);
      words[wordPosition] = replacement;
      addPairs(wordPosition, 1);
    }
    pairWords.delete(bestKey);
  }
  return merges;
}

/** Replaces each non-overlapping (left, right), scanning left to right; returns `tokens` itself when none occur. */
export function mergePair(tokens: number[], left: number, right: number, merged: number): number[] {
  let result: number[] | null = null;
  for (let position = 0; position < tokens.length; position++) {
    if (position + 1 < tokens.length && tokens[position] === left && tokens[position + 1] === right) {
      result ??= tokens.slice(0, position);
      result.push(merged);
      position++;
    } else if (result) {
      result.push(tokens[position]);
    }
  }
  return result ?? tokens;
}
