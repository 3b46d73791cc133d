import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { expectMatchesTf, pair, randomIntegers, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { randomAxis, randomShape } from '../test-utils/random-shapes';
import { argMax } from './arg-max';
import { argMin } from './arg-min';
import { cast } from './cast';
import { gather } from './gather';
import { max } from './max';
import { mul } from './mul';
import { reshape } from './reshape';
import { sum } from './sum';
import { tensor } from './tensor';

describe('argMax and argMin', () => {
  it('match tfjs on random float shapes of rank 1 to 4 with negative axes', () => {
    const random = seededRandom(51);
    for (let trial = 0; trial < 40; trial++) {
      const rank = 1 + (trial % 4);
      const shape = randomShape(random, rank);
      const axis = randomAxis(random, rank);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(argMax(x, axis), tf.argMax(tfX, axis));
        expectMatchesTf(argMin(x, axis), tf.argMin(tfX, axis));
        tfX.dispose();
      });
    }
  });

  it('default to axis 0 and return the first index among ties, as tfjs', () => {
    tidy(() => {
      const [x, tfX] = pair([3, 1, 3, 0, 1, 0, 2, 2, 2], [3, 3]);
      expectMatchesTf(argMax(x), tf.argMax(tfX));
      expectMatchesTf(argMin(x), tf.argMin(tfX));
      expectMatchesTf(argMax(x, 1), tf.argMax(tfX, 1));
      expectMatchesTf(argMin(x, -1), tf.argMin(tfX, -1));
      expect(Array.from(argMax(x, 1).dataSync())).toEqual([0, 1, 0]);
      expect(Array.from(argMin(x, 1).dataSync())).toEqual([1, 0, 0]);
      tfX.dispose();
    });
  });

  it('work on int32 and bool input, and keep an empty kept dimension', () => {
    const random = seededRandom(6);
    tidy(() => {
      const [integers, tfIntegers] = pair(randomIntegers(24, random, -5, 5), [2, 3, 4], 'int32');
      expectMatchesTf(argMax(integers, 1), tf.argMax(tfIntegers, 1));
      expectMatchesTf(argMin(integers, -1), tf.argMin(tfIntegers, -1));
      const [flags, tfFlags] = pair([0, 1, 1, 0, 0, 0], [2, 3], 'bool');
      expectMatchesTf(argMax(flags, 1), tf.argMax(tfFlags, 1));
      expectMatchesTf(argMin(flags, 1), tf.argMin(tfFlags, 1));
      const [empty, tfEmpty] = randomPair([0, 3], random);
      expectMatchesTf(argMax(empty, 1), tf.argMax(tfEmpty, 1));
      tf.dispose([tfIntegers, tfFlags, tfEmpty]);
    });
  });

  it('point at a NaN when max propagates it, so gather(x, argMax(x)) equals max(x)', () => {
    tidy(() => {
      const x = tensor([1, NaN, 3, 4, 2, -1], [2, 3]);
      const largest = max(x, 1);
      const picked = gather(reshape(x, [6]), tensor([0, 3], [2], 'int32').add(argMax(x, 1)));
      expect(Array.from(picked.dataSync())).toEqual(Array.from(largest.dataSync()));
    });
  });

  it('carry no gradient (indices are piecewise constant)', () => {
    tidy(() => {
      const x = tensor([1, 4, 2, 3], [2, 2]);
      const gradient = grad((input) => mul(cast(argMax(input, 1), 'float32'), sum(input)))(x);
      // argMax is [1, 1]; only the Σx factor contributes, so every element gets 1 + 1.
      expect(Array.from(gradient.dataSync())).toEqual([2, 2, 2, 2]);
    });
  });

  it('reject scalars, empty axes and out-of-range axes with the op name', () => {
    tidy(() => {
      expect(() => argMax(tensor(3))).toThrow(InvalidArgumentError);
      expect(() => argMax(tensor(3))).toThrow(/^argMax: expected a tensor of rank ≥ 1/);
      expect(() => argMin(tensor([], [2, 0]), 1)).toThrow(/^argMin: axis 1 of shape \[2,0\] is empty/);
      expect(() => argMax(tensor([1, 2], [1, 2]), 2)).toThrow(/^argMax: axis must be an integer in \[-2, 1\].*got 2/);
      expect(() => argMin(tensor([1, 2], [1, 2]), -3)).toThrow(/^argMin: axis must be an integer in \[-2, 1\]/);
    });
  });
});
