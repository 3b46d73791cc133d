import { describe, expect, it } from 'vitest';
import type { ReduceOp } from '../../../backend/kernel-specs';
import type { DType } from '../../../dtype';
import {
  coordinatesOf,
  createKernelHarness,
  offsetOf,
  randomInteger,
  randomShape,
  randomValues,
  seededRandom,
  sizeOf,
} from './kernel-test-harness';

const harness = createKernelHarness();

/** The groups of input values that land in each output element, in output order. */
function groupsOf(values: readonly number[], shape: readonly number[], axes: readonly number[]): number[][] {
  const outputShape = shape.filter((_dimension, axis) => !axes.includes(axis));
  const groups = Array.from({ length: sizeOf(outputShape) }, () => [] as number[]);
  values.forEach((value, index) => {
    const coordinates = coordinatesOf(index, shape).filter((_coordinate, axis) => !axes.includes(axis));
    groups[offsetOf(coordinates, outputShape)].push(value);
  });
  return groups;
}

function naiveReduce(op: ReduceOp, dtype: DType, group: number[]): number {
  const hasNaN = group.some(Number.isNaN);
  switch (op) {
    case 'sum':
      return group.reduce((total, value) => total + value, 0);
    case 'prod':
      return group.reduce((total, value) => (dtype === 'int32' ? Math.imul(total, value) : total * value), 1);
    case 'max':
      if (hasNaN) return Number.NaN;
      return group.length === 0 ? (dtype === 'int32' ? -2147483648 : -Infinity) : Math.max(...group);
    case 'min':
      if (hasNaN) return Number.NaN;
      return group.length === 0 ? (dtype === 'int32' ? 2147483647 : Infinity) : Math.min(...group);
    case 'any':
      return group.some((value) => value !== 0) ? 1 : 0;
    case 'all':
      return group.every((value) => value !== 0) ? 1 : 0;
  }
}

function randomAxes(random: () => number, rank: number): number[] {
  return Array.from({ length: rank }, (_, axis) => axis).filter(() => random() < 0.5);
}

const CASES: Array<[ReduceOp, DType]> = [
  ['sum', 'float32'],
  ['sum', 'int32'],
  ['prod', 'float32'],
  ['prod', 'int32'],
  ['max', 'float32'],
  ['max', 'int32'],
  ['min', 'float32'],
  ['min', 'int32'],
  ['any', 'bool'],
  ['all', 'bool'],
];

