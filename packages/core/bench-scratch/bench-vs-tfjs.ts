// Kernel-level timings of the workloads against tfjs's cpu backend, same process, CPU time.
import * as tf from '@tensorflow/tfjs';
import { createCpuBackend } from '../src/backends/cpu/create-cpu-backend';

await tf.setBackend('cpu');
const backend = createCpuBackend();
const write = (shape: number[]) => ({ dataId: backend.storage.write(new Float32Array(shape.reduce((p, d) => p * d, 1)).map(() => Math.random() - 0.5), 'float32'), shape, dtype: 'float32' as const });
const dispose = (info: { dataId: object }) => backend.storage.dispose(info.dataId);
function time(label: string, run: () => void, minimumSeconds = 1): number {
  run();
  let best = Infinity;
  const deadline = process.cpuUsage().user + minimumSeconds * 1e6;
  do {
    const start = process.cpuUsage().user;
    run();
    best = Math.min(best, (process.cpuUsage().user - start) / 1e3);
  } while (process.cpuUsage().user < deadline);
  console.log(`${label.padEnd(44)} ${best.toFixed(2)} ms`);
  return best;
}
const which = process.env.ONLY ?? 'mlp,conv';

if (which.includes('mlp')) {
  // The matmuls of one MLP 784-128-10 training step at batch 128: forward, and both gradients of each layer.
  const shapes: Array<[number[], number[], boolean, boolean]> = [
    [[128, 784], [784, 128], false, false], [[128, 128], [128, 10], false, false],
    [[128, 128], [128, 10], true, false], [[128, 10], [128, 10], false, true],
    [[128, 784], [128, 128], true, false], [[128, 128], [784, 128], false, true],
  ];
  const ours = shapes.map(([aShape, bShape, transposeA, transposeB]) => ({ a: write(aShape), b: write(bShape), transposeA, transposeB }));
  const theirs = shapes.map(([aShape, bShape, transposeA, transposeB]) => ({ a: tf.randomNormal(aShape), b: tf.randomNormal(bShape), transposeA, transposeB }));
  const tessera = time('tessera: 6 matmuls of an MLP step', () => {
    for (const { a, b, transposeA, transposeB } of ours) dispose(backend.kernels.matmul({ a, b }, { transposeA, transposeB }));
  });
  const tfjs = time('tfjs cpu: same 6 matmuls', () => {
    for (const { a, b, transposeA, transposeB } of theirs) tf.matMul(a, b, transposeA, transposeB).dataSync() && undefined;
    tf.disposeVariables();
  });
  console.log(`  speed-up ${(tfjs / tessera).toFixed(1)}x`);
  const t512 = { a: write([512, 512]), b: write([512, 512]) };
  const f512 = [tf.randomNormal([512, 512]), tf.randomNormal([512, 512])];
  const ms = time('tessera matmul 512', () => dispose(backend.kernels.matmul(t512, { transposeA: false, transposeB: false })));
  const msTf = time('tfjs cpu matmul 512', () => { const r = tf.matMul(f512[0], f512[1]); r.dataSync(); r.dispose(); });
  console.log(`  ${(2 * 512 ** 3 / ms / 1e6).toFixed(2)} vs ${(2 * 512 ** 3 / msTf / 1e6).toFixed(2)} GFLOP/s`);
}

if (which.includes('conv')) {
  const attributes = { strides: [1, 1] as [number, number], dilations: [1, 1] as [number, number], padding: [1, 1, 1, 1] as [number, number, number, number] };
  const x = write([64, 28, 28, 32]);
  const filter = write([3, 3, 32, 64]);
  const dy = write([64, 28, 28, 64]);
  const forward = time('tessera conv2d forward', () => dispose(backend.kernels.conv2d!({ x, filter }, attributes)), 3);
  const input = time('tessera conv2dBackpropInput', () => dispose(backend.kernels.conv2dBackpropInput!({ dy, filter }, { ...attributes, inputShape: [64, 28, 28, 32] })), 3);
  const filterGradient = time('tessera conv2dBackpropFilter', () => dispose(backend.kernels.conv2dBackpropFilter!({ x, dy }, { ...attributes, filterShape: [3, 3, 32, 64] })), 3);
  console.log(`  tessera forward+backward ${(forward + input + filterGradient).toFixed(0)} ms, ${(3 * 2 * 64 * 784 * 64 * 288 / (forward + input + filterGradient) / 1e6).toFixed(2)} GFLOP/s`);
  if (!process.env.SKIP_TFJS_CONV) {
    const tx = tf.randomNormal([64, 28, 28, 32]) as tf.Tensor4D;
    const tw = tf.randomNormal([3, 3, 32, 64]) as tf.Tensor4D;
    const tdy = tf.randomNormal([64, 28, 28, 64]) as tf.Tensor4D;
    const f = time('tfjs cpu conv2d forward', () => { const r = tf.conv2d(tx, tw, 1, 'same'); r.dataSync(); r.dispose(); }, 1);
    const i = time('tfjs cpu conv2dDerInput', () => { const r = tf.conv2dTranspose(tdy, tw, [64, 28, 28, 32], 1, 'same'); r.dataSync(); r.dispose(); }, 1);
    const w = time('tfjs cpu conv2dDerFilter', () => { const r = tf.grad((filterValue: tf.Tensor4D) => tf.conv2d(tx, filterValue, 1, 'same').mul(tdy).sum())(tw); r.dataSync(); r.dispose(); }, 1);
    console.log(`  tfjs forward+backward ~${(f + i + w).toFixed(0)} ms (filter-gradient timing includes a forward pass); speed-up ${((f + i + w) / (forward + input + filterGradient)).toFixed(1)}x`);
  }
}
