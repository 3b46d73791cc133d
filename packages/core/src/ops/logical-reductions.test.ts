import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { expectMatchesTf, pair, randomIntegers, seededRandom, tf } from '../test-utils/oracle';
import { randomAxes, randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { all } from './all';
import { any } from './any';
import { tensor } from './tensor';

describe('all and any', () => {
  it('match tfjs on random bool shapes of rank 0 to 4, with negative axes and keepDims both ways', () => {
    const random = seededRandom(61);
    for (let trial = 0; trial < 40; trial++) {
      const rank = trial % 5;
      const shape = randomShape(random, rank);
      const axis = rank === 0 || random() < 0.25 ? undefined : randomAxes(random, rank);
      const keepDims = random() < 0.5;
      // Mostly-true and mostly-false inputs, so that both answers occur for both ops.
      const bias = trial % 2 === 0 ? 0.85 : 0.15;
      const values = Array.from({ length: sizeFromShape(shape) }, () => (random() < bias ? 1 : 0));
      tidy(() => {
        const [x, tfX] = pair(values, shape, 'bool');
        expectMatchesTf(all(x, axis, keepDims), tf.all(tfX, axis, keepDims));
        expectMatchesTf(any(x, axis, keepDims), tf.any(tfX, axis, keepDims));
        tfX.dispose();
      });
    }
  });

  it('give the identities over an empty group: all is true, any is false', () => {
    tidy(() => {
      const empty = tensor([], [2, 0], 'bool');
      expect(Array.from(all(empty, 1).dataSync())).toEqual([1, 1]);
      expect(Array.from(any(empty, 1).dataSync())).toEqual([0, 0]);
      expect(all(empty, 0).shape).toEqual([0]);
    });
  });

  it('reject non-bool input and bad axes with the op name', () => {
    tidy(() => {
      const integers = tensor(randomIntegers(4, seededRandom(1), 0, 2), [4], 'int32');
      expect(() => all(integers)).toThrow(DTypeError);
      expect(() => any(tensor([1, 0]))).toThrow(/^any: expected a bool tensor, got float32/);
      const flags = tensor([true, false], [2], 'bool');
      expect(() => all(flags, 1)).toThrow(InvalidArgumentError);
      expect(() => any(flags, -2)).toThrow(/^any: axis must be an integer in \[-1, 0\]/);
    });
  });
});
