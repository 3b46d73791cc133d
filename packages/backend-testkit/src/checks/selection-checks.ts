import {
  cast,
  equal,
  greater,
  greaterEqual,
  less,
  lessEqual,
  logicalAnd,
  logicalOr,
  notEqual,
  type Tensor,
  tensor,
  transpose,
  where,
} from '@tessera/core';
import type { BackendCheck } from '../check';
import { sizeOf } from '../seeded-random';
import { broadcastShapes, INT32_EDGES, SPECIAL_FLOATS } from './check-helpers';

const COMPARE_OPS: Record<string, (a: Tensor, b: Tensor) => Tensor> = {
  equal,
  notEqual,
  less,
  lessEqual,
  greater,
  greaterEqual,
};

/** Checks for compare, logical, where and cast: the kernels that produce or consume bool. */
export const SELECTION_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'compare',
    title: 'float32 and int32 comparisons with broadcasting, ties and NaN',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const [shapeA, shapeB] = broadcastShapes(session.random, session.maxDimension);
        // Small integers make ties (equal, lessEqual) frequent.
        const a = session.random.integers(sizeOf(shapeA), -2, 3);
        const b = session.random.integers(sizeOf(shapeB), -2, 3);
        for (const [op, apply] of Object.entries(COMPARE_OPS)) {
          await session.compare(`float32 ${op} [${shapeA}] with [${shapeB}]`, () =>
            apply(tensor(a, shapeA), tensor(b, shapeB)),
          );
          await session.compare(`int32 ${op}`, () => apply(tensor(a, shapeA, 'int32'), tensor(b, shapeB, 'int32')));
        }
      }
      const count = SPECIAL_FLOATS.length;
      for (const [op, apply] of Object.entries(COMPARE_OPS)) {
        await session.compare(`${op} over special values`, () =>
          apply(tensor(SPECIAL_FLOATS, [count, 1]), tensor(SPECIAL_FLOATS, [1, count])),
        );
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'logical',
    title: 'logicalAnd and logicalOr with broadcasting and a transposed operand',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const [shapeA, shapeB] = broadcastShapes(session.random, session.maxDimension);
        const a = session.random.booleans(sizeOf(shapeA));
        const b = session.random.booleans(sizeOf(shapeB));
        await session.compare(`logicalAnd [${shapeA}] with [${shapeB}]`, () =>
          logicalAnd(tensor(a, shapeA, 'bool'), tensor(b, shapeB, 'bool')),
        );
        await session.compare(`logicalOr [${shapeA}] with [${shapeB}]`, () =>
          logicalOr(tensor(a, shapeA, 'bool'), tensor(b, shapeB, 'bool')),
        );
      }
      const flags = session.random.booleans(6);
      await session.compare('logicalOr of a transpose', () =>
        logicalOr(transpose(tensor(flags, [2, 3], 'bool')), tensor(flags, [3, 2], 'bool')),
      );
    },
  },
  {
    area: 'kernels',
    kernel: 'where',
    title: 'float32, int32 and bool branches with a broadcast condition, NaN passed through',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const [shapeA, shapeB] = broadcastShapes(session.random, session.maxDimension);
        const condition = session.random.booleans(sizeOf(shapeB));
        const a = [...session.random.floats(sizeOf(shapeA) - 1), Number.NaN];
        const b = session.random.floats(sizeOf(shapeB));
        await session.compare(`where float32 [${shapeB}] ? [${shapeA}] : [${shapeB}]`, () =>
          where(tensor(condition, shapeB, 'bool'), tensor(a, shapeA), tensor(b, shapeB)),
        );
        await session.compare('where int32', () =>
          where(
            tensor(condition, shapeB, 'bool'),
            cast(tensor(a, shapeA), 'int32'),
            tensor(condition, shapeB, 'int32'),
          ),
        );
        await session.compare('where bool', () =>
          where(
            tensor(condition, shapeB, 'bool'),
            tensor(condition, shapeB, 'bool'),
            tensor(
              b.map((value) => +(value > 0)),
              shapeB,
              'bool',
            ),
          ),
        );
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'cast',
    title: 'between float32, int32 and bool (truncation toward zero, NaN is true)',
    async run(session) {
      const floats = [...session.random.floats(20, -1000, 1000), 2.5, -2.5, 0.9, -0.9, 0, -0];
      await session.compare('float32 → int32', () => cast(tensor(floats, [floats.length]), 'int32'));
      await session.compare('float32 → bool', () => cast(tensor(SPECIAL_FLOATS, [SPECIAL_FLOATS.length]), 'bool'));
      await session.compare('int32 → float32', () =>
        cast(tensor(INT32_EDGES, [INT32_EDGES.length], 'int32'), 'float32'),
      );
      await session.compare('int32 → bool', () => cast(tensor(INT32_EDGES, [INT32_EDGES.length], 'int32'), 'bool'));
      const flags = session.random.booleans(8);
      await session.compare('bool → float32 and int32', () => [
        cast(tensor(flags, [2, 4], 'bool'), 'float32'),
        cast(tensor(flags, [2, 4], 'bool'), 'int32'),
      ]);
      await session.compare('a transposed float32 → int32', () =>
        cast(transpose(tensor(floats.slice(0, 12), [3, 4])), 'int32'),
      );
    },
  },
];
