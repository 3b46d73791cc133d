import type { BinaryOp, CompareOp, DType, UnaryOp } from '@tessera/core/backend';
import { afterAll, describe, it } from 'vitest';
import { expectKernelMatchesCpu, type HostTensor } from './test-support/kernel-comparison';
import { randomArray, seededRandom } from './test-support/random-values';
import { createTestBackend, reportSkip } from './test-support/webgpu-test-backend';

const { backend, skipReason } = await createTestBackend();
reportSkip('elementwise kernels', skipReason);
afterAll(() => backend?.destroy?.());

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const SPECIAL_FLOATS = [Number.NaN, Infinity, -Infinity, 0, -0, 0.5, 1.5, 2.5, -2.5, 1e-3, -1e-6, 7, -9, 30, -30];
const SPECIAL_INTS = [INT32_MIN, INT32_MAX, 46341, -46341, 65536, 0, 1, -1, 5, -7, 3];

const UNARY_OPS: UnaryOp[] = [
  'neg',
  'abs',
  'exp',
  'log',
  'log1p',
  'expm1',
  'sqrt',
  'rsqrt',
  'square',
  'reciprocal',
  'sin',
  'cos',
  'tanh',
  'sigmoid',
  'relu',
  'sign',
  'floor',
  'ceil',
  'round',
  'erf',
  'isNaN',
  'isFinite',
  'logicalNot',
];
const BINARY_OPS: BinaryOp[] = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'mod', 'floorDiv'];
const COMPARE_OPS: CompareOp[] = ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'];
/** Pairs of shapes that broadcast, including scalars, size-1 axes on both sides and zero-size tensors. */
const BROADCAST_SHAPES: Array<[number[], number[]]> = [
  [
    [2, 3, 4],
    [2, 3, 4],
  ],
  [
    [2, 3, 4],
    [3, 1],
  ],
  [
    [4, 1, 2],
    [3, 1],
  ],
  [[], [2, 2]],
  [[5], []],
  [
    [0, 3],
    [1, 3],
  ],
  [[130, 70], [70]],
];

const random = seededRandom(7);
const tensorOf = (values: number[], shape: number[], dtype: DType): HostTensor => ({ values, shape, dtype });
const randomTensor = (shape: number[], dtype: DType, range = 4): HostTensor =>
  tensorOf(
    randomArray(
      random,
      shape.reduce((a, b) => a * b, 1),
      dtype,
      range,
    ),
    shape,
    dtype,
  );

describe.skipIf(backend === null)('webgpu unary kernel', () => {
  const gpu = backend!;
  it.each(UNARY_OPS)('%s on float32 matches the CPU backend, special values included', async (op) => {
    const values = [...SPECIAL_FLOATS, ...randomArray(random, 200, 'float32', 5)];
    // f32 transcendental functions on the GPU are accurate to a few ulp, not correctly rounded.
    await expectKernelMatchesCpu(
      gpu,
      'unary',
      { x: tensorOf(values, [values.length], 'float32') },
      { op },
      {
        absolute: 2e-6,
        relative: 1e-5,
      },
    );
  });

  it.each(['neg', 'abs', 'square', 'relu', 'sign', 'logicalNot'] as UnaryOp[])(
    '%s on int32 wraps like the CPU backend',
    async (op) => {
      await expectKernelMatchesCpu(gpu, 'unary', { x: tensorOf(SPECIAL_INTS, [SPECIAL_INTS.length], 'int32') }, { op });
    },
  );

  it('covers more elements than one dimension of workgroups (65535 × 64) holds', async () => {
    const size = 65535 * 64 + 1000;
    const values = Array.from({ length: size }, (_, index) => index % 1000);
    await expectKernelMatchesCpu(gpu, 'unary', { x: tensorOf(values, [size], 'float32') }, { op: 'neg' });
  });

  it('keeps shapes, including zero-size and scalar tensors', async () => {
    await expectKernelMatchesCpu(gpu, 'unary', { x: randomTensor([0, 4], 'float32') }, { op: 'exp' });
    await expectKernelMatchesCpu(gpu, 'unary', { x: randomTensor([], 'float32') }, { op: 'neg' });
    await expectKernelMatchesCpu(gpu, 'unary', { x: randomTensor([3, 2], 'bool') }, { op: 'logicalNot' });
  });
});

