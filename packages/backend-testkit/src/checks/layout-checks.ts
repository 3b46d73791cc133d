import {
  add,
  concat,
  fill,
  gather,
  matmul,
  pad,
  reshape,
  scatterAdd,
  slice,
  tensor,
  transpose,
  zeros,
} from '@tessera/core';
import type { BackendCheck } from '../check';
import { sizeOf } from '../seeded-random';
import { permutation } from './check-helpers';

/** Checks for the kernels that move data: matmul, transpose, slice, pad, concat, gather, scatterAdd, fill, reshape. */
export const LAYOUT_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'matmul',
    title: 'batched with broadcast batch dimensions, both transpose flags, zero-size inner dimension',
    async run(session) {
      const random = session.random;
      for (let trial = 0; trial < session.trials + 1; trial++) {
        const [rows, inner, columns] = random.shape(3, session.maxDimension + 3);
        const batchA = random.next() < 0.5 ? [random.integer(1, 4)] : [];
        const batchB = batchA.length > 0 && random.next() < 0.5 ? [1] : batchA;
        for (const [transposeA, transposeB] of [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ] as const) {
          const shapeA = [...batchA, ...(transposeA ? [inner, rows] : [rows, inner])];
          const shapeB = [...batchB, ...(transposeB ? [columns, inner] : [inner, columns])];
          const a = random.floats(sizeOf(shapeA));
          const b = random.floats(sizeOf(shapeB));
          await session.compare(
            `matmul [${shapeA}]·[${shapeB}] transposeA=${transposeA} transposeB=${transposeB}`,
            () => matmul(tensor(a, shapeA), tensor(b, shapeB), { transposeA, transposeB }),
          );
        }
      }
      const a = random.floats(12);
      await session.compare('matmul of a transposed and a sliced operand', () =>
        matmul(transpose(tensor(a, [3, 4])), slice(tensor(a, [3, 4]), [0, 1], [3, 2])),
      );
      await session.compare('matmul with inner dimension 0 gives zeros', () => matmul(zeros([3, 0]), zeros([0, 2])));
      // int32 products wrap like Math.imul and their sums like (a + b) | 0.
      const integers = [46341, -46341, 65536, 7, 2147483647, -3, 1, 2, 65537, -65536, 3, 5];
      await session.compare('int32 matmul with wrap-around', () =>
        matmul(tensor(integers, [3, 4], 'int32'), tensor(integers, [4, 3], 'int32')),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'transpose',
    title: 'random permutations of rank 2 to 4 in every dtype, then fed to another kernel',
    async run(session) {
      for (let trial = 0; trial < session.trials + 1; trial++) {
        const shape = session.random.shape(session.random.integer(2, 5), session.maxDimension);
        const perm = permutation(session.random, shape.length);
        const values = session.random.integers(sizeOf(shape), -9, 10);
        await session.compare(`transpose [${shape}] by [${perm}]`, () => [
          transpose(tensor(values, shape), perm),
          transpose(tensor(values, shape, 'int32'), perm),
          transpose(
            tensor(
              values.map((value) => +(value > 0)),
              shape,
              'bool',
            ),
            perm,
          ),
          add(transpose(tensor(values, shape), perm), 1),
        ]);
      }
      await session.compare('transpose of [0, 3]', () => transpose(zeros([0, 3])));
    },
  },
  {
    area: 'kernels',
    kernel: 'slice',
    title: 'random windows, zero-size windows, slices of transposes',
    async run(session) {
      for (let trial = 0; trial < session.trials + 1; trial++) {
        const shape = session.random.shape(session.random.integer(1, 5), session.maxDimension);
        const begin = shape.map((dimension) => session.random.integer(0, dimension));
        const size = shape.map((dimension, axis) => session.random.integer(0, dimension - begin[axis] + 1));
        const values = session.random.floats(sizeOf(shape));
        await session.compare(`slice [${shape}] at [${begin}] size [${size}]`, () => [
          slice(tensor(values, shape), begin, size),
          slice(tensor(values.map(Math.round), shape, 'int32'), begin, size),
        ]);
      }
      const values = session.random.floats(20);
      await session.compare('slice of a transpose', () => slice(transpose(tensor(values, [4, 5])), [1, 1], [3, 2]));
    },
  },
  {
    area: 'kernels',
    kernel: 'pad',
    title: 'random paddings and constants, int32, zero-size inputs',
    async run(session) {
      for (let trial = 0; trial < session.trials + 1; trial++) {
        const shape = session.random.shape(session.random.integer(1, 4), session.maxDimension);
        const paddings = shape.map((): [number, number] => [
          session.random.integer(0, 3),
          session.random.integer(0, 3),
        ]);
        const values = session.random.floats(sizeOf(shape));
        await session.compare(`pad [${shape}] by ${JSON.stringify(paddings)}`, () => [
          pad(tensor(values, shape), paddings, 1.5),
          pad(tensor(values.map(Math.round), shape, 'int32'), paddings, -3),
        ]);
      }
      await session.compare('pad of [0, 2]', () =>
        pad(
          zeros([0, 2]),
          [
            [1, 1],
            [0, 1],
          ],
          2,
        ),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'concat',
    title: 'along every axis, with a zero-size part and a transposed part',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const shape = session.random.shape(session.random.integer(1, 4), session.maxDimension);
        for (let axis = 0; axis < shape.length; axis++) {
          const parts = [1, 2, 0].map((extent) =>
            shape.map((dimension, index) => (index === axis ? extent : dimension)),
          );
          const values = parts.map((part) => session.random.floats(sizeOf(part)));
          await session.compare(`concat along ${axis} of ${parts.map((part) => `[${part}]`).join(' ')}`, () => [
            concat(
              parts.map((part, index) => tensor(values[index], part)),
              axis,
            ),
            concat(
              parts.map((part, index) => tensor(values[index].map(Math.round), part, 'int32')),
              axis,
            ),
          ]);
        }
      }
      const values = session.random.floats(6);
      await session.compare('concat of a transpose', () =>
        concat([transpose(tensor(values, [2, 3])), tensor(values, [3, 2])], 1),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'gather',
    title: 'repeated indices along every axis, int32 values, a transposed source',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const shape = session.random.shape(session.random.integer(1, 4), session.maxDimension);
        for (let axis = 0; axis < shape.length; axis++) {
          const indices = session.random.integers(5, 0, shape[axis]);
          const values = session.random.floats(sizeOf(shape));
          await session.compare(`gather [${shape}] along ${axis} at [${indices}]`, () => [
            gather(tensor(values, shape), tensor(indices, [5], 'int32'), axis),
            gather(tensor(values.map(Math.round), shape, 'int32'), tensor(indices, [5], 'int32'), axis),
          ]);
        }
      }
      const values = session.random.floats(12);
      await session.compare('gather from a transpose, with no indices', () => [
        gather(transpose(tensor(values, [3, 4])), tensor([3, 0, 3], [3], 'int32'), 0),
        gather(tensor(values, [3, 4]), tensor([], [0], 'int32'), 1),
      ]);
    },
  },
  {
    area: 'kernels',
    kernel: 'scatterAdd',
    title: 'duplicate indices sum, along axis 0 and 1',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const width = session.random.integer(1, session.maxDimension + 1);
        const indices = session.random.integers(6, 0, 4);
        const updates = session.random.floats(6 * width);
        await session.compare(`scatterAdd [6, ${width}] into 4 rows at [${indices}]`, () => [
          scatterAdd(tensor(updates, [6, width]), tensor(indices, [6], 'int32'), 4, 0),
          scatterAdd(tensor(updates, [width, 6]), tensor(indices, [6], 'int32'), 4, 1),
        ]);
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'fill',
    title: 'every dtype; zero-size and scalar shapes; NaN',
    async run(session) {
      await session.compare('fill', () => [
        fill([2, 3], 1.5, 'float32'),
        fill([4], -3, 'int32'),
        fill([3], true, 'bool'),
        fill([], Number.NaN, 'float32'),
        fill([0, 4], 7, 'float32'),
      ]);
    },
  },
  {
    area: 'kernels',
    kernel: 'reshape',
    title: 'reshaped results (also of transposes) feed later kernels; the input survives',
    async run(session) {
      const values = session.random.floats(24);
      await session.compare('reshape then add', () => {
        const input = tensor(values, [2, 3, 4]);
        return [add(reshape(input, [6, 4]), 1), input, reshape(transpose(input), [4, 6])];
      });
      await session.compare('reshape of zero-size', () => reshape(zeros([0, 6]), [3, 0, 2]));
    },
  },
];
