import { all, any, argMax, argMin, max, min, prod, sum, type Tensor, tensor, transpose, zeros } from '@tessera/core';
import type { BackendCheck } from '../check';
import { sizeOf } from '../seeded-random';
import { axesSubset, INT32_EDGES } from './check-helpers';

type Reduction = (x: Tensor, axis?: number | number[] | null) => Tensor;
const FLOAT_REDUCTIONS: Array<[string, Reduction]> = [
  ['sum', sum],
  ['max', max],
  ['min', min],
  ['prod', prod],
];

/** Checks for reduce and argReduce. */
export const REDUCTION_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'reduce',
    title: 'sum, max, min and prod over random axes of random shapes (float32 and int32)',
    async run(session) {
      for (let trial = 0; trial < session.trials + 1; trial++) {
        const shape = session.random.shape(session.random.integer(1, 5), session.maxDimension);
        const axes = axesSubset(session.random, shape.length);
        const values = session.random.floats(sizeOf(shape), -1.5, 1.5);
        const integers = session.random.integers(sizeOf(shape), -5, 6);
        for (const [name, reduce] of FLOAT_REDUCTIONS) {
          await session.compare(`${name} [${shape}] over axes [${axes}]`, () => reduce(tensor(values, shape), axes));
          await session.compare(`int32 ${name} [${shape}] over axes [${axes}]`, () =>
            reduce(tensor(integers, shape, 'int32'), axes),
          );
        }
        await session.compare(`sum of a transpose over axes [${axes}]`, () =>
          sum(transpose(tensor(values, shape)), axes),
        );
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'reduce',
    title: 'any and all on bool; NaN and ±Infinity propagate; int32 sums wrap; zero-size axes',
    async run(session) {
      const flags = session.random.booleans(12);
      await session.compare('any and all', () => [
        any(tensor(flags, [3, 4], 'bool'), 1),
        all(tensor(flags, [3, 4], 'bool'), 0),
        any(tensor([0, 0, 0], [3], 'bool')),
        all(tensor([1, 1, 1], [3], 'bool')),
      ]);
      const special = [1, Number.NaN, 2, Number.POSITIVE_INFINITY, -1, 3, Number.NEGATIVE_INFINITY, 0];
      for (const [name, reduce] of FLOAT_REDUCTIONS) {
        await session.compare(`${name} with NaN and ±Infinity`, () => reduce(tensor(special, [4, 2]), 1));
      }
      await session.compare('int32 sum wraps around', () => sum(tensor(INT32_EDGES, [INT32_EDGES.length], 'int32')));
      await session.compare('sum and prod over a zero-size axis', () => [
        sum(zeros([0, 3]), 0),
        prod(zeros([2, 0]), 1),
        sum(zeros([0, 3]), 1),
      ]);
    },
  },
  {
    area: 'kernels',
    kernel: 'argReduce',
    title: 'argMax and argMin along every axis, first index on ties',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const shape = session.random.shape(session.random.integer(1, 4), session.maxDimension);
        const values = session.random.integers(sizeOf(shape), -2, 3);
        for (let axis = 0; axis < shape.length; axis++) {
          await session.compare(`argMax/argMin [${shape}] axis ${axis}`, () => [
            argMax(tensor(values, shape), axis),
            argMin(tensor(values, shape), axis),
            argMax(tensor(values, shape, 'int32'), axis),
          ]);
        }
      }
      const values = session.random.floats(12);
      await session.compare('argMax of a transpose', () => argMax(transpose(tensor(values, [3, 4])), 1));
    },
  },
];
