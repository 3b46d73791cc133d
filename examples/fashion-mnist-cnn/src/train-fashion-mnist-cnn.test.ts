import { existsSync } from 'node:fs';
import { DEBIAN_FASHION_MNIST_DIRECTORY } from '@tessera/data';
import { describe, expect, it } from 'vitest';
import { createFashionMnistCnn, trainFashionMnistCnn } from './train-fashion-mnist-cnn';

// Only the Debian install is used here: the test must never download 30 MB from the network.
const hasData = existsSync(DEBIAN_FASHION_MNIST_DIRECTORY);
if (!hasData) {
  console.log(`Skipping the Fashion-MNIST CNN training test: ${DEBIAN_FASHION_MNIST_DIRECTORY} is missing`);
  console.log('(install it with `apt-get install dataset-fashion-mnist`)');
}

describe('createFashionMnistCnn', () => {
  it('stacks the two convolution blocks and the dense head with the Keras parameter counts', () => {
    const model = createFashionMnistCnn();
    try {
      model.build([null, 28, 28, 1]);
      const parameterCounts = model.layers.map((layer) => layer.countParams());
      // 3·3·1·32+32, 0, 3·3·32·64+64, 0, 0, 5·5·64·128+128, 128·10+10: Keras's summary for the same model.
      expect(parameterCounts).toEqual([320, 0, 18496, 0, 0, 204928, 1290]);
    } finally {
      model.dispose();
    }
  });
});

describe.skipIf(!hasData)('trainFashionMnistCnn', () => {
  it('learns a 2000-example subset to over 60% test accuracy with a flat live tensor count', async () => {
    const result = await trainFashionMnistCnn({
      trainExamples: 2000,
      testExamples: 500,
      epochs: 2,
      batchSize: 32,
      verbose: 0,
    });
    expect(result.testAccuracy).toBeGreaterThan(0.6);
    expect(Number.isFinite(result.testLoss)).toBe(true);
    expect(result.secondsPerEpoch).toHaveLength(2);
    expect(result.history.history.loss).toHaveLength(2);
    // The second epoch must not leave more tensors alive than the first: per-batch work is all freed.
    expect(result.liveTensorsAfterEpoch).toHaveLength(2);
    expect(result.liveTensorsAfterEpoch[1]).toBe(result.liveTensorsAfterEpoch[0]);
    expect(result.leakedTensors).toBe(0);
  }, 300_000);
});
