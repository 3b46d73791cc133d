import { describe, expect, it } from 'vitest';
import type { BinaryOp, CompareOp } from '../../../backend/kernel-specs';
import type { DType } from '../../../dtype';
import {
  broadcastPartner,
  broadcastRead,
  broadcastShape,
  coordinatesOf,
  createKernelHarness,
  randomInteger,
  randomShape,
  randomValues,
  seededRandom,
  sizeOf,
} from './kernel-test-harness';

const harness = createKernelHarness();

function pythonModulo(a: number, b: number): number {
  const remainder = a % b;
  return remainder !== 0 && remainder < 0 !== b < 0 ? remainder + b : remainder;
}

function integerPower(base: number, exponent: number): number {
  if (exponent < 0) return base === 1 ? 1 : base === -1 ? (exponent % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  for (let step = 0; step < exponent; step++) result = Math.imul(result, base);
  return result;
}

const FLOAT_REFERENCE: Record<BinaryOp, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => a ** b,
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : Math.min(a, b)),
  mod: pythonModulo,
  floorDiv: (a, b) => Math.floor(a / b),
};

const INTEGER_REFERENCE: Record<BinaryOp, (a: number, b: number) => number> = {
  ...FLOAT_REFERENCE,
  mul: Math.imul,
  div: (a, b) => Math.floor(a / b),
  pow: integerPower,
};

const COMPARE_REFERENCE: Record<CompareOp, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  less: (a, b) => a < b,
  lessEqual: (a, b) => a <= b,
  greater: (a, b) => a > b,
  greaterEqual: (a, b) => a >= b,
};

function store(value: number, dtype: DType): number {
  if (dtype === 'float32') return Math.fround(value);
  if (dtype === 'int32') return value | 0;
  return value;
}

/** Random broadcastable shape pairs, including rank 0, size-1 and zero-size dimensions and either side larger. */
function randomShapePairs(seed: number, count: number): Array<[number[], number[]]> {
  const random = seededRandom(seed);
  const pairs: Array<[number[], number[]]> = [
    [[], []],
    [[3, 4], []],
    [[], [3, 4]],
    [[5, 6], [6]],
    [
      [5, 6],
      [5, 1],
    ],
    [
      [2, 1, 4],
      [3, 1],
    ],
    [[0, 3], [3]],
    [
      [2, 3, 4],
      [2, 3, 4],
    ],
    [[1000, 2], [2]],
  ];
  for (let trial = 0; trial < count; trial++) {
    const shape = randomShape(random, randomInteger(random, 0, 5), random() < 0.1 ? 0 : 1, 4);
    const partner = broadcastPartner(random, shape);
    pairs.push(random() < 0.5 ? [shape, partner] : [partner, shape]);
  }
  return pairs;
}

/** Runs a two-input kernel and compares it with a per-element reference through naive broadcasting. */
function checkAgainstReference(
  kernel: 'binary' | 'compare' | 'logical',
  op: string,
  dtype: DType,
  reference: (a: number, b: number) => number,
  seed: number,
): void {
  const random = seededRandom(seed);
  for (const [aShape, bShape] of randomShapePairs(seed, 40)) {
    const aValues = randomValues(random, sizeOf(aShape), dtype);
    let bValues = randomValues(random, sizeOf(bShape), dtype);
    // Keep integer division well defined in the reference and exponents small.
    if (dtype === 'int32' && ['div', 'mod', 'floorDiv'].includes(op)) bValues = bValues.map((value) => value || 3);
    if (op === 'pow') bValues = bValues.map((value) => (dtype === 'int32' ? value % 4 : Math.fround(value / 2)));
    const output = harness.run(
      kernel,
      { a: harness.input(aValues, aShape, dtype), b: harness.input(bValues, bShape, dtype) },
      { op } as never,
    );
    const outputShape = broadcastShape(aShape, bShape);
    expect(output.shape).toEqual(outputShape);
    const expected = Array.from({ length: sizeOf(outputShape) }, (_, index) => {
      const coordinates = coordinatesOf(index, outputShape);
      return reference(broadcastRead(aValues, aShape, coordinates), broadcastRead(bValues, bShape, coordinates));
    });
    expect(harness.read(output), `${op} ${dtype} a=[${aShape}] b=[${bShape}]`).toEqual(expected);
  }
}

