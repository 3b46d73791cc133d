import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
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
import { randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { expandDims } from './expand-dims';
import { flatten } from './flatten';
import { squeeze } from './squeeze';
import { tensor } from './tensor';

describe('flatten', () => {
  it('turns every rank (0 to 4, zero-size included) into a vector of the same values, any dtype', () => {
    const random = seededRandom(71);
    for (let rank = 0; rank <= 4; rank++) {
      const shape = randomShape(random, rank, 0, 3);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(flatten(x), tf.reshape(tfX, [-1]));
        const [integers, tfIntegers] = pair(randomIntegers(sizeFromShape(shape), random, -9, 9), shape, 'int32');
        expectMatchesTf(flatten(integers), tf.reshape(tfIntegers, [-1]));
        tf.dispose([tfX, tfIntegers]);
      });
    }
    tidy(() => expect(flatten(tensor(true)).shape).toEqual([1]));
  });

  it('passes the gradient through unchanged in shape', () => {
    const values = randomValues(12, seededRandom(1));
    checkGradients({
      inputs: [{ values, shape: [2, 3, 2] }],
      tessera: (x) => flatten(x),
      tfjs: (x) => tf.reshape(x, [-1]),
      reference: ([x]) => x,
    });
  });
});

describe('expandDims', () => {
  it('matches tfjs for every insertion position, negative ones included, on ranks 0 to 3', () => {
    const random = seededRandom(72);
    for (let rank = 0; rank <= 3; rank++) {
      const shape = randomShape(random, rank, 0, 3);
      for (let axis = -(rank + 1); axis <= rank; axis++) {
        tidy(() => {
          const [x, tfX] = randomPair(shape, random);
          expectMatchesTf(expandDims(x, axis), tf.expandDims(tfX, axis));
          tfX.dispose();
        });
      }
    }
    tidy(() => {
      const [flags, tfFlags] = pair([1, 0, 1], [3], 'bool');
      expectMatchesTf(expandDims(flags), tf.expandDims(tfFlags));
      tfFlags.dispose();
    });
  });

  it('has the identity gradient', () => {
    checkGradients({
      inputs: [{ values: randomValues(6, seededRandom(2)), shape: [2, 3] }],
      tessera: (x) => expandDims(x, -2),
      tfjs: (x) => tf.expandDims(x, -2),
      reference: ([x]) => x,
    });
  });

  it('names the op and the allowed range [-(rank + 1), rank]', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect(() => expandDims(x, 3)).toThrow(InvalidArgumentError);
      expect(() => expandDims(x, 3)).toThrow(
        'expandDims: axis must be an integer in [-3, 2] for a tensor of rank 2, got 3',
      );
      expect(() => expandDims(x, -4)).toThrow(/^expandDims: axis must be an integer in \[-3, 2\]/);
      expect(() => expandDims(x, 0.5)).toThrow(InvalidArgumentError);
    });
  });
});

describe('squeeze', () => {
  it('matches tfjs with and without axes, negative axes and zero-size dimensions', () => {
    const cases: Array<[number[], number[] | undefined]> = [
      [[1, 2, 1, 3, 1], undefined],
      [[1, 2, 1, 3, 1], [0]],
      [
        [1, 2, 1, 3, 1],
        [-1, 2],
      ],
      [[1, 0, 1], undefined],
      [[1, 0, 1], [-3]],
      [[2, 3], undefined],
      [[1, 1], undefined],
      [[], undefined],
    ];
    const random = seededRandom(73);
    for (const [shape, axis] of cases) {
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(squeeze(x, axis), tf.squeeze(tfX, axis));
        tfX.dispose();
      });
    }
    tidy(() => {
      const [integers, tfIntegers] = pair([4, 5], [2, 1], 'int32');
      expectMatchesTf(squeeze(integers, 1), tf.squeeze(tfIntegers, [1]));
      tfIntegers.dispose();
    });
  });

  it('accepts a single axis number', () => {
    tidy(() => expect(squeeze(tensor([1, 2], [1, 2]), 0).shape).toEqual([2]));
  });

  it('has the identity gradient', () => {
    checkGradients({
      inputs: [{ values: randomValues(6, seededRandom(3)), shape: [3, 1, 2] }],
      tessera: (x) => squeeze(x),
      tfjs: (x) => tf.squeeze(x),
      reference: ([x]) => x,
    });
  });

  it('refuses to squeeze a dimension that is not 1, naming it', () => {
    tidy(() => {
      const x = tensor([1, 2], [1, 2, 1]);
      expect(() => squeeze(x, [1])).toThrow(InvalidArgumentError);
      expect(() => squeeze(x, 1)).toThrow('squeeze: cannot squeeze axis 1 of shape [1,2,1]: its dimension is 2, not 1');
      expect(() => squeeze(x, [-2])).toThrow(/axis 1 of shape \[1,2,1\]/);
      expect(() => squeeze(x, [3])).toThrow(/^squeeze: axis must be an integer in \[-3, 2\]/);
    });
  });
});
