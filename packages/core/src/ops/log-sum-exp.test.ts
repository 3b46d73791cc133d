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
import { logSumExp } from './log-sum-exp';
import { tensor } from './tensor';

function referenceLogSumExp(group: number[]): number {
  const largest = Math.max(...group);
  return largest + Math.log(group.reduce((total, value) => total + Math.exp(value - largest), 0));
}

describe('logSumExp', () => {
  it('matches tfjs on random shapes of rank 0 to 4, with negative axes and keepDims both ways', () => {
    const random = seededRandom(41);
    for (let trial = 0; trial < 40; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank);
      const axis = rank === 0 || random() < 0.25 ? undefined : randomAxes(random, rank);
      const keepDims = random() < 0.5;
      tidy(() => {
        const [x, tfX] = randomPair(shape, random, -5, 5);
        expectMatchesTf(logSumExp(x, axis, keepDims), tf.logSumExp(tfX, axis, keepDims));
        tfX.dispose();
      });
    }
  });

  it('handles int32 input (float32 result) and empty kept dimensions as tfjs', () => {
    const random = seededRandom(4);
    tidy(() => {
      const [integers, tfIntegers] = pair(randomIntegers(6, random, -3, 3), [2, 3], 'int32');
      expectMatchesTf(logSumExp(integers, 1), tf.logSumExp(tfIntegers, 1));
      const [empty, tfEmpty] = randomPair([0, 2], random);
      expectMatchesTf(logSumExp(empty, -1, true), tf.logSumExp(tfEmpty, -1, true));
      tf.dispose([tfIntegers, tfEmpty]);
    });
  });

  it('stays finite for large inputs where a naive log(sum(exp(x))) overflows', () => {
    tidy(() => {
      const result = logSumExp(
        tensor([
          [1000, 1000],
          [-1000, -1001],
        ]),
        1,
      );
      expectValuesClose(Array.from(result.dataSync()), [1000 + Math.LN2, -1000 + Math.log1p(Math.exp(-1))], 1e-6, 1e-3);
    });
  });

  it('gives −∞ when every input is −∞ or the group is empty, +∞ for a +∞ input and NaN for NaN', () => {
    tidy(() => {
      const result = logSumExp(
        tensor([
          [-Infinity, -Infinity],
          [Infinity, 1],
          [NaN, 1],
        ]),
        1,
      );
      expect(Array.from(result.dataSync())).toEqual([-Infinity, Infinity, NaN]);
      expect(Array.from(logSumExp(tensor([], [2, 0]), 1).dataSync())).toEqual([-Infinity, -Infinity]);
    });
  });

  it('has the gradient of tf.grad and of finite differences (softmax), ties in the maximum included', () => {
    const random = seededRandom(12);
    const cases: Array<[number[], number[], number | number[] | undefined, boolean]> = [
      [[2, 3, 4], randomValues(24, random), [0, -1], false],
      [[5], randomValues(5, random), undefined, true],
      [[3, 2], randomValues(6, random), -2, true],
      // Equal maxima: the shift must not send extra gradient to the tied elements.
      [[2, 3], [1, 1, 0.5, 2, -1, 2], 1, false],
    ];
    for (const [shape, values, axis, keepDims] of cases) {
      checkGradients({
        inputs: [{ values, shape }],
        tessera: (x) => logSumExp(x, axis, keepDims),
        tfjs: (x) => tf.logSumExp(x, axis, keepDims),
        reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), referenceLogSumExp),
      });
    }
  });

  it('names the op and the allowed range for a bad axis', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4], [2, 2]);
      expect(() => logSumExp(x, -3)).toThrow(InvalidArgumentError);
      expect(() => logSumExp(x, -3)).toThrow(/^logSumExp: axis must be an integer in \[-2, 1\].*got -3/);
      expect(() => logSumExp(x, [1, -1])).toThrow(/^logSumExp: axes must be unique/);
    });
  });
});
