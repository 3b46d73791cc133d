import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
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
import { reshape } from './reshape';
import { tensor } from './tensor';

describe('reshape', () => {
  it('matches tfjs, inferring one -1 dimension, for every dtype and zero-size tensors', () => {
    const cases: Array<[number[], number[]]> = [
      [
        [2, 3, 4],
        [4, -1],
      ],
      [[2, 3, 4], [-1]],
      [
        [2, 3, 4],
        [3, 2, 2, -1],
      ],
      [[24], [2, 3, 4]],
      [[], [1, 1, -1]],
      [[1, 1], []],
      [
        [0, 3],
        [3, 0],
      ],
      [
        [0, 3],
        [-1, 3],
      ],
      [
        [2, 0],
        [0, 5],
      ],
    ];
    const random = seededRandom(141);
    for (const [from, to] of cases) {
      tidy(() => {
        const [x, tfX] = randomPair(from, random);
        expectMatchesTf(reshape(x, to), tf.reshape(tfX, to));
        const size = from.reduce((a, b) => a * b, 1);
        const [integers, tfIntegers] = pair(randomIntegers(size, random, -9, 9), from, 'int32');
        expectMatchesTf(reshape(integers, to), tf.reshape(tfIntegers, to));
        const [flags, tfFlags] = pair(randomIntegers(size, random, 0, 2), from, 'bool');
        expectMatchesTf(reshape(flags, to), tf.reshape(tfFlags, to));
        tf.dispose([tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('passes the gradient back in the input shape', () => {
    checkGradients({
      inputs: [{ values: randomValues(12, seededRandom(142)), shape: [3, 4] }],
      tessera: (x) => reshape(x, [2, -1, 3]),
      tfjs: (x) => tf.reshape(x, [2, -1, 3]),
      reference: ([x]) => x,
    });
  });

  it('rejects impossible shapes with the sizes in the message', () => {
    tidy(() => {
      const x = tensor(randomValues(6, seededRandom(1)), [2, 3]);
      expect(() => reshape(x, [4, 2])).toThrow(ShapeError);
      expect(() => reshape(x, [4, 2])).toThrow('reshape: cannot reshape [2,3] (6 elements) to [4,2] (8 elements)');
      expect(() => reshape(x, [4, -1])).toThrow('reshape: cannot infer the -1 dimension of [4,-1] for 6 elements');
      expect(() => reshape(x, [0, -1])).toThrow(ShapeError);
      expect(() => reshape(x, [-1, -1])).toThrow(InvalidArgumentError);
      expect(() => reshape(x, [2, 1.5, 2])).toThrow(/^reshape: every dimension must be a non-negative integer/);
      expect(() => reshape(x, [-2, -3])).toThrow(InvalidArgumentError);
    });
  });
});
