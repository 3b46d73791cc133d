import type { Conv2dAttributes, DType, Pool2dAttributes } from '@tessera/core/backend';
import { afterAll, describe, it } from 'vitest';
import { expectKernelMatchesCpu, type HostTensor } from './test-support/kernel-comparison';
import { randomArray, seededRandom } from './test-support/random-values';
import { createTestBackend, reportSkip } from './test-support/webgpu-test-backend';

const { backend, skipReason } = await createTestBackend();
reportSkip('convolution and pooling kernels', skipReason);
afterAll(() => backend?.destroy?.());

const random = seededRandom(5);
const TOLERANCE = { absolute: 1e-4, relative: 1e-5 };
const randomTensor = (shape: number[], dtype: DType = 'float32'): HostTensor => ({
  values: randomArray(
    random,
    shape.reduce((a, b) => a * b, 1),
    dtype,
    2,
  ),
  shape,
  dtype,
});

/** Stride, dilation and padding combinations, symmetric and not, with [batch, height, width, channels] inputs. */
const CONV_CASES: Array<[number[], number[], Conv2dAttributes]> = [
  [[2, 5, 5, 3], [3, 3, 3, 4], { strides: [1, 1], dilations: [1, 1], padding: [0, 0, 0, 0] }],
  [[1, 7, 6, 2], [3, 2, 2, 3], { strides: [2, 1], dilations: [1, 1], padding: [1, 1, 0, 1] }],
  [[2, 8, 8, 1], [2, 2, 1, 2], { strides: [1, 2], dilations: [2, 2], padding: [1, 0, 2, 1] }],
  [[1, 4, 4, 3], [1, 1, 3, 5], { strides: [1, 1], dilations: [1, 1], padding: [0, 0, 0, 0] }],
  [[1, 3, 3, 2], [3, 3, 2, 2], { strides: [3, 3], dilations: [1, 1], padding: [2, 2, 2, 2] }],
];

const POOL_CASES: Array<[number[], Pool2dAttributes]> = [
  [[2, 6, 6, 3], { poolSize: [2, 2], strides: [2, 2], padding: [0, 0, 0, 0] }],
  [[1, 5, 7, 2], { poolSize: [3, 3], strides: [1, 2], padding: [1, 1, 1, 1] }],
  [[1, 4, 4, 1], { poolSize: [3, 2], strides: [2, 1], padding: [0, 2, 1, 0] }],
  [[1, 2, 2, 2], { poolSize: [2, 2], strides: [1, 1], padding: [2, 2, 2, 2] }],
];

describe.skipIf(backend === null)('webgpu conv2d kernels', () => {
  const gpu = backend!;
  it.each(CONV_CASES)('conv2d and both gradients for x %j, filter %j, %j', async (xShape, filterShape, attributes) => {
    const x = randomTensor(xShape);
    const filter = randomTensor(filterShape);
    const forward = await expectKernelMatchesCpu(gpu, 'conv2d', { x, filter }, attributes, TOLERANCE);
    const dy = randomTensor([...forward.shape]);
    await expectKernelMatchesCpu(
      gpu,
      'conv2dBackpropInput',
      { dy, filter },
      { ...attributes, inputShape: xShape },
      TOLERANCE,
    );
    await expectKernelMatchesCpu(gpu, 'conv2dBackpropFilter', { x, dy }, { ...attributes, filterShape }, TOLERANCE);
  });
});

describe.skipIf(backend === null)('webgpu pooling kernels', () => {
  const gpu = backend!;
  it.each(POOL_CASES)('max and average pooling and their gradients for %j, %j', async (xShape, attributes) => {
    // Repeated values make ties, where the first maximum must win on both backends.
    const x: HostTensor = {
      ...randomTensor(xShape),
      values: randomArray(
        random,
        xShape.reduce((a, b) => a * b, 1),
        'int32',
        3,
      ),
    };
    const forward = await expectKernelMatchesCpu(gpu, 'maxPool2d', { x }, attributes);
    await expectKernelMatchesCpu(gpu, 'avgPool2d', { x }, attributes, TOLERANCE);
    const dy = randomTensor([...forward.shape]);
    await expectKernelMatchesCpu(gpu, 'maxPool2dBackward', { dy, x }, attributes, TOLERANCE);
    await expectKernelMatchesCpu(gpu, 'avgPool2dBackward', { dy }, { ...attributes, inputShape: xShape }, TOLERANCE);
  });
});
