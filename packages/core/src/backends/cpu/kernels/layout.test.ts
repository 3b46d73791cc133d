import { describe, expect, it } from 'vitest';
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
const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

function randomPermutation(random: () => number, rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, axis) => axis);
  for (let index = rank - 1; index > 0; index--) {
    const other = randomInteger(random, 0, index);
    [perm[index], perm[other]] = [perm[other], perm[index]];
  }
  return perm;
}

/** Every output element read from the input element `sourceOf(outputCoordinates)` (or `fill` where it is null). */
function naive(
  values: readonly number[],
  shape: readonly number[],
  outputShape: readonly number[],
  sourceOf: (coordinates: number[]) => number[] | null,
  fill = 0,
): number[] {
  return Array.from({ length: sizeOf(outputShape) }, (_, index) => {
    const source = sourceOf(coordinatesOf(index, outputShape));
    return source === null ? fill : values[offsetOf(source, shape)];
  });
}

describe('transpose kernel', () => {
  it('matches a naive permutation on random shapes, including size-1 and zero-size dimensions', () => {
    const random = seededRandom(70);
    for (let trial = 0; trial < 120; trial++) {
      const dtype = DTYPES[trial % 3];
      const rank = randomInteger(random, 0, 5);
      const shape = randomShape(random, rank, random() < 0.1 ? 0 : 1, 5);
      const perm = randomPermutation(random, rank);
      const values = randomValues(random, sizeOf(shape), dtype);
      const output = harness.run('transpose', { x: harness.input(values, shape, dtype) }, { perm });
      const outputShape = perm.map((axis) => shape[axis]);
      expect(output).toMatchObject({ shape: outputShape, dtype });
      const expected = naive(values, shape, outputShape, (coordinates) => {
        const source = new Array<number>(rank);
        perm.forEach((axis, index) => {
          source[axis] = coordinates[index];
        });
        return source;
      });
      expect(harness.read(output), `shape [${shape}] perm [${perm}]`).toEqual(expected);
    }
  });

  it('transposes matrices larger than a tile, with ragged edges', () => {
    for (const [rows, columns, batch] of [
      [70, 45, 1],
      [33, 64, 3],
      [1, 100, 2],
    ]) {
      const shape = [batch, rows, columns];
      const values = Array.from({ length: sizeOf(shape) }, (_, index) => index);
      const output = harness.run('transpose', { x: harness.input(values, shape) }, { perm: [0, 2, 1] });
      const expected = naive(values, shape, [batch, columns, rows], ([b, column, row]) => [b, row, column]);
      expect(harness.read(output)).toEqual(expected);
    }
  });
});

describe('slice kernel', () => {
  it('matches a naive box copy on random shapes', () => {
    const random = seededRandom(80);
    for (let trial = 0; trial < 120; trial++) {
      const dtype = DTYPES[trial % 3];
      const shape = randomShape(random, randomInteger(random, 0, 5), 0, 5);
      const begin = shape.map((dimension) => randomInteger(random, 0, dimension));
      const size = shape.map((dimension, axis) =>
        random() < 0.3 ? dimension - begin[axis] : randomInteger(random, 0, dimension - begin[axis]),
      );
      const values = randomValues(random, sizeOf(shape), dtype);
      const output = harness.run('slice', { x: harness.input(values, shape, dtype) }, { begin, size });
      expect(output).toMatchObject({ shape: size, dtype });
      const expected = naive(values, shape, size, (coordinates) =>
        coordinates.map((value, axis) => value + begin[axis]),
      );
      expect(harness.read(output), `shape [${shape}] begin [${begin}] size [${size}]`).toEqual(expected);
    }
  });
});

describe('pad kernel', () => {
  it('matches a naive pad on random shapes with a fill value', () => {
    const random = seededRandom(90);
    for (let trial = 0; trial < 120; trial++) {
      const dtype = DTYPES[trial % 3];
      const shape = randomShape(random, randomInteger(random, 0, 4), 0, 4);
      const paddings = shape.map((): [number, number] => [randomInteger(random, 0, 2), randomInteger(random, 0, 2)]);
      const value = dtype === 'bool' ? 1 : dtype === 'int32' ? -7 : 2.5;
      const values = randomValues(random, sizeOf(shape), dtype);
      const output = harness.run('pad', { x: harness.input(values, shape, dtype) }, { paddings, value });
      const outputShape = shape.map((dimension, axis) => dimension + paddings[axis][0] + paddings[axis][1]);
      expect(output).toMatchObject({ shape: outputShape, dtype });
      const expected = naive(
        values,
        shape,
        outputShape,
        (coordinates) => {
          const source = coordinates.map((coordinate, axis) => coordinate - paddings[axis][0]);
          return source.every((coordinate, axis) => coordinate >= 0 && coordinate < shape[axis]) ? source : null;
        },
        value,
      );
      expect(harness.read(output), `shape [${shape}] paddings ${JSON.stringify(paddings)}`).toEqual(expected);
    }
  });

  it('pads with -0 and zero', () => {
    const output = harness.run('pad', { x: harness.input([1], [1]) }, { paddings: [[1, 0]], value: -0 });
    expect(Object.is(harness.read(output)[0], -0)).toBe(true);
  });
});

