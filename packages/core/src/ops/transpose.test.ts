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
import { tensor } from './tensor';
import { transpose } from './transpose';

function randomPermutation(random: () => number, rank: number): number[] {
  const axes = Array.from({ length: rank }, (_, axis) => axis);
  for (let index = rank - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [axes[index], axes[other]] = [axes[other], axes[index]];
  }
  return axes;
}

function referenceTranspose(x: Float64Array, shape: number[], perm: number[]): Float64Array {
  return generate(
    perm.map((axis) => shape[axis]),
    (coordinates) => {
      const source = new Array<number>(shape.length);
      perm.forEach((axis, position) => {
        source[axis] = coordinates[position];
      });
      return x[indexOf(source, shape)];
    },
  );
}

describe('transpose', () => {
  it('matches tfjs for random permutations and the default (reversed axes), ranks 0 to 5, every dtype', () => {
    const random = seededRandom(151);
    for (let trial = 0; trial < 36; trial++) {
      const rank = trial % 6;
      const shape = randomShape(random, rank, trial % 5 === 0 ? 0 : 1, 4);
      const perm = random() < 0.3 ? undefined : randomPermutation(random, rank);
      const size = sizeFromShape(shape);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(transpose(x, perm), tf.transpose(tfX, perm));
        const [integers, tfIntegers] = pair(randomIntegers(size, random, -9, 9), shape, 'int32');
        expectMatchesTf(transpose(integers, perm), tf.transpose(tfIntegers, perm));
        const [flags, tfFlags] = pair(randomIntegers(size, random, 0, 2), shape, 'bool');
        expectMatchesTf(transpose(flags, perm), tf.transpose(tfFlags, perm));
        tf.dispose([tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('has the gradient of tf.grad and of finite differences', () => {
    const random = seededRandom(152);
    for (const [shape, perm] of [
      [
        [2, 3, 4],
        [2, 0, 1],
      ],
      [[3, 4], undefined],
      [
        [2, 1, 3, 2],
        [3, 1, 0, 2],
      ],
    ] as Array<[number[], number[] | undefined]>) {
      const resolved = perm ?? shape.map((_, axis) => shape.length - 1 - axis);
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(shape), random), shape }],
        tessera: (x) => transpose(x, perm),
        tfjs: (x) => tf.transpose(x, perm),
        reference: ([x]) => referenceTranspose(x, shape, resolved),
      });
    }
  });

  it('rejects anything but a permutation of the axes', () => {
    tidy(() => {
      const x = tensor(randomValues(6, seededRandom(1)), [2, 3]);
      expect(() => transpose(x, [0])).toThrow(InvalidArgumentError);
      expect(() => transpose(x, [0])).toThrow(
        'transpose: perm must be a permutation of 0..1 for a tensor of rank 2, got [0]',
      );
      expect(() => transpose(x, [0, 0])).toThrow(InvalidArgumentError);
      expect(() => transpose(x, [0, 2])).toThrow(InvalidArgumentError);
      expect(() => transpose(x, [-1, 0])).toThrow(InvalidArgumentError);
    });
  });
});
