import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBackends, removeBackend, setBackend } from '@tessera/core';
import { DEBIAN_FASHION_MNIST_DIRECTORY } from '@tessera/data';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend';
import { type TrainFashionMnistMlpOptions, trainFashionMnistMlp } from './train-fashion-mnist-mlp';

/** Why this file cannot run here (printed, then the suite skips), or null. */
async function findSkipReason(): Promise<string | null> {
  // Only the Debian install is used: the test must never download 30 MB from the network.
  if (!existsSync(DEBIAN_FASHION_MNIST_DIRECTORY)) {
    return `${DEBIAN_FASHION_MNIST_DIRECTORY} is missing (install it with \`apt-get install dataset-fashion-mnist\`)`;
  }
  try {
    await selectBackend('webgpu');
    await setBackend('cpu');
    return null;
  } catch (error) {
    const reason = `no WebGPU backend: ${(error as Error).message}`;
    // CI sets this after installing lavapipe: there a missing adapter is a failure, not a skip.
    if (process.env.TESSERA_REQUIRE_WEBGPU === '1') throw new Error(`TESSERA_REQUIRE_WEBGPU=1 but ${reason}`);
    return reason;
  }
}

const skipReason = await findSkipReason();
if (skipReason !== null) console.warn(`Skipping the Fashion-MNIST WebGPU training test: ${skipReason}`);

describe.skipIf(skipReason !== null)('trainFashionMnistMlp on WebGPU', () => {
  afterAll(() => {
    // Destroys the device, so that Dawn lets the worker exit.
    if (listBackends().includes('webgpu')) removeBackend('webgpu');
  });

  it('reaches the CPU test accuracy within 1 percentage point with the same seed, and leaks nothing', async () => {
    const options: TrainFashionMnistMlpOptions = {
      trainExamples: 10_000,
      testExamples: 2000,
      epochs: 3,
      batchSize: 128,
      seed: 7,
      verbose: 0,
    };
    const onCpu = await trainFashionMnistMlp({ ...options, backend: 'cpu' });
    const folder = mkdtempSync(join(tmpdir(), 'fashion-mlp-webgpu-'));
    const onWebGpu = await trainFashionMnistMlp({ ...options, backend: 'webgpu', saveUrl: `file://${folder}` });
    rmSync(folder, { recursive: true, force: true });
    const perEpoch = (seconds: number[]) => seconds.map((value) => value.toFixed(2)).join(', ');
    console.log(
      `Fashion-MNIST MLP, 10000 train / 2000 test, 3 epochs, seed 7: ` +
        `CPU accuracy ${onCpu.testAccuracy.toFixed(4)} (s/epoch ${perEpoch(onCpu.secondsPerEpoch)}); ` +
        `WebGPU accuracy ${onWebGpu.testAccuracy.toFixed(4)} (s/epoch ${perEpoch(onWebGpu.secondsPerEpoch)})`,
    );
    // It must actually learn (10 classes: chance is 10%), not just match a broken CPU run.
    expect(onCpu.testAccuracy).toBeGreaterThan(0.75);
    expect(Math.abs(onWebGpu.testAccuracy - onCpu.testAccuracy)).toBeLessThanOrEqual(0.01);
    expect(Number.isFinite(onWebGpu.testLoss)).toBe(true);
    expect(onWebGpu.history.history.loss).toHaveLength(3);
    expect(onWebGpu.reloadedPredictsTheSame).toBe(true);
    expect(onWebGpu.leakedTensors).toBe(0);
  }, 600_000);
});
