import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAN_DIRECTORY } from './man-page-corpus';
import { trainTextClassifier } from './train-text-classifier';

// The corpus is the system's own manual; containers built with dpkg's path-exclude for man pages have none.
const hasCorpus = ['man1', 'man2', 'man3'].every((folder) => existsSync(join(MAN_DIRECTORY, folder)));
if (!hasCorpus) {
  console.log(`Skipping the text-classification training test: no man pages under ${MAN_DIRECTORY}`);
  console.log('(install them with `apt-get install man-db manpages manpages-dev` on a system that keeps man pages)');
}

describe.skipIf(!hasCorpus)('trainTextClassifier', () => {
  it('beats the majority class clearly after 2 epochs on 40% of the pages, and leaks nothing', async () => {
    const result = await trainTextClassifier({
      fraction: 0.4,
      epochs: 2,
      baselineEpochs: 4,
      lstmUnits: 16,
      embeddingDim: 16,
    });
    const testCount = Object.values(result.testCounts).reduce((sum, count) => sum + count, 0);
    expect(testCount).toBeGreaterThan(100);
    expect(Object.values(result.trainCounts).every((count) => count > 0)).toBe(true);
    expect(result.majorityAccuracy).toBeLessThan(0.5);
    expect(result.modelAccuracy).toBeGreaterThan(result.majorityAccuracy + 0.1);
    expect(result.bagOfWordsAccuracy).toBeGreaterThan(result.majorityAccuracy + 0.1);
    expect(result.leakedTensors).toBe(0);
  }, 120_000);
});
