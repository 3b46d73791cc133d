import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_FASHION_MNIST_DIRECTORY } from '@tessera/data';
import { describe, expect, it } from 'vitest';
import { trainFashionMnistMlp } from './train-fashion-mnist-mlp';

// Only the Debian install is used here: the test must never download 30 MB from the network.
const hasData = existsSync(DEBIAN_FASHION_MNIST_DIRECTORY);
if (!hasData) {
  console.log(`Skipping the Fashion-MNIST training test: ${DEBIAN_FASHION_MNIST_DIRECTORY} is missing`);
  console.log('(install it with `apt-get install dataset-fashion-mnist`)');
}

describe.skipIf(!hasData)('trainFashionMnistMlp', () => {
  it('learns a 6000-example subset to over 75% test accuracy in 2 epochs, saves, reloads, and leaks nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fashion-mlp-'));
    const result = await trainFashionMnistMlp({
      trainExamples: 6000,
      testExamples: 1000,
      epochs: 2,
      verbose: 0,
      saveUrl: `file://${folder}`,
    });
    rmSync(folder, { recursive: true, force: true });
    expect(result.reloadedPredictsTheSame).toBe(true);
    expect(result.testAccuracy).toBeGreaterThan(0.75);
    expect(Number.isFinite(result.testLoss)).toBe(true);
    expect(result.secondsPerEpoch).toHaveLength(2);
    expect(result.history.history.loss).toHaveLength(2);
    expect(result.history.history.val_accuracy).toHaveLength(2);
    expect(result.leakedTensors).toBe(0);
  }, 120_000);
});
