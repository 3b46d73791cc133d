import type { DType, ReduceOp } from '@tessera/core/backend';
import { afterAll, describe, it } from 'vitest';
import { expectKernelMatchesCpu, type HostTensor } from './test-support/kernel-comparison';
import { randomArray, randomShape, seededRandom } from './test-support/random-values';
import { createTestBackend, reportSkip } from './test-support/webgpu-test-backend';

const { backend, skipReason } = await createTestBackend();
reportSkip('structural kernels', skipReason);
afterAll(() => backend?.destroy?.());

const random = seededRandom(11);
const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const randomTensor = (shape: number[], dtype: DType, range = 4): HostTensor => ({
  values: randomArray(random, sizeOf(shape), dtype, range),
  shape,
  dtype,
});
/** Every subset of the axes of a rank-`rank` tensor, as sorted lists. */
const axisSubsets = (rank: number) =>
  Array.from({ length: 2 ** rank }, (_, mask) => [...Array(rank).keys()].filter((axis) => mask & (1 << axis)));
const SUM_TOLERANCE = { absolute: 1e-4, relative: 1e-5 };

describe.skipIf(backend === null)('webgpu reduce and argReduce kernels', () => {
  const gpu = backend!;
  const ops: ReduceOp[] = ['sum', 'max', 'min', 'prod'];
  it.each(ops)('%s over every axis subset of random rank-3 tensors, float32 and int32', async (op) => {
    for (const dtype of ['float32', 'int32'] as DType[]) {
      const shape = randomShape(random, 3);
      const x = randomTensor(shape, dtype, op === 'prod' ? 2 : 4);
      for (const axes of axisSubsets(3))
        await expectKernelMatchesCpu(gpu, 'reduce', { x }, { op, axes }, SUM_TOLERANCE);
    }
  });

  it.each(['any', 'all'] as ReduceOp[])('%s over bool tensors', async (op) => {
    const x = randomTensor([3, 4, 2], 'bool');
    for (const axes of axisSubsets(3)) await expectKernelMatchesCpu(gpu, 'reduce', { x }, { op, axes });
  });

  it('handles large, zero-size and NaN inputs; int32 sums wrap', async () => {
    await expectKernelMatchesCpu(
      gpu,
      'reduce',
      { x: randomTensor([70000], 'float32') },
      { op: 'sum', axes: [0] },
      {
        absolute: 1e-2,
        relative: 1e-5,
      },
    );
    await expectKernelMatchesCpu(gpu, 'reduce', { x: randomTensor([300, 257], 'float32') }, { op: 'max', axes: [1] });
    // More output rows (one workgroup each) than one dimension of workgroups holds.
    await expectKernelMatchesCpu(gpu, 'reduce', { x: randomTensor([70000, 2], 'float32') }, { op: 'sum', axes: [1] });
    await expectKernelMatchesCpu(gpu, 'reduce', { x: randomTensor([0, 3], 'float32') }, { op: 'sum', axes: [0] });
    await expectKernelMatchesCpu(gpu, 'reduce', { x: randomTensor([3, 0], 'float32') }, { op: 'max', axes: [1] });
    await expectKernelMatchesCpu(gpu, 'reduce', { x: randomTensor([0, 3], 'float32') }, { op: 'sum', axes: [1] });
    const withNaN: HostTensor = { values: [1, Number.NaN, 3, -Infinity, 2, 5], shape: [2, 3], dtype: 'float32' };
    for (const op of ['sum', 'max', 'min', 'prod'] as ReduceOp[]) {
      await expectKernelMatchesCpu(gpu, 'reduce', { x: withNaN }, { op, axes: [1] });
      await expectKernelMatchesCpu(gpu, 'reduce', { x: withNaN }, { op, axes: [0] });
    }
    const big: HostTensor = { values: [2147483647, 2147483647, 5, -2147483648], shape: [4], dtype: 'int32' };
    await expectKernelMatchesCpu(gpu, 'reduce', { x: big }, { op: 'sum', axes: [0] });
    await expectKernelMatchesCpu(gpu, 'reduce', { x: big }, { op: 'prod', axes: [0] });
  });

  it.each(['argMax', 'argMin'] as const)('%s along each axis, ties and NaN like the CPU backend', async (op) => {
    for (const dtype of ['float32', 'int32'] as DType[]) {
      const x = randomTensor([3, 4, 5], dtype, 2);
      for (const axis of [0, 1, 2]) await expectKernelMatchesCpu(gpu, 'argReduce', { x }, { op, axis });
    }
    const special: HostTensor = {
      values: [1, 3, 3, Number.NaN, 2, Number.NaN, -Infinity, 0],
      shape: [2, 4],
      dtype: 'float32',
    };
    await expectKernelMatchesCpu(gpu, 'argReduce', { x: special }, { op, axis: 1 });
    await expectKernelMatchesCpu(gpu, 'argReduce', { x: special }, { op, axis: 0 });
  });
});

