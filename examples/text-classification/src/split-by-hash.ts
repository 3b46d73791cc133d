/** 32-bit FNV-1a: a fixed, platform-independent hash, so the split is the same on every machine and run. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < text.length; position++) {
    hash ^= text.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface HashSplit<T> {
  train: T[];
  test: T[];
}

/**
 * Puts each item in the test set when the hash of its key falls in the first `testPercent` of 100 buckets. Items
 * with equal keys always land on the same side, which is what keeps duplicates from straddling the split.
 */
export function splitByHash<T>(items: readonly T[], keyOf: (item: T) => string, testPercent: number): HashSplit<T> {
  const train: T[] = [];
  const test: T[] = [];
  for (const item of items) (fnv1a(keyOf(item)) % 100 < testPercent ? test : train).push(item);
  return { train, test };
}
