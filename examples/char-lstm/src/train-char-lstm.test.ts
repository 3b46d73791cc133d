import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_LICENSE_DIRECTORY } from './license-corpus';
import { trainCharLstm } from './train-char-lstm';

// base-files ships the license texts on every Debian system; elsewhere the test says why it is skipped.
const hasCorpus = existsSync(DEBIAN_LICENSE_DIRECTORY);
if (!hasCorpus) console.log(`Skipping the char-LSTM training test: ${DEBIAN_LICENSE_DIRECTORY} is missing`);

describe.skipIf(!hasCorpus)('trainCharLstm', () => {
  it('learns 4 KB of license text in 20 steps, samples, and resumes exactly from a saved model', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'char-lstm-'));
    try {
      // 4096 characters are 63 windows of 64: two batches of 32 per epoch, so 10 epochs are 20 steps.
      const result = await trainCharLstm({
        maxCharacters: 4096,
        epochs: 10,
        sampleLength: 30,
        saveUrl: `file://${folder}`,
      });
      const losses = result.epochs.flatMap((epoch) => epoch.stepLosses);
      expect(losses).toHaveLength(20);
      // An untrained model is near ln(vocabularySize) ≈ 4.2; 20 Adam steps must bring it well below.
      expect(losses[0]).toBeGreaterThan(Math.log(result.vocabularySize) - 0.2);
      expect(result.epochLosses.at(-1)).toBeLessThan(3.4);
      expect(result.epochLosses.at(-1)).toBeLessThan(result.epochLosses[0] - 0.5);

      expect(result.samples.map((sample) => sample.temperature)).toEqual([0.5, 1.0]);
      for (const sample of result.samples) {
        expect(Array.from(sample.text)).toHaveLength(30);
        expect(sample.text).not.toContain('\uFFFD');
      }

      expect(result.resumedEpoch.stepLosses).toHaveLength(2);
      expect(result.resumedEpoch.stepLosses).toEqual(result.uninterruptedEpoch.stepLosses);
      expect(result.resumeMatches).toBe(true);
      // Resuming continues from the trained state rather than from scratch.
      expect(result.resumedEpoch.stepLosses[0]).toBeLessThan(result.epochLosses[0]);
      expect(result.leakedTensors).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