describe.skipIf(backend === null)('webgpu matmul kernel', () => {
  const gpu = backend!;
  const cases: Array<[number[], number[], boolean, boolean]> = [
    [[3, 4], [4, 5], false, false],
    [[4, 3], [4, 5], true, false],
    [[3, 4], [5, 4], false, true],
    [[4, 3], [5, 4], true, true],
    [[2, 67, 33], [33, 70], false, false],
    [[2, 1, 5, 6], [3, 6, 2], false, false],
    [[130, 17], [17, 129], false, false],
    // More batch offsets than one parameter batch holds: the parameter buffer grows.
    [[9000, 1, 2], [9000, 2, 1], false, false],
    [[0, 4], [4, 3], false, false],
    [[3, 0], [0, 2], false, false],
  ];
  it.each(cases)(
    '%j × %j (transposeA %s, transposeB %s) for float32 and int32',
    async (aShape, bShape, transposeA, transposeB) => {
      await expectKernelMatchesCpu(
        gpu,
        'matmul',
        { a: randomTensor(aShape, 'float32'), b: randomTensor(bShape, 'float32') },
        { transposeA, transposeB },
        SUM_TOLERANCE,
      );
      await expectKernelMatchesCpu(
        gpu,
        'matmul',
        { a: randomTensor(aShape, 'int32', 50), b: randomTensor(bShape, 'int32', 50) },
        { transposeA, transposeB },
      );
    },
  );

  it('wraps int32 products and sums', async () => {
    const a: HostTensor = { values: [65536, 2147483647, 3, -2147483648], shape: [2, 2], dtype: 'int32' };
    await expectKernelMatchesCpu(gpu, 'matmul', { a, b: a }, { transposeA: false, transposeB: false });
  });
});

