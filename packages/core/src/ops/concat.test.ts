import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
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
import { concat } from './concat';
import { tensor } from './tensor';

describe('concat', () => {
  it('matches tfjs for 1 to 4 tensors along random axes (negative included) of ranks 1 to 4, every dtype', () => {
    const random = seededRandom(181);
    for (let trial = 0; trial < 30; trial++) {
      const rank = 1 + (trial % 4);
      const base = randomShape(random, rank, 1, 3);
      const axis = Math.floor(random() * rank) - (random() < 0.5 ? rank : 0);
      const positive = axis < 0 ? axis + rank : axis;
      const count = 1 + Math.floor(random() * 4);
      // Zero-length pieces along the axis are allowed and simply contribute nothing.
      const shapes = Array.from({ length: count }, () =>
        base.map((dimension, index) => (index === positive ? Math.floor(random() * 4) : dimension)),
      );
      tidy(() => {
        const floats = shapes.map((shape) => randomPair(shape, random));
        expectMatchesTf(
          concat(
            floats.map(([x]) => x),
            axis,
          ),
          tf.concat(
            floats.map(([, tfX]) => tfX),
            axis,
          ),
        );
        const integers = shapes.map((shape) =>
          pair(randomIntegers(sizeFromShape(shape), random, -9, 9), shape, 'int32'),
        );
        expectMatchesTf(
          concat(
            integers.map(([x]) => x),
            axis,
          ),
          tf.concat(
            integers.map(([, tfX]) => tfX),
            axis,
          ),
        );
        const flags = shapes.map((shape) => pair(randomIntegers(sizeFromShape(shape), random, 0, 2), shape, 'bool'));
        expectMatchesTf(
          concat(
            flags.map(([x]) => x),
            axis,
          ),
          tf.concat(
            flags.map(([, tfX]) => tfX),
            axis,
          ),
        );
        tf.dispose([...floats, ...integers, ...flags].map(([, tfX]) => tfX));
      });
    }
  });

  it('splits the gradient back to each input, as tf.grads and finite differences', () => {
    const random = seededRandom(182);
    const shapes = [
      [2, 1, 3],
      [2, 2, 3],
      [2, 3, 3],
    ];
    checkGradients({
      inputs: shapes.map((shape) => ({ values: randomValues(sizeFromShape(shape), random), shape })),
      tessera: (...xs) => concat(xs, -2),
      tfjs: (...xs) => tf.concat(xs, -2),
      reference: (xs) =>
        generate([2, 6, 3], ([row, middle, column]) => {
          const which = middle < 1 ? 0 : middle < 3 ? 1 : 2;
          const offset = [0, 1, 3][which];
          return xs[which][indexOf([row, middle - offset, column], shapes[which])];
        }),
    });
  });

  it('rejects empty lists, mismatched shapes, ranks and dtypes, and bad axes', () => {
    tidy(() => {
      const a = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect(() => concat([])).toThrow(InvalidArgumentError);
      expect(() => concat([a, tensor([1, 2, 3, 4], [2, 2])], 0)).toThrow(ShapeError);
      expect(() => concat([a, tensor([1, 2, 3, 4], [2, 2])], 0)).toThrow(
        'concat: shapes must match except along axis 0, got [2,3] and [2,2] at index 1',
      );
      expect(() => concat([a, tensor([1, 2, 3])], 0)).toThrow(ShapeError);
      expect(() => concat([a, tensor([1, 2, 3], [1, 3], 'int32')], 0)).toThrow(DTypeError);
      expect(() => concat([a, tensor([1, 2, 3], [1, 3], 'int32')], 0)).toThrow(
        'concat: all tensors must share one dtype, got float32 and int32 at index 1',
      );
      expect(() => concat([a, a], 2)).toThrow(
        'concat: axis must be an integer in [-2, 1] for a tensor of rank 2, got 2',
      );
    });
  });
});
