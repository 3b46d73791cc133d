import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { reduceGroups, resolveAxes } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  expectValuesClose,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { randomAxes, randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { mean } from './mean';
import { tensor } from './tensor';

const average = (group: number[]) => group.reduce((total, value) => total + value, 0) / group.length;

describe('mean', () => {
  it('matches tfjs on random shapes of rank 0 to 4, with negative axes and keepDims both ways', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 40; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank);
      const axis = rank === 0 || random() < 0.25 ? undefined : randomAxes(random, rank);
      const keepDims = random() < 0.5;
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(mean(x, axis, keepDims), tf.mean(tfX, axis, keepDims));
        tfX.dispose();
      });
    }
  });

  it('accepts a single axis number and an empty kept dimension', () => {
    tidy(() => {
      const [x, tfX] = randomPair([3, 0, 2], seededRandom(3));
      expectMatchesTf(mean(x, -1), tf.mean(tfX, -1));
      expectMatchesTf(mean(x, 2, true), tf.mean(tfX, 2, true));
      tfX.dispose();
    });
  });

  it('returns float32 for int32 and bool input, as tfjs', () => {
    const random = seededRandom(5);
    tidy(() => {
      const [x, tfX] = pair(randomIntegers(24, random, -50, 50), [2, 3, 4], 'int32');
      expectMatchesTf(mean(x, [0, 2]), tf.mean(tfX, [0, 2]));
      expectMatchesTf(mean(x), tf.mean(tfX));
      const [flags, tfFlags] = pair([1, 0, 0, 1, 1, 1], [2, 3], 'bool');
      expectMatchesTf(mean(flags, 1), tf.mean(tfFlags, 1));
      tf.dispose([tfX, tfFlags]);
    });
  });

  it('gives NaN for the mean of an empty group (0/0)', () => {
    tidy(() => {
      expect(Number.isNaN(mean(tensor([], [0])).dataSync()[0])).toBe(true);
      const result = mean(tensor([], [2, 0]), 1);
      expect(result.shape).toEqual([2]);
      expect(Array.from(result.dataSync()).every(Number.isNaN)).toBe(true);
    });
  });

  it('has the gradient of tf.grad and of finite differences', () => {
    const random = seededRandom(21);
    for (const [shape, axis, keepDims] of [
      [[2, 3, 4], [0, -1], false],
      [[5], undefined, true],
      [[3, 1, 2, 2], -3, false],
      [[2, 3], 1, true],
    ] as Array<[number[], number | number[] | undefined, boolean]>) {
      const values = randomValues(sizeFromShape(shape), random);
      checkGradients({
        inputs: [{ values, shape }],
        tessera: (x) => mean(x, axis, keepDims),
        tfjs: (x) => tf.mean(x, axis, keepDims),
        reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), average),
      });
    }
  });

  it('names the op and the allowed range for a bad axis', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect(() => mean(x, 2)).toThrow(InvalidArgumentError);
      expect(() => mean(x, 2)).toThrow(/^mean: axis must be an integer in \[-2, 1\].*got 2/);
      expect(() => mean(x, [0, -2])).toThrow(/mean: axes must be unique/);
    });
  });

  it('leaves only its result behind outside a tidy', () => {
    const x = tensor([1, 2, 3, 4], [2, 2], 'int32');
    const before = memory().numTensors;
    const result = mean(x, 0);
    expect(memory().numTensors).toBe(before + 1);
    expectValuesClose(Array.from(result.dataSync()), [2, 3]);
    result.dispose();
    x.dispose();
  });
});
