import { describe, expect, it } from 'vitest';
import { DTypeError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import { broadcastRead, generate } from '../test-utils/float64-reference';
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
import { sizeFromShape } from '../util/shape';
import { tensor } from './tensor';
import { where } from './where';

const SHAPES: Array<[number[], number[], number[], number[]]> = [
  // condition, a, b, broadcast result
  [
    [2, 3],
    [2, 3],
    [2, 3],
    [2, 3],
  ],
  [
    [2, 1, 1],
    [1, 3, 1],
    [1, 1, 4],
    [2, 3, 4],
  ],
  [[4], [3, 1], [], [3, 4]],
  [[], [2, 2], [2, 2], [2, 2]],
  [[3, 1], [3, 4], [4], [3, 4]],
];

describe('where', () => {
  it('matches tfjs when condition, a and b all broadcast, for float32, int32 and bool values', () => {
    const random = seededRandom(211);
    for (const [conditionShape, aShape, bShape] of SHAPES) {
      tidy(() => {
        const [condition, tfCondition] = pair(
          randomIntegers(sizeFromShape(conditionShape), random, 0, 2),
          conditionShape,
          'bool',
        );
        const [a, tfA] = randomPair(aShape, random);
        const [b, tfB] = randomPair(bShape, random);
        expectMatchesTf(where(condition, a, b), tf.where(tfCondition, tfA, tfB));
        const [ai, tfAi] = pair(randomIntegers(sizeFromShape(aShape), random, -9, 9), aShape, 'int32');
        const [bi, tfBi] = pair(randomIntegers(sizeFromShape(bShape), random, -9, 9), bShape, 'int32');
        expectMatchesTf(where(condition, ai, bi), tf.where(tfCondition, tfAi, tfBi));
        const [ab, tfAb] = pair(randomIntegers(sizeFromShape(aShape), random, 0, 2), aShape, 'bool');
        const [bb, tfBb] = pair(randomIntegers(sizeFromShape(bShape), random, 0, 2), bShape, 'bool');
        expectMatchesTf(where(condition, ab, bb), tf.where(tfCondition, tfAb, tfBb));
        tf.dispose([tfCondition, tfA, tfB, tfAi, tfBi, tfAb, tfBb]);
      });
    }
  });

  it('broadcasts a size-1 axis to size 0 (tfjs wrongly keeps it at 1)', () => {
    tidy(() => {
      const result = where(tensor([], [0, 2], 'bool'), tensor([1, 2], [1, 2]), tensor([3, 4]));
      expect(result.shape).toEqual([0, 2]);
      expect(where(tensor([true], [1], 'bool'), tensor([], [0]), tensor(1)).shape).toEqual([0]);
    });
  });

  it('sums the gradient of broadcast operands back, as tf.grads and finite differences', () => {
    const random = seededRandom(212);
    for (const [conditionShape, aShape, bShape, outputShape] of SHAPES) {
      const conditionValues = randomIntegers(sizeFromShape(conditionShape), random, 0, 2);
      checkGradients({
        inputs: [
          { values: randomValues(sizeFromShape(aShape), random), shape: aShape },
          { values: randomValues(sizeFromShape(bShape), random), shape: bShape },
        ],
        tessera: (a, b) => where(tensor(conditionValues, conditionShape, 'bool'), a, b),
        tfjs: (a, b) => tf.where(tf.tensor(conditionValues, conditionShape, 'bool'), a, b),
        reference: ([a, b]) =>
          generate(outputShape, (coordinates) =>
            broadcastRead(conditionValues, conditionShape, coordinates)
              ? broadcastRead(a, aShape, coordinates)
              : broadcastRead(b, bShape, coordinates),
          ),
      });
    }
  });

  it('rejects a non-bool condition and shapes that do not broadcast', () => {
    tidy(() => {
      const a = tensor([1, 2, 3]);
      expect(() => where(tensor([1, 0, 1]), a, a)).toThrow(DTypeError);
      expect(() => where(tensor([1, 0, 1]), a, a)).toThrow('where: condition must be bool, got float32');
      expect(() => where(tensor([true, false], [2], 'bool'), a, a)).toThrow(ShapeError);
      expect(() => where(tensor([true, false, true], [3], 'bool'), a, tensor([1, 2]))).toThrow(
        /^where: shapes .* cannot be broadcast together/,
      );
    });
  });
});