describe('reduce kernel', () => {
  it.each(CASES)('%s on %s matches a naive reduction over random shapes and axes', (op, dtype) => {
    const random = seededRandom(op.length * 7 + dtype.length);
    for (let trial = 0; trial < 80; trial++) {
      const rank = randomInteger(random, 0, 5);
      const shape = randomShape(random, rank, random() < 0.15 ? 0 : 1, 4);
      const axes = randomAxes(random, rank);
      const values = randomValues(random, sizeOf(shape), dtype).map((value) =>
        dtype === 'float32' && random() < 0.02 ? Number.NaN : value,
      );
      const output = harness.run('reduce', { x: harness.input(values, shape, dtype) }, { op, axes });
      const outputShape = shape.filter((_dimension, axis) => !axes.includes(axis));
      expect(output).toMatchObject({ shape: outputShape, dtype: op === 'any' || op === 'all' ? 'bool' : dtype });
      const expected = groupsOf(values, shape, axes).map((group) => {
        const value = naiveReduce(op, dtype, group);
        return dtype === 'float32' ? Math.fround(value) : dtype === 'int32' ? value | 0 : value;
      });
      const actual = harness.read(output);
      if (op === 'sum' || op === 'prod') {
        // Summation order differs from the naive one; both are float64 and rounded once.
        actual.forEach((value, index) => {
          if (Number.isNaN(expected[index])) expect(value).toBeNaN();
          else expect(value).toBeCloseTo(expected[index], 4);
        });
      } else {
        expect(actual, `shape [${shape}] axes [${axes}]`).toEqual(expected);
      }
    }
  });

  it('reduces the common layouts: last axis, first axis, middle axis, all axes', () => {
    const values = Array.from({ length: 24 }, (_, index) => index);
    const x = harness.input(values, [2, 3, 4]);
    const sum = (axes: number[]) => harness.read(harness.run('reduce', { x }, { op: 'sum', axes }));
    expect(sum([2])).toEqual([6, 22, 38, 54, 70, 86]);
    expect(sum([0])).toEqual(values.slice(0, 12).map((value) => value + value + 12));
    expect(sum([1])).toEqual([12, 15, 18, 21, 48, 51, 54, 57]);
    expect(sum([0, 2])).toEqual([6 + 54, 22 + 70, 38 + 86]);
    expect(sum([0, 1, 2])).toEqual([276]);
    expect(sum([])).toEqual(values);
  });

  it('accumulates sums in float64', () => {
    const count = 1_000_000;
    const x = harness.input(new Float32Array(count).fill(0.1), [count]);
    const [total] = harness.read(harness.run('reduce', { x }, { op: 'sum', axes: [0] }));
    expect(total).toBe(Math.fround(count * Math.fround(0.1)));
  });

  it('empty reductions give the identity', () => {
    const empty = (op: ReduceOp, dtype: DType) =>
      harness.read(harness.run('reduce', { x: harness.input([], [2, 0], dtype) }, { op, axes: [1] }));
    expect(empty('sum', 'float32')).toEqual([0, 0]);
    expect(empty('prod', 'float32')).toEqual([1, 1]);
    expect(empty('max', 'float32')).toEqual([-Infinity, -Infinity]);
    expect(empty('min', 'float32')).toEqual([Infinity, Infinity]);
    expect(empty('max', 'int32')).toEqual([-2147483648, -2147483648]);
    expect(empty('min', 'int32')).toEqual([2147483647, 2147483647]);
    expect(empty('any', 'bool')).toEqual([0, 0]);
    expect(empty('all', 'bool')).toEqual([1, 1]);
  });

  it('int32 sums and products wrap like int32', () => {
    const x = harness.input([2147483647, 2, 65536, 65536], [2, 2], 'int32');
    expect(harness.read(harness.run('reduce', { x }, { op: 'sum', axes: [1] }))).toEqual([-2147483647, 131072]);
    expect(harness.read(harness.run('reduce', { x }, { op: 'prod', axes: [1] }))).toEqual([-2, 0]);
  });

  it('rank 0 input with no axes is a copy', () => {
    const output = harness.run('reduce', { x: harness.input([3], []) }, { op: 'max', axes: [] });
    expect(output.shape).toEqual([]);
    expect(harness.read(output)).toEqual([3]);
  });
});

describe('argReduce kernel', () => {
  function naiveArg(group: number[], maximum: boolean): number {
    let bestIndex = 0;
    group.forEach((value, index) => {
      const best = group[bestIndex];
      if (Number.isNaN(best)) return;
      if (Number.isNaN(value) || (maximum ? value > best : value < best)) bestIndex = index;
    });
    return bestIndex;
  }

  it.each(['argMax', 'argMin'] as const)('%s matches a naive scan (first extreme, NaN wins)', (op) => {
    const random = seededRandom(op === 'argMax' ? 60 : 61);
    for (let trial = 0; trial < 80; trial++) {
      const dtype = trial % 2 === 0 ? 'float32' : 'int32';
      const rank = randomInteger(random, 1, 4);
      const shape = randomShape(random, rank, 1, 5);
      const axis = randomInteger(random, 0, rank - 1);
      // Few distinct values make ties common.
      const values = randomValues(random, sizeOf(shape), dtype).map((value) =>
        dtype === 'float32' && random() < 0.03 ? Number.NaN : Math.round(value / 3),
      );
      const output = harness.run('argReduce', { x: harness.input(values, shape, dtype) }, { op, axis });
      expect(output).toMatchObject({ shape: shape.filter((_dimension, index) => index !== axis), dtype: 'int32' });
      const expected = groupsOf(values, shape, [axis]).map((group) => naiveArg(group, op === 'argMax'));
      expect(harness.read(output), `shape [${shape}] axis ${axis}`).toEqual(expected);
    }
  });

  it('picks the first of tied extremes, and the first NaN', () => {
    const x = harness.input([1, 5, 5, 0, 0, Number.NaN, 2, Number.NaN], [2, 4]);
    expect(harness.read(harness.run('argReduce', { x }, { op: 'argMax', axis: 1 }))).toEqual([1, 1]);
    expect(harness.read(harness.run('argReduce', { x }, { op: 'argMin', axis: 1 }))).toEqual([3, 1]);
    expect(harness.read(harness.run('argReduce', { x }, { op: 'argMax', axis: 0 }))).toEqual([0, 1, 0, 1]);
  });

  it('handles zero-size outer dimensions', () => {
    const output = harness.run('argReduce', { x: harness.input([], [0, 3]) }, { op: 'argMax', axis: 1 });
    expect(output.shape).toEqual([0]);
    expect(harness.read(output)).toEqual([]);
  });
});
