import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError, ShapeError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
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
import { reshape } from './reshape';
import { split } from './split';
import { stack } from './stack';
import { tensor } from './tensor';
import { unstack } from './unstack';

/** Flattens a list of tensors into one vector, so list-valued ops can be checked with one scalar loss. */
const joined = (parts: Tensor[]) =>
  concat(
    parts.map((part) => reshape(part, [-1])),
    0,
  );
const tfJoined = (parts: tf.Tensor[]) =>
  tf.concat(
    parts.map((part) => tf.reshape(part, [-1])),
    0,
  );

/** The pieces of `x` (of `shape`) along `axis` with the given lengths, each flattened, in order. */
function referencePieces(x: Float64Array, shape: number[], axis: number, lengths: number[]): number[] {
  const result: number[] = [];
  let offset = 0;
  for (const length of lengths) {
    const pieceShape = shape.map((dimension, index) => (index === axis ? length : dimension));
    const piece = generate(
      pieceShape,
      (coordinates) =>
        x[
          indexOf(
            coordinates.map((value, index) => (index === axis ? value + offset : value)),
            shape,
          )
        ],
    );
    result.push(...piece);
    offset += length;
  }
  return result;
}

describe('stack', () => {
  it('matches tfjs for every axis (negative included) on ranks 0 to 3, zero-size dimensions and int32', () => {
    const random = seededRandom(81);
    for (let rank = 0; rank <= 3; rank++) {
      const shape = randomShape(random, rank, 0, 3);
      const count = 1 + Math.floor(random() * 3);
      for (let axis = -(rank + 1); axis <= rank; axis++) {
        tidy(() => {
          const pairs = Array.from({ length: count }, () => randomPair(shape, random));
          expectMatchesTf(
            stack(
              pairs.map(([x]) => x),
              axis,
            ),
            tf.stack(
              pairs.map(([, tfX]) => tfX),
              axis,
            ),
          );
          const integers = Array.from({ length: count }, () =>
            pair(randomIntegers(sizeFromShape(shape), random, -5, 5), shape, 'int32'),
          );
          expectMatchesTf(
            stack(
              integers.map(([x]) => x),
              axis,
            ),
            tf.stack(
              integers.map(([, tfX]) => tfX),
              axis,
            ),
          );
          tf.dispose([...pairs.map(([, tfX]) => tfX), ...integers.map(([, tfX]) => tfX)]);
        });
      }
    }
  });

  it('has the gradient of tf.grads and of finite differences', () => {
    const random = seededRandom(82);
    const shape = [2, 3];
    const inputs = [0, 1, 2].map(() => ({ values: randomValues(6, random), shape }));
    checkGradients({
      inputs,
      tessera: (...xs) => stack(xs, 1),
      tfjs: (...xs) => tf.stack(xs, 1),
      reference: (xs) => generate([2, 3, 3], ([row, which, column]) => xs[which][row * 3 + column]),
    });
  });

  it('rejects empty lists, mismatched shapes or dtypes and bad axes', () => {
    tidy(() => {
      const a = tensor([1, 2], [2]);
      expect(() => stack([])).toThrow(InvalidArgumentError);
      expect(() => stack([a, tensor([1, 2, 3])])).toThrow(ShapeError);
      expect(() => stack([a, tensor([1, 2, 3])])).toThrow(
        'stack: all tensors must have the same shape, got [2] and [3] at index 1',
      );
      expect(() => stack([a, tensor([1, 2], [2], 'int32')])).toThrow(DTypeError);
      expect(() => stack([a, a], 2)).toThrow('stack: axis must be an integer in [-2, 1] for a tensor of rank 1, got 2');
    });
  });
});

