import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors';
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
import { broadcastTo } from './broadcast-to';
import { tensor } from './tensor';

const CASES: Array<[number[], number[]]> = [
  [[3], [2, 3]],
  [[1], [4]],
  [[], [2, 2]],
  [
    [2, 1, 3],
    [2, 4, 3],
  ],
  [
    [1, 1],
    [3, 1, 2],
  ],
  [
    [2, 3],
    [2, 3],
  ],
  [
    [1, 2, 1, 1],
    [3, 2, 2, 2],
  ],
];

describe('broadcastTo', () => {
  it('matches tfjs for leading and size-1 axes, zero-size targets, every dtype', () => {
    const random = seededRandom(221);
    for (const [from, to] of CASES) {
      tidy(() => {
        const [x, tfX] = randomPair(from, random);
        expectMatchesTf(broadcastTo(x, to), tf.broadcastTo(tfX, to));
        const [integers, tfIntegers] = pair(randomIntegers(sizeFromShape(from), random, -9, 9), from, 'int32');
        expectMatchesTf(broadcastTo(integers, to), tf.broadcastTo(tfIntegers, to));
        const [flags, tfFlags] = pair(randomIntegers(sizeFromShape(from), random, 0, 2), from, 'bool');
        expectMatchesTf(broadcastTo(flags, to), tf.broadcastTo(tfFlags, to));
        tf.dispose([tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('broadcasts a size-1 axis to size 0 (tfjs wrongly keeps it at 1)', () => {
    tidy(() => {
      const result = broadcastTo(tensor([1, 2, 3], [1, 3]), [0, 3]);
      expect(result.shape).toEqual([0, 3]);
      expect(broadcastTo(tensor([true], [1], 'bool'), [2, 0]).shape).toEqual([2, 0]);
    });
  });

  it('sums the gradient back over the repeated axes, as tf.grad and finite differences', () => {
    const random = seededRandom(222);
    for (const [from, to] of CASES.filter(([, target]) => sizeFromShape(target) > 0)) {
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(from), random), shape: from }],
        tessera: (x) => broadcastTo(x, to),
        tfjs: (x) => tf.broadcastTo(x, to),
        reference: ([x]) => generate(to, (coordinates) => broadcastRead(x, from, coordinates)),
      });
    }
  });

  it('rejects shapes it cannot reach and invalid shapes', () => {
    tidy(() => {
      const x = tensor([1, 2, 3], [3]);
      expect(() => broadcastTo(x, [2, 4])).toThrow(ShapeError);
      expect(() => broadcastTo(x, [2, 4])).toThrow('broadcastTo: cannot broadcast [3] to [2,4]');
      expect(() => broadcastTo(tensor([1, 2], [2, 1]), [2])).toThrow(ShapeError);
      expect(() => broadcastTo(x, [-1, 3])).toThrow(InvalidArgumentError);
    });
  });
});