describe.skipIf(backend === null)('webgpu layout kernels', () => {
  const gpu = backend!;
  it.each(['float32', 'int32', 'bool'] as DType[])('transpose, slice, pad and concat on %s', async (dtype) => {
    const x = randomTensor([2, 3, 4], dtype);
    for (const perm of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [0, 2, 1],
    ])
      await expectKernelMatchesCpu(gpu, 'transpose', { x }, { perm });
    await expectKernelMatchesCpu(gpu, 'slice', { x }, { begin: [1, 0, 1], size: [1, 3, 2] });
    await expectKernelMatchesCpu(gpu, 'slice', { x }, { begin: [0, 2, 0], size: [2, 0, 4] });
    await expectKernelMatchesCpu(
      gpu,
      'pad',
      { x },
      {
        paddings: [
          [1, 0],
          [0, 2],
          [3, 1],
        ],
        value: 1,
      },
    );
    await expectKernelMatchesCpu(
      gpu,
      'pad',
      { x: randomTensor([0, 2], dtype) },
      {
        paddings: [
          [1, 1],
          [0, 1],
        ],
        value: 1,
      },
    );
    const others = [randomTensor([2, 1, 4], dtype), randomTensor([2, 0, 4], dtype), randomTensor([2, 5, 4], dtype)];
    await expectKernelMatchesCpu(gpu, 'concat', { tensors: [x, ...others] }, { axis: 1 });
    await expectKernelMatchesCpu(gpu, 'concat', { tensors: [x, x] }, { axis: 0 });
    await expectKernelMatchesCpu(gpu, 'concat', { tensors: [x, randomTensor([2, 3, 1], dtype)] }, { axis: 2 });
  });

  it('broadcastTo repeats along new and size-1 axes', async () => {
    await expectKernelMatchesCpu(gpu, 'broadcastTo', { x: randomTensor([3, 1], 'float32') }, { shape: [2, 3, 4] });
    await expectKernelMatchesCpu(gpu, 'broadcastTo', { x: randomTensor([], 'int32') }, { shape: [5] });
    await expectKernelMatchesCpu(gpu, 'broadcastTo', { x: randomTensor([1, 2], 'bool') }, { shape: [0, 2] });
  });

  it('pads float32 with NaN and -0 exactly', async () => {
    const result = await expectKernelMatchesCpu(
      gpu,
      'pad',
      { x: randomTensor([2], 'float32') },
      { paddings: [[1, 1]], value: -0 },
    );
    if (!Object.is(result.values[0], -0)) throw new Error('pad lost the sign of -0');
    await expectKernelMatchesCpu(
      gpu,
      'pad',
      { x: randomTensor([2], 'float32') },
      { paddings: [[2, 0]], value: Number.NaN },
    );
  });

  it('gather and scatterAdd along each axis, out-of-range indices skipped, duplicates summed', async () => {
    const x = randomTensor([3, 4, 2], 'float32');
    const indices: HostTensor = { values: [1, 0, 1, 3, 9, -1], shape: [2, 3], dtype: 'int32' };
    for (const axis of [0, 1, 2]) {
      await expectKernelMatchesCpu(gpu, 'gather', { x, indices }, { axis });
      const updatesShape = [...x.shape.slice(0, axis), 2, 3, ...x.shape.slice(axis + 1)];
      for (const dtype of ['float32', 'int32'] as DType[]) {
        await expectKernelMatchesCpu(
          gpu,
          'scatterAdd',
          { updates: randomTensor(updatesShape, dtype), indices },
          { axis, size: 5 },
        );
      }
    }
    await expectKernelMatchesCpu(
      gpu,
      'gather',
      { x: randomTensor([4, 3], 'int32'), indices: { values: [], shape: [0], dtype: 'int32' } },
      { axis: 0 },
    );
  });
});

describe.skipIf(backend === null)('webgpu optional kernels: softmax, logSoftmax, fusedMatmul', () => {
  const gpu = backend!;
  it.each(['softmax', 'logSoftmax'] as const)(
    '%s along each axis, large logits and -Infinity included',
    async (name) => {
      const logits = randomTensor([3, 4, 70], 'float32', 30);
      for (const axis of [0, 1, 2]) await expectKernelMatchesCpu(gpu, name, { logits }, { axis }, SUM_TOLERANCE);
      const special: HostTensor = { values: [1000, 1001, -Infinity, 3, 0, 0, 0, 0], shape: [2, 4], dtype: 'float32' };
      await expectKernelMatchesCpu(gpu, name, { logits: special }, { axis: 1 }, SUM_TOLERANCE);
      await expectKernelMatchesCpu(gpu, name, { logits: randomTensor([0, 3], 'float32') }, { axis: 1 });
    },
  );

  it.each(['linear', 'relu', 'sigmoid', 'tanh'] as const)(
    'fusedMatmul with %s, bias per column, scalar and full',
    async (activation) => {
      for (const dtype of ['float32', 'int32'] as DType[]) {
        const a = randomTensor([2, 5, 7], dtype);
        const b = randomTensor([7, 66], dtype);
        for (const biasShape of [[66], [], [2, 5, 66], [5, 1]]) {
          await expectKernelMatchesCpu(
            gpu,
            'fusedMatmul',
            { a, b, bias: randomTensor(biasShape, dtype) },
            { transposeA: false, transposeB: false, activation },
            SUM_TOLERANCE,
          );
        }
        await expectKernelMatchesCpu(
          gpu,
          'fusedMatmul',
          { a: randomTensor([7, 5], dtype), b: randomTensor([3, 7], dtype), bias: randomTensor([3], dtype) },
          { transposeA: true, transposeB: true, activation },
          SUM_TOLERANCE,
        );
      }
    },
  );
});
