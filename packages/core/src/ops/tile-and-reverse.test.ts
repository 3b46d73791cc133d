import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { generate, indexOf, resolveAxes } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { randomAxes, randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { reverse } from './reverse';
import { tensor } from './tensor';
import { tile } from './tile';

function referenceTile(x: Float64Array, shape: number[], reps: number[]): Float64Array {
  const outputShape = shape.map((dimension, axis) => dimension * reps[axis]);
  return generate(
    outputShape,
    (coordinates) =>
      x[
        indexOf(
          coordinates.map((value, axis) => value % shape[axis]),
          shape,
        )
      ],
  );
}

function referenceReverse(x: Float64Array, shape: number[], axes: number[]): Float64Array {
  return generate(
    shape,
    (coordinates) =>
      x[
        indexOf(
          coordinates.map((value, axis) => (axes.includes(axis) ? shape[axis] - 1 - value : value)),
          shape,
        )
      ],
  );
}

describe('tile', () => {
  it('matches tfjs on random shapes of rank 0 to 4, zero repeats and zero-size dimensions included', () => {
    const random = seededRandom(91);
    for (let trial = 0; trial < 30; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank, trial % 7 === 0 ? 0 : 1, 3);
      const reps = shape.map(() => Math.floor(random() * 4));
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(tile(x, reps), tf.tile(tfX, reps));
        tfX.dispose();
      });
    }
  });

  it('tiles int32 and bool like tfjs', () => {
    tidy(() => {
      const [integers, tfIntegers] = pair(randomIntegers(6, seededRandom(2), -9, 9), [2, 3], 'int32');
      expectMatchesTf(tile(integers, [2, 2]), tf.tile(tfIntegers, [2, 2]));
      const [flags, tfFlags] = pair([1, 0], [2], 'bool');
      expectMatchesTf(tile(flags, [3]), tf.tile(tfFlags, [3]));
      tf.dispose([tfIntegers, tfFlags]);
    });
  });

  it('sums the gradient over the repeats, as tf.grad and finite differences', () => {
    const random = seededRandom(92);
    for (const [shape, reps] of [
      [
        [2, 3],
        [2, 3],
      ],
      [[3], [4]],
      [
        [2, 1, 2],
        [1, 3, 2],
      ],
    ] as Array<[number[], number[]]>) {
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(shape), random), shape }],
        tessera: (x) => tile(x, reps),
        tfjs: (x) => tf.tile(x, reps),
        reference: ([x]) => referenceTile(x, shape, reps),
      });
    }
  });

  it('needs one non-negative integer repeat per axis', () => {
    tidy(() => {
      const x = tensor([1, 2], [2]);
      expect(() => tile(x, [2, 3])).toThrow(InvalidArgumentError);
      expect(() => tile(x, [2, 3])).toThrow(
        'tile: reps must hold one non-negative integer per axis (1 for shape [2]), got [2,3]',
      );
      expect(() => tile(x, [-1])).toThrow(/^tile: reps must hold one non-negative integer per axis/);
      expect(() => tile(x, [1.5])).toThrow(InvalidArgumentError);
    });
  });
});

describe('reverse', () => {
  it('matches tfjs on random shapes of rank 0 to 4, negative and default axes, zero-size dimensions', () => {
    const random = seededRandom(93);
    for (let trial = 0; trial < 30; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank, trial % 6 === 0 ? 0 : 1, 4);
      const axis = rank === 0 || random() < 0.3 ? undefined : randomAxes(random, rank);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(reverse(x, axis), tf.reverse(tfX, axis));
        tfX.dispose();
      });
    }
  });

  it('reverses int32 and bool and accepts a single axis', () => {
    tidy(() => {
      const [integers, tfIntegers] = pair([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
      expectMatchesTf(reverse(integers, -1), tf.reverse(tfIntegers, -1));
      expect(Array.from(reverse(integers, 1).dataSync())).toEqual([3, 2, 1, 6, 5, 4]);
      const [flags, tfFlags] = pair([1, 0, 0], [3], 'bool');
      expectMatchesTf(reverse(flags), tf.reverse(tfFlags));
      tf.dispose([tfIntegers, tfFlags]);
    });
  });

  it('has the gradient of tf.grad and of finite differences', () => {
    const random = seededRandom(94);
    for (const [shape, axis] of [
      [
        [2, 3, 4],
        [0, -1],
      ],
      [[5], undefined],
      [[3, 2], 1],
    ] as Array<[number[], number | number[] | undefined]>) {
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(shape), random), shape }],
        tessera: (x) => reverse(x, axis),
        tfjs: (x) => tf.reverse(x, axis),
        reference: ([x]) => referenceReverse(x, shape, resolveAxes(axis, shape.length)),
      });
    }
  });

  it('names the op for bad or repeated axes', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4], [2, 2]);
      expect(() => reverse(x, 2)).toThrow(InvalidArgumentError);
      expect(() => reverse(x, 2)).toThrow(/^reverse: axis must be an integer in \[-2, 1\].*got 2/);
      expect(() => reverse(x, [0, -2])).toThrow(/^reverse: axes must be unique/);
    });
  });
});