describe.skipIf(backend === null)('webgpu binary kernel', () => {
  const gpu = backend!;
  it.each(BINARY_OPS)('%s on float32 broadcasts like the CPU backend', async (op) => {
    for (const [aShape, bShape] of BROADCAST_SHAPES) {
      const a = randomTensor(aShape, 'float32');
      const b = randomTensor(bShape, 'float32');
      await expectKernelMatchesCpu(gpu, 'binary', { a, b }, { op }, { absolute: 1e-5, relative: 1e-5 });
      await expectKernelMatchesCpu(gpu, 'binary', { a: b, b: a }, { op }, { absolute: 1e-5, relative: 1e-5 });
    }
  });

  it.each(BINARY_OPS)('%s on float32 treats NaN, ±Infinity and zero like the CPU backend', async (op) => {
    const a = SPECIAL_FLOATS.flatMap((value) => SPECIAL_FLOATS.map(() => value));
    const b = SPECIAL_FLOATS.flatMap(() => SPECIAL_FLOATS);
    const shape = [a.length];
    await expectKernelMatchesCpu(
      gpu,
      'binary',
      { a: tensorOf(a, shape, 'float32'), b: tensorOf(b, shape, 'float32') },
      { op },
      {
        absolute: 1e-5,
        relative: 1e-5,
      },
    );
  });

  it.each(BINARY_OPS)('%s on int32 wraps and divides by zero like the CPU backend', async (op) => {
    const exponents = op === 'pow' ? SPECIAL_INTS.map((value) => value % 40) : SPECIAL_INTS;
    const a = SPECIAL_INTS.flatMap((value) => exponents.map(() => value));
    const b = SPECIAL_INTS.flatMap(() => exponents);
    await expectKernelMatchesCpu(
      gpu,
      'binary',
      { a: tensorOf(a, [a.length], 'int32'), b: tensorOf(b, [b.length], 'int32') },
      { op },
    );
    await expectKernelMatchesCpu(
      gpu,
      'binary',
      { a: randomTensor([3, 4], 'int32', 50), b: randomTensor([4], 'int32', 9) },
      { op },
    );
  });
});

describe.skipIf(backend === null)('webgpu compare, logical and where kernels', () => {
  const gpu = backend!;
  it.each(COMPARE_OPS)('%s gives bool, false for NaN except notEqual', async (op) => {
    const a = SPECIAL_FLOATS.flatMap((value) => SPECIAL_FLOATS.map(() => value));
    const b = SPECIAL_FLOATS.flatMap(() => SPECIAL_FLOATS);
    await expectKernelMatchesCpu(
      gpu,
      'compare',
      { a: tensorOf(a, [a.length], 'float32'), b: tensorOf(b, [b.length], 'float32') },
      { op },
    );
    for (const [aShape, bShape] of BROADCAST_SHAPES) {
      await expectKernelMatchesCpu(
        gpu,
        'compare',
        { a: randomTensor(aShape, 'int32'), b: randomTensor(bShape, 'int32') },
        { op },
      );
    }
  });

  it.each(['and', 'or'] as const)('logical %s broadcasts', async (op) => {
    for (const [aShape, bShape] of BROADCAST_SHAPES) {
      await expectKernelMatchesCpu(
        gpu,
        'logical',
        { a: randomTensor(aShape, 'bool'), b: randomTensor(bShape, 'bool') },
        { op },
      );
    }
  });

  it.each(['float32', 'int32', 'bool'] as DType[])(
    'where selects %s values with three-way broadcasting',
    async (dtype) => {
      await expectKernelMatchesCpu(
        gpu,
        'where',
        {
          condition: randomTensor([3, 1], 'bool'),
          a: randomTensor([2, 1, 4], dtype),
          b: randomTensor([4], dtype),
        },
        {},
      );
      const special = tensorOf(SPECIAL_FLOATS, [SPECIAL_FLOATS.length], 'float32');
      await expectKernelMatchesCpu(
        gpu,
        'where',
        { condition: randomTensor([SPECIAL_FLOATS.length], 'bool'), a: special, b: special },
        {},
      );
    },
  );
});

describe.skipIf(backend === null)('webgpu cast, fill and randomBits kernels', () => {
  const gpu = backend!;
  const dtypes: DType[] = ['float32', 'int32', 'bool'];
  it.each(dtypes.flatMap((from) => dtypes.map((to) => [from, to] as const)))('cast %s to %s', async (from, to) => {
    const values =
      from === 'float32'
        ? [...SPECIAL_FLOATS, 2147483647.5, 3e9, -3e9, 1e12, -2.7, 2.7]
        : from === 'int32'
          ? SPECIAL_INTS.filter((value) => Math.abs(value) < 2 ** 24)
          : [0, 1, 1, 0];
    await expectKernelMatchesCpu(gpu, 'cast', { x: tensorOf(values, [values.length], from) }, { dtype: to });
  });

  it('fills each dtype, -0, NaN and zero-size included', async () => {
    for (const [value, dtype] of [
      [1.5, 'float32'],
      [-0, 'float32'],
      [Number.NaN, 'float32'],
      [-2.7, 'int32'],
      [3e9, 'int32'],
      [2, 'bool'],
      [0, 'bool'],
    ] as Array<[number, DType]>) {
      const result = await expectKernelMatchesCpu(gpu, 'fill', {}, { shape: [3, 70], value, dtype });
      if (Object.is(value, -0)) {
        if (!Object.is(result.values[0], -0)) throw new Error('fill lost the sign of -0');
      }
    }
    await expectKernelMatchesCpu(gpu, 'fill', {}, { shape: [0, 2], value: 1, dtype: 'float32' });
  });

  it('randomBits reproduces the CPU backend Philox stream bit for bit', async () => {
    for (const [shape, key, counter] of [
      [
        [3, 5],
        [123, 456],
        [7, 1],
      ],
      [[1001], [-1, 0x7fffffff], [0xffffffff, 3]],
      [[2], [0, 0], [0xfffffffe, 0xffffffff]],
      [[0], [1, 2], [3, 4]],
    ] as Array<[number[], [number, number], [number, number]]>) {
      await expectKernelMatchesCpu(gpu, 'randomBits', {}, { shape, key, counter });
    }
  });
});
