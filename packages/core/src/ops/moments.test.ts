import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
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
import { add } from './add';
import { moments } from './moments';
import { mul } from './mul';
import { tensor } from './tensor';
import { variance } from './variance';

function populationVariance(group: number[]): number {
  const average = group.reduce((total, value) => total + value, 0) / group.length;
  return group.reduce((total, value) => total + (value - average) ** 2, 0) / group.length;
}

describe('variance and moments', () => {
  it('match tf.moments on random shapes of rank 0 to 4, with negative axes and keepDims both ways', () => {
    const random = seededRandom(31);
    for (let trial = 0; trial < 40; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank);
      const axis = rank === 0 || random() < 0.25 ? undefined : randomAxes(random, rank);
      const keepDims = random() < 0.5;
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        const expected = tf.moments(tfX, axis, keepDims);
        const result = moments(x, axis, keepDims);
        expectMatchesTf(result.mean, expected.mean);
        expectMatchesTf(result.variance, expected.variance);
        expectMatchesTf(variance(x, axis, keepDims), expected.variance);
        tf.dispose([tfX, expected.mean, expected.variance]);
      });
    }
  });

  it('keep an empty kept dimension and return float32 for int32 input', () => {
    const random = seededRandom(2);
    tidy(() => {
      const [empty, tfEmpty] = randomPair([0, 3], random);
      const expected = tf.moments(tfEmpty, 1, true);
      expectMatchesTf(moments(empty, 1, true).variance, expected.variance);
      expectMatchesTf(moments(empty, 1, true).mean, expected.mean);
      const [integers, tfIntegers] = pair(randomIntegers(12, random, -9, 9), [3, 4], 'int32');
      const integerExpected = tf.moments(tfIntegers, 0);
      expectMatchesTf(variance(integers, 0), integerExpected.variance);
      expectMatchesTf(moments(integers, 0).mean, integerExpected.mean);
      tf.dispose([
        tfEmpty,
        tfIntegers,
        expected.mean,
        expected.variance,
        integerExpected.mean,
        integerExpected.variance,
      ]);
    });
  });

  it('does not lose the variance of data far from zero (centred, not E[x²] − E[x]²)', () => {
    tidy(() => {
      // E[x²] − E[x]² in float32 would give 0 or a large error here; the true variance is 2/3.
      const result = variance(tensor([10000, 10001, 10002]));
      expectValuesClose(Array.from(result.dataSync()), [2 / 3], 1e-4, 1e-4);
    });
  });

  it('variance has the gradient of tf.grad and of finite differences', () => {
    const random = seededRandom(8);
    for (const [shape, axis, keepDims] of [
      [[2, 3, 4], [0, -1], false],
      [[6], undefined, false],
      [[3, 2, 2], 1, true],
    ] as Array<[number[], number | number[] | undefined, boolean]>) {
      const values = randomValues(sizeFromShape(shape), random);
      checkGradients({
        inputs: [{ values, shape }],
        tessera: (x) => variance(x, axis, keepDims),
        tfjs: (x) => tf.moments(x, axis, keepDims).variance,
        reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), populationVariance),
      });
    }
  });

  it('moments differentiate through both outputs together', () => {
    const shape = [3, 4];
    const values = randomValues(12, seededRandom(9));
    const averages = (x: Float64Array) =>
      reduceGroups(x, shape, [1], (group) => group.reduce((a, b) => a + b, 0) / group.length);
    checkGradients({
      inputs: [{ values, shape }],
      tessera: (x) => {
        const result = moments(x, -1, true);
        return add(result.mean, mul(result.variance, 3));
      },
      tfjs: (x) => {
        const result = tf.moments(x, -1, true);
        return tf.add(result.mean, tf.mul(result.variance, 3));
      },
      reference: ([x]) => {
        const variances = reduceGroups(x, shape, [1], populationVariance);
        return averages(x).map((average, index) => average + 3 * variances[index]);
      },
    });
  });

  it('name the op and the allowed range for a bad axis', () => {
    tidy(() => {
      const x = tensor([1, 2, 3], [3]);
      expect(() => variance(x, 1)).toThrow(InvalidArgumentError);
      expect(() => variance(x, 1)).toThrow(/^variance: axis must be an integer in \[-1, 0\]/);
      expect(() => moments(x, -2)).toThrow(/^moments: axis must be an integer in \[-1, 0\]/);
    });
  });
});
