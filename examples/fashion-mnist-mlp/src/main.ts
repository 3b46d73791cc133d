/**
 * The README's main demo: the Keras-tutorial MLP (784 → 128 relu → 10 softmax, Adam) on the full Fashion-MNIST
 * set for 5 epochs with a progress bar, then test accuracy, save, reload, and a check that the reloaded model
 * predicts exactly the same. The data comes from Debian's dataset-fashion-mnist when installed, else it is
 * downloaded once (with checksums) into the cache folder. `--backend webgpu` trains on WebGPU (Dawn in Node; on a
 * machine without a GPU, the lavapipe driver from scripts/setup-lavapipe.sh); the default is the CPU backend.
 */
import { parseArgs } from 'node:util';
import { listBackends, removeBackend } from '@tessera/core';
import { BACKEND_CHOICES, type BackendChoice } from './select-backend';
import { trainFashionMnistMlp } from './train-fashion-mnist-mlp';

const { values: flags } = parseArgs({ options: { backend: { type: 'string', default: 'cpu' } } });
if (!(BACKEND_CHOICES as readonly string[]).includes(flags.backend)) {
  console.error(`--backend must be one of ${BACKEND_CHOICES.join(', ')}, got ${flags.backend}`);
  process.exit(2);
}
const backend = flags.backend as BackendChoice;

const saveUrl = 'file://./fashion-mlp';
const startedAt = performance.now();
const result = await trainFashionMnistMlp({ epochs: 5, batchSize: 128, seed: 42, verbose: 1, saveUrl, backend });
const totalSeconds = (performance.now() - startedAt) / 1000;
// Destroys the GPU device, which would otherwise keep Node's event loop alive.
if (listBackends().includes('webgpu')) removeBackend('webgpu');

console.log(`Backend: ${backend}`);
console.log(`Seconds per epoch: ${result.secondsPerEpoch.map((seconds) => seconds.toFixed(2)).join(', ')}`);
console.log(`Test accuracy: ${result.testAccuracy.toFixed(4)} - test loss: ${result.testLoss.toFixed(4)}`);
console.log(`Saved to ${saveUrl}; reloaded model predicts the same: ${result.reloadedPredictsTheSame ? 'yes' : 'NO'}`);
console.log(`Total time (loading included): ${totalSeconds.toFixed(1)}s - leaked tensors: ${result.leakedTensors}`);
if (!result.reloadedPredictsTheSame || result.leakedTensors !== 0) process.exitCode = 1;
