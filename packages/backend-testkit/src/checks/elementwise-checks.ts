import {
  abs,
  add,
  ceil,
  cos,
  div,
  erf,
  exp,
  expm1,
  floor,
  floorDiv,
  isFinite as isFiniteOp,
  isNaN as isNaNOp,
  log,
  log1p,
  logicalNot,
  maximum,
  minimum,
  mod,
  mul,
  neg,
  pow,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  slice,
  sqrt,
  square,
  sub,
  type Tensor,
  tanh,
  tensor,
  transpose,
  zeros,
} from '@tessera/core';
import type { BackendCheck } from '../check';
import { sizeOf } from '../seeded-random';
import { broadcastShapes, INT32_EDGES, SPECIAL_FLOATS } from './check-helpers';

/** The most negative int32 that does not overflow when divided by -1. */
const INT32_MIN_SAFE = -2147483647;

type UnaryFunction = (x: Tensor) => Tensor;
type BinaryFunction = (a: Tensor, b: Tensor) => Tensor;

const FLOAT_UNARY_OPS: Record<string, UnaryFunction> = {
  neg,
  abs,
  exp,
  log,
  log1p,
  expm1,
  sqrt,
  rsqrt,
  square,
  reciprocal,
  sin,
  cos,
  tanh,
  sigmoid,
  relu,
  sign,
  floor,
  ceil,
  round,
  erf,
  isNaN: isNaNOp,
  isFinite: isFiniteOp,
};
const INT_UNARY_OPS: Record<string, UnaryFunction> = { neg, abs, square, sign };
const BINARY_OPS: Record<string, BinaryFunction> = { add, sub, mul, div, pow, maximum, minimum, mod, floorDiv };

export const ELEMENTWISE_CHECKS: BackendCheck[] = [
  {
    area: 'kernels',
    kernel: 'unary',
    title: 'every float32 unary op on random values, NaN, ±Infinity and ±0',
    async run(session) {
      const values = [...session.random.floats(40, -3, 3), ...SPECIAL_FLOATS];
      for (const [op, apply] of Object.entries(FLOAT_UNARY_OPS)) {
        await session.compare(op, () => apply(tensor(values, [values.length])));
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'unary',
    title: 'int32 unary ops at the ends of the int32 range, logicalNot on bool',
    async run(session) {
      for (const [op, apply] of Object.entries(INT_UNARY_OPS)) {
        await session.compare(`int32 ${op}`, () => apply(tensor(INT32_EDGES, [INT32_EDGES.length], 'int32')));
      }
      const flags = session.random.booleans(9);
      await session.compare('logicalNot', () => logicalNot(tensor(flags, [3, 3], 'bool')));
    },
  },
  {
    area: 'kernels',
    kernel: 'unary',
    title: 'non-contiguous (transposed, sliced) and zero-size inputs',
    async run(session) {
      const values = session.random.floats(12);
      await session.compare('exp of a transpose', () => exp(transpose(tensor(values, [3, 4]))));
      await session.compare('tanh of a slice', () => tanh(slice(tensor(values, [3, 4]), [1, 1], [2, 2])));
      await session.compare('neg of [0, 3]', () => neg(zeros([0, 3])));
    },
  },
  {
    area: 'kernels',
    kernel: 'binary',
    title: 'float32 ops with NumPy broadcasting on random shapes',
    async run(session) {
      for (let trial = 0; trial < session.trials; trial++) {
        const [shapeA, shapeB] = broadcastShapes(session.random, session.maxDimension);
        const a = session.random.floats(sizeOf(shapeA), -3, 3);
        const b = session.random.floats(sizeOf(shapeB), 0.25, 3);
        for (const [op, apply] of Object.entries(BINARY_OPS)) {
          await session.compare(`${op} [${shapeA}] with [${shapeB}]`, () =>
            apply(tensor(a, shapeA), tensor(b, shapeB)),
          );
        }
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'binary',
    title: 'NaN and ±Infinity propagate like on the CPU',
    async run(session) {
      const count = SPECIAL_FLOATS.length;
      for (const [op, apply] of Object.entries(BINARY_OPS)) {
        await session.compare(`${op} over every pair of special values`, () =>
          apply(tensor(SPECIAL_FLOATS, [count, 1]), tensor(SPECIAL_FLOATS, [1, count])),
        );
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'binary',
    title: 'int32 add, sub and mul wrap around like (a + b) | 0 and Math.imul; div, mod and floorDiv match',
    async run(session) {
      const count = INT32_EDGES.length;
      const [sums, differences, products] = await session.compare('int32 add/sub/mul at the range ends', () => {
        const a = tensor(INT32_EDGES, [count, 1], 'int32');
        const b = tensor(INT32_EDGES, [1, count], 'int32');
        return [add(a, b), sub(a, b), mul(a, b)];
      });
      INT32_EDGES.forEach((left, row) => {
        INT32_EDGES.forEach((right, column) => {
          const index = row * count + column;
          const expected = [(left + right) | 0, (left - right) | 0, Math.imul(left, right)];
          const actual = [sums.values[index], differences.values[index], products.values[index]];
          if (actual.some((value, which) => value !== expected[which])) {
            throw new Error(
              `int32 ${left} and ${right}: add/sub/mul gave ${actual.join('/')}, expected wrap-around ${expected.join('/')}`,
            );
          }
        });
      });
      const dividends = [7, -7, 7, -7, 0, 5, INT32_MIN_SAFE, 9];
      const divisors = [2, 2, -2, -2, 3, 0, 7, -4];
      for (const op of ['div', 'mod', 'floorDiv', 'maximum', 'minimum', 'pow'] as const) {
        const apply = BINARY_OPS[op];
        await session.compare(`int32 ${op}`, () =>
          apply(
            tensor(dividends, [8], 'int32'),
            tensor(op === 'pow' ? [3, 2, 1, 0, 5, 2, 1, 3] : divisors, [8], 'int32'),
          ),
        );
      }
    },
  },
  {
    area: 'kernels',
    kernel: 'binary',
    title: 'non-contiguous operands (a transpose, a slice) and zero-size shapes',
    async run(session) {
      const a = session.random.floats(12);
      const b = session.random.floats(12);
      await session.compare('transpose + slice', () =>
        add(transpose(tensor(a, [3, 4])), slice(tensor(b, [4, 3]), [0, 0], [4, 3])),
      );
      await session.compare('mul of a column slice and a row', () =>
        mul(slice(tensor(a, [3, 4]), [0, 1], [3, 2]), tensor(b.slice(0, 2), [1, 2])),
      );
      await session.compare('add [0, 3] and [1, 3]', () => add(zeros([0, 3]), tensor(b.slice(0, 3), [1, 3])));
    },
  },
];
