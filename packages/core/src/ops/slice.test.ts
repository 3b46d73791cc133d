import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { generate, indexOf } from '../test-utils/float64-reference';
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
import { slice } from './slice';
import { tensor } from './tensor';

describe('slice', () => {
  it('matches tfjs for random blocks (size -1 included) on ranks 1 to 4, every dtype', () => {
    const random = seededRandom(161);
    for (let trial = 0; trial < 40; trial++) {
      const rank = 1 + (trial % 4);
      const shape = randomShape(random, rank, 1, 5);
      const begin = shape.map((dimension) => Math.floor(random() * dimension));
      const size = shape.map((dimension, axis) =>
        random() < 0.25 ? -1 : Math.floor(random() * (dimension - begin[axis] + 1)),
      );
      const count = sizeFromShape(shape);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(slice(x, begin, size), tf.slice(tfX, begin, size));
        const [integers, tfIntegers] = pair(randomIntegers(count, random, -9, 9), shape, 'int32');
        expectMatchesTf(slice(integers, begin, size), tf.slice(tfIntegers, begin, size));
        const [flags, tfFlags] = pair(randomIntegers(count, random, 0, 2), shape, 'bool');
        expectMatchesTf(slice(flags, begin, size), tf.slice(tfFlags, begin, size));
        tf.dispose([tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('accepts a number begin, a short begin and a missing size, as tfjs', () => {
    tidy(() => {
      const [x, tfX] = randomPair([4, 3], seededRandom(2));
      expectMatchesTf(slice(x, 1), tf.slice(tfX, 1));
      expectMatchesTf(slice(x, 2, 1), tf.slice(tfX, 2, 1));
      expectMatchesTf(slice(x, [1], [2]), tf.slice(tfX, [1], [2]));
      expectMatchesTf(slice(x, [0, 3], [4, 0]), tf.slice(tfX, [0, 3], [4, 0]));
      tfX.dispose();
    });
  });

  it('scatters the gradient into zeros, as tf.grad and finite differences', () => {
    const shape = [3, 4, 2];
    const begin = [1, 0, 1];
    const size = [2, -1, 1];
    checkGradients({
      inputs: [{ values: randomValues(24, seededRandom(162)), shape }],
      tessera: (x) => slice(x, begin, size),
      tfjs: (x) => tf.slice(x, begin, size),
      reference: ([x]) =>
        generate(
          [2, 4, 1],
          (coordinates) =>
            x[
              indexOf(
                coordinates.map((value, axis) => value + begin[axis]),
                shape,
              )
            ],
        ),
    });
  });

  it('rejects blocks that leave the tensor, naming begin, size and shape', () => {
    tidy(() => {
      const x = tensor(randomValues(6, seededRandom(1)), [2, 3]);
      expect(() => slice(x, [0, 2], [1, 2])).toThrow(InvalidArgumentError);
      expect(() => slice(x, [0, 2], [1, 2])).toThrow(
        'slice: begin=[0,2] size=[1,2] is out of range for shape [2,3] at axis 1',
      );
      expect(() => slice(x, [-1, 0])).toThrow(InvalidArgumentError);
      expect(() => slice(x, [3, 0])).toThrow(InvalidArgumentError);
      expect(() => slice(x, [0, 0], [1, -2])).toThrow(InvalidArgumentError);
      expect(() => slice(x, [0, 0, 0])).toThrow(/^slice: begin and size may have at most 2 entries for shape \[2,3\]/);
    });
  });
});