describe('binary kernel', () => {
  it.each(Object.keys(FLOAT_REFERENCE) as BinaryOp[])('float32 %s broadcasts like NumPy', (op) => {
    checkAgainstReference('binary', op, 'float32', (a, b) => store(FLOAT_REFERENCE[op](a, b), 'float32'), 10);
  });

  it.each(Object.keys(INTEGER_REFERENCE) as BinaryOp[])('int32 %s broadcasts like NumPy', (op) => {
    checkAgainstReference('binary', op, 'int32', (a, b) => store(INTEGER_REFERENCE[op](a, b), 'int32'), 20);
  });

  function binary(op: BinaryOp, a: number[], b: number[], dtype: DType = 'float32'): number[] {
    const output = harness.run(
      'binary',
      { a: harness.input(a, [a.length], dtype), b: harness.input(b, [b.length], dtype) },
      { op },
    );
    expect(output.dtype).toBe(dtype);
    return harness.read(output);
  }

  it('int32 arithmetic wraps like int32 and divides with floor', () => {
    expect(binary('add', [2147483647], [1], 'int32')).toEqual([-2147483648]);
    expect(binary('mul', [65536, 46341], [65536, 46341], 'int32')).toEqual([0, -2147479015]);
    expect(binary('div', [7, -7, 7, -7, 5], [2, 2, -2, -2, 0], 'int32')).toEqual([3, -4, -4, 3, 0]);
    expect(binary('floorDiv', [7, -7], [2, 2], 'int32')).toEqual([3, -4]);
    expect(binary('pow', [2, 2, 3, -1, 2, 0], [10, 31, -1, -3, 32, 0], 'int32')).toEqual([
      1024, -2147483648, 0, -1, 0, 1,
    ]);
  });

  it('mod takes the sign of the divisor for both dtypes', () => {
    expect(binary('mod', [7, -7, 7, -7, 6], [3, 3, -3, -3, 3], 'int32')).toEqual([1, 2, -2, -1, 0]);
    expect(binary('mod', [5.5, -5.5, 5.5, -5.5], [2, 2, -2, -2])).toEqual([1.5, 0.5, -0.5, -1.5]);
    expect(binary('mod', [1], [0], 'int32')).toEqual([0]);
    expect(binary('mod', [1], [0])).toEqual([Number.NaN]);
  });

  it('float floorDiv and maximum/minimum with NaN', () => {
    expect(binary('floorDiv', [7, -7, 1], [2, 2, 0])).toEqual([3, -4, Number.POSITIVE_INFINITY]);
    expect(binary('maximum', [Number.NaN, 1, 2], [1, Number.NaN, 3])).toEqual([Number.NaN, Number.NaN, 3]);
    expect(binary('minimum', [Number.NaN, 1, 2], [1, Number.NaN, 3])).toEqual([Number.NaN, Number.NaN, 2]);
  });
});

describe('compare kernel', () => {
  for (const dtype of ['float32', 'int32', 'bool'] as const) {
    it.each(Object.keys(COMPARE_REFERENCE) as CompareOp[])(`${dtype} %s broadcasts and gives bool`, (op) => {
      checkAgainstReference('compare', op, dtype, (a, b) => (COMPARE_REFERENCE[op](a, b) ? 1 : 0), 30);
    });
  }

  it('NaN compares unequal to everything', () => {
    const a = harness.input([Number.NaN, Number.NaN], [2]);
    const b = harness.input([Number.NaN, 1], [2]);
    const read = (op: CompareOp) => harness.read(harness.run('compare', { a, b }, { op }));
    expect(read('equal')).toEqual([0, 0]);
    expect(read('notEqual')).toEqual([1, 1]);
    expect(read('lessEqual')).toEqual([0, 0]);
    expect(read('greaterEqual')).toEqual([0, 0]);
  });
});

describe('logical kernel', () => {
  it('and/or follow the truth table and broadcast', () => {
    checkAgainstReference('logical', 'and', 'bool', (a, b) => (a && b ? 1 : 0), 40);
    checkAgainstReference('logical', 'or', 'bool', (a, b) => (a || b ? 1 : 0), 41);
  });
});

describe('where kernel', () => {
  it('broadcasts condition, a and b together for every dtype', () => {
    const random = seededRandom(50);
    for (let trial = 0; trial < 60; trial++) {
      const dtype = (['float32', 'int32', 'bool'] as const)[trial % 3];
      const shape = randomShape(random, randomInteger(random, 0, 4), random() < 0.1 ? 0 : 1, 4);
      const shapes = [
        broadcastPartner(random, shape),
        broadcastPartner(random, shape),
        broadcastPartner(random, shape),
      ];
      shapes[trial % 3] = shape;
      const [conditionShape, aShape, bShape] = shapes;
      const condition = randomValues(random, sizeOf(conditionShape), 'bool');
      const a = randomValues(random, sizeOf(aShape), dtype);
      const b = randomValues(random, sizeOf(bShape), dtype);
      const output = harness.run(
        'where',
        {
          condition: harness.input(condition, conditionShape, 'bool'),
          a: harness.input(a, aShape, dtype),
          b: harness.input(b, bShape, dtype),
        },
        {},
      );
      const outputShape = broadcastShape(conditionShape, aShape, bShape);
      expect(output).toMatchObject({ shape: outputShape, dtype });
      const expected = Array.from({ length: sizeOf(outputShape) }, (_, index) => {
        const coordinates = coordinatesOf(index, outputShape);
        return broadcastRead(condition, conditionShape, coordinates)
          ? broadcastRead(a, aShape, coordinates)
          : broadcastRead(b, bShape, coordinates);
      });
      expect(harness.read(output)).toEqual(expected);
    }
  });
});