describe('unstack', () => {
  it('matches tfjs for every axis on ranks 1 to 4, zero-size dimensions and bool', () => {
    const random = seededRandom(83);
    for (let rank = 1; rank <= 4; rank++) {
      const shape = randomShape(random, rank, 0, 3);
      for (let axis = -rank; axis < rank; axis++) {
        tidy(() => {
          const [x, tfX] = randomPair(shape, random);
          const pieces = unstack(x, axis);
          const expected = tf.unstack(tfX, axis);
          expect(pieces.length).toBe(expected.length);
          pieces.forEach((piece, index) => {
            expectMatchesTf(piece, expected[index]);
          });
          tf.dispose([tfX, ...expected]);
        });
      }
    }
    tidy(() => {
      const [flags, tfFlags] = pair([1, 0, 0, 1], [2, 2], 'bool');
      const expected = tf.unstack(tfFlags, 1);
      unstack(flags, 1).forEach((piece, index) => {
        expectMatchesTf(piece, expected[index]);
      });
      tf.dispose([tfFlags, ...expected]);
    });
  });

  it('has the gradient of tf.grads and of finite differences', () => {
    const shape = [2, 3, 2];
    checkGradients({
      inputs: [{ values: randomValues(12, seededRandom(84)), shape }],
      tessera: (x) => joined(unstack(x, -2)),
      tfjs: (x) => tfJoined(tf.unstack(x, 1)),
      reference: ([x]) => referencePieces(x, shape, 1, [1, 1, 1]),
    });
  });

  it('rejects scalars and bad axes', () => {
    tidy(() => {
      expect(() => unstack(tensor(1))).toThrow(/^unstack: expected a tensor of rank ≥ 1/);
      expect(() => unstack(tensor([1, 2]), 1)).toThrow(/^unstack: axis must be an integer in \[-1, 0\]/);
    });
  });
});

describe('split', () => {
  it('matches tfjs for equal splits and size lists (with -1), on random shapes and axes', () => {
    const random = seededRandom(85);
    const cases: Array<[number[], number | number[], number]> = [
      [[6, 2], 3, 0],
      [[2, 6], [1, -1, 2], -1],
      [[2, 3, 4], 2, 2],
      [[2, 3, 4], [0, 3], 1],
      [[5], [2, 3], 0],
      [[0, 4], 2, 0],
      [[4, 0], [1, -1], 0],
      [[3, 2, 2, 4], [3, -1], -1],
    ];
    for (const [shape, splits, axis] of cases) {
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        const pieces = split(x, splits, axis);
        const expected = tf.split(tfX, splits, axis);
        expect(pieces.length).toBe(expected.length);
        pieces.forEach((piece, index) => {
          expectMatchesTf(piece, expected[index]);
        });
        tf.dispose([tfX, ...expected]);
      });
    }
  });

  it('works on int32', () => {
    tidy(() => {
      const [x, tfX] = pair([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
      const expected = tf.split(tfX, [1, 2]);
      split(x, [1, 2]).forEach((piece, index) => {
        expectMatchesTf(piece, expected[index]);
      });
      tf.dispose([tfX, ...expected]);
    });
  });

  it('has the gradient of tf.grads and of finite differences', () => {
    const shape = [3, 5];
    checkGradients({
      inputs: [{ values: randomValues(15, seededRandom(86)), shape }],
      tessera: (x) => joined(split(x, [2, -1, 1], 1)),
      tfjs: (x) => tfJoined(tf.split(x, [2, -1, 1], 1)),
      reference: ([x]) => referencePieces(x, shape, 1, [2, 2, 1]),
    });
  });

  it('rejects uneven splits, bad size lists and bad axes with the op name', () => {
    tidy(() => {
      const x = tensor(randomValues(14, seededRandom(1)), [7, 2]);
      expect(() => split(x, 3)).toThrow(InvalidArgumentError);
      expect(() => split(x, 3)).toThrow('split: 3 splits do not divide axis 0 of shape [7,2] (size 7) evenly');
      expect(() => split(x, 0)).toThrow(/^split: the number of splits must be a positive integer/);
      expect(() => split(x, [2, 3])).toThrow('split: sizes [2,3] sum to 5, but axis 0 of shape [7,2] has size 7');
      expect(() => split(x, [2, -1, -1])).toThrow(/^split: at most one size may be -1/);
      expect(() => split(x, [8, -1])).toThrow(/^split: sizes \[8,-1\] exceed the size 7/);
      expect(() => split(x, [-2, 9])).toThrow(/^split: sizes must be non-negative integers/);
      expect(() => split(x, 1, 2)).toThrow(/^split: axis must be an integer in \[-2, 1\]/);
    });
  });
});