describe('concat kernel', () => {
  it('matches a naive concatenation along random axes', () => {
    const random = seededRandom(100);
    for (let trial = 0; trial < 100; trial++) {
      const dtype = DTYPES[trial % 3];
      const rank = randomInteger(random, 1, 4);
      const base = randomShape(random, rank, random() < 0.1 ? 0 : 1, 4);
      const axis = randomInteger(random, 0, rank - 1);
      const count = randomInteger(random, 1, 4);
      const shapes = Array.from({ length: count }, () =>
        base.map((dimension, index) => (index === axis ? randomInteger(random, 0, 4) : dimension)),
      );
      const parts = shapes.map((shape) => randomValues(random, sizeOf(shape), dtype));
      const output = harness.run(
        'concat',
        { tensors: shapes.map((shape, index) => harness.input(parts[index], shape, dtype)) },
        { axis },
      );
      const outputShape = [...base];
      outputShape[axis] = shapes.reduce((total, shape) => total + shape[axis], 0);
      expect(output).toMatchObject({ shape: outputShape, dtype });
      const expected = Array.from({ length: sizeOf(outputShape) }, (_, index) => {
        const coordinates = coordinatesOf(index, outputShape);
        let position = coordinates[axis];
        let part = 0;
        while (position >= shapes[part][axis]) position -= shapes[part++][axis];
        coordinates[axis] = position;
        return parts[part][offsetOf(coordinates, shapes[part])];
      });
      expect(harness.read(output), `shapes ${JSON.stringify(shapes)} axis ${axis}`).toEqual(expected);
    }
  });
});

describe('gather and scatterAdd kernels', () => {
  it('gather matches naive indexing for index tensors of rank 0 to 2', () => {
    const random = seededRandom(110);
    for (let trial = 0; trial < 100; trial++) {
      const dtype = DTYPES[trial % 3];
      const rank = randomInteger(random, 1, 4);
      const shape = randomShape(random, rank, 1, 4);
      const axis = randomInteger(random, 0, rank - 1);
      const indexShape = randomShape(random, randomInteger(random, 0, 2), 0, 3);
      const indices = Array.from({ length: sizeOf(indexShape) }, () => randomInteger(random, 0, shape[axis] - 1));
      const values = randomValues(random, sizeOf(shape), dtype);
      const output = harness.run(
        'gather',
        { x: harness.input(values, shape, dtype), indices: harness.input(indices, indexShape, 'int32') },
        { axis },
      );
      const outputShape = [...shape.slice(0, axis), ...indexShape, ...shape.slice(axis + 1)];
      expect(output).toMatchObject({ shape: outputShape, dtype });
      const expected = naive(values, shape, outputShape, (coordinates) => {
        const indexCoordinates = coordinates.slice(axis, axis + indexShape.length);
        return [
          ...coordinates.slice(0, axis),
          indices[offsetOf(indexCoordinates, indexShape)],
          ...coordinates.slice(axis + indexShape.length),
        ];
      });
      expect(harness.read(output), `shape [${shape}] axis ${axis} indices [${indexShape}]`).toEqual(expected);
    }
  });

  it('scatterAdd is the adjoint of gather and accumulates duplicates', () => {
    const random = seededRandom(120);
    for (let trial = 0; trial < 100; trial++) {
      const dtype: DType = trial % 2 === 0 ? 'float32' : 'int32';
      const rank = randomInteger(random, 1, 4);
      const shape = randomShape(random, rank, 1, 4);
      const axis = randomInteger(random, 0, rank - 1);
      const indexShape = randomShape(random, randomInteger(random, 0, 2), 0, 4);
      const indices = Array.from({ length: sizeOf(indexShape) }, () => randomInteger(random, 0, shape[axis] - 1));
      const updateShape = [...shape.slice(0, axis), ...indexShape, ...shape.slice(axis + 1)];
      const updates = randomValues(random, sizeOf(updateShape), dtype);
      const output = harness.run(
        'scatterAdd',
        { updates: harness.input(updates, updateShape, dtype), indices: harness.input(indices, indexShape, 'int32') },
        { axis, size: shape[axis] },
      );
      expect(output).toMatchObject({ shape, dtype });
      const expected = new Array<number>(sizeOf(shape)).fill(0);
      updates.forEach((value, index) => {
        const coordinates = coordinatesOf(index, updateShape);
        const indexCoordinates = coordinates.slice(axis, axis + indexShape.length);
        const target = [
          ...coordinates.slice(0, axis),
          indices[offsetOf(indexCoordinates, indexShape)],
          ...coordinates.slice(axis + indexShape.length),
        ];
        expected[offsetOf(target, shape)] += value;
      });
      const actual = harness.read(output);
      for (const [index, value] of actual.entries()) expect(value).toBeCloseTo(expected[index], 4);
    }
  });

  it('scatterAdd sums duplicate indices', () => {
    const output = harness.run(
      'scatterAdd',
      { updates: harness.input([1, 2, 3, 4, 5, 6], [3, 2]), indices: harness.input([2, 0, 2], [3], 'int32') },
      { axis: 0, size: 4 },
    );
    expect(output.shape).toEqual([4, 2]);
    expect(harness.read(output)).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
  });
});
