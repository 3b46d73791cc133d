import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { InvalidArgumentError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { reduceGroups, resolveAxes } from '../test-utils/float64-reference';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  expectValuesClose,
  pair,
  randomIntegers,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { randomAxes, randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { prod } from './prod';
import { sum } from './sum';
import { tensor } from './tensor';

const total = (group: number[]) => group.reduce((accumulated, value) => accumulated + value, 0);
const product = (group: number[]) => group.reduce((accumulated, value) => accumulated * value, 1);

type Case = [number[], number | number[] | undefined, boolean];

function randomCases(seed: number, count: number, minimumDimension: number): Case[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, trial) => {
    const rank = trial % 5;
    const shape = randomShape(random, rank, minimumDimension, 4);
    const axis =
      rank === 0 || random() < 0.25
        ? undefined
        : random() < 0.3
          ? randomAxes(random, rank)[0]
          : randomAxes(random, rank);
    return [shape, axis, random() < 0.5];
  });
}

describe('sum', () => {
  it('matches tfjs on float32, int32 and bool inputs of rank 0 to 4, with negative axes, keepDims and zero-size dimensions', () => {
    const random = seededRandom(111);
    for (const [shape, axis, keepDims] of randomCases(112, 40, 0)) {
      const size = sizeFromShape(shape);
      tidy(() => {
        const [x, tfX] = randomPair(shape, random);
        expectMatchesTf(sum(x, axis, keepDims), tf.sum(tfX, axis, keepDims));
        const [integers, tfIntegers] = pair(randomIntegers(size, random, -100, 100), shape, 'int32');
        expectMatchesTf(sum(integers, axis, keepDims), tf.sum(tfIntegers, axis, keepDims), { rtol: 0, atol: 0 });
        const [flags, tfFlags] = pair(randomIntegers(size, random, 0, 2), shape, 'bool');
        expectMatchesTf(sum(flags, axis, keepDims), tf.sum(tfFlags, axis, keepDims), { rtol: 0, atol: 0 });
        tf.dispose([tfX, tfIntegers, tfFlags]);
      });
    }
  });

  it('leaves only its result behind outside a tidy, keepDims included (no extra reference to the buffer)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    for (const keepDims of [false, true]) {
      const before = memory();
      const result = sum(x, 1, keepDims);
      expect(memory().numTensors - before.numTensors).toBe(1);
      result.dispose();
      expect(memory().numDataBuffers).toBe(before.numDataBuffers);
    }
    x.dispose();
  });

  it('is 0 over an empty group', () => {
    tidy(() => expect(Array.from(sum(tensor([], [0, 3]), 0).dataSync())).toEqual([0, 0, 0]));
  });

  it('has the gradient of tf.grad and of finite differences', () => {
    const random = seededRandom(113);
    for (const [shape, axis, keepDims] of randomCases(114, 10, 1)) {
      checkGradients({
        inputs: [{ values: randomValues(sizeFromShape(shape), random), shape }],
        tessera: (x) => sum(x, axis, keepDims),
        tfjs: (x) => tf.sum(x, axis, keepDims),
        reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), total),
      });
    }
  });

  it('names the op and the allowed range for a bad axis', () => {
    tidy(() => {
      const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect(() => sum(x, 2)).toThrow(InvalidArgumentError);
      expect(() => sum(x, 2)).toThrow('sum: axis must be an integer in [-2, 1] for a tensor of rank 2, got 2');
      expect(() => sum(x, [1, -1])).toThrow(/^sum: axes must be unique/);
      expect(() => sum(x, 0.5)).toThrow(/^sum: axis must be an integer/);
    });
  });
});

describe('prod', () => {
  it('matches tfjs on float32 and int32 inputs of rank 0 to 4, with negative axes, keepDims and zero-size dimensions', () => {
    const random = seededRandom(121);
    for (const [shape, axis, keepDims] of randomCases(122, 40, 0)) {
      tidy(() => {
        const [x, tfX] = randomPair(shape, random, 0.5, 1.5);
        expectMatchesTf(prod(x, axis, keepDims), tf.prod(tfX, axis, keepDims));
        // {-1, 0, 1} cannot overflow int32 however large the group.
        const [integers, tfIntegers] = pair(randomIntegers(sizeFromShape(shape), random, -1, 2), shape, 'int32');
        expectMatchesTf(prod(integers, axis, keepDims), tf.prod(tfIntegers, axis, keepDims), { rtol: 0, atol: 0 });
        tf.dispose([tfX, tfIntegers]);
      });
    }
  });

  it('multiplies larger int32 values exactly', () => {
    tidy(() => {
      const [x, tfX] = pair([7, -9, 11, 13, -2, 5], [2, 3], 'int32');
      expectMatchesTf(prod(x, 1), tf.prod(tfX, 1), { rtol: 0, atol: 0 });
      tfX.dispose();
    });
  });

  it('is 1 over an empty group', () => {
    tidy(() => expect(Array.from(prod(tensor([], [0, 2]), 0).dataSync())).toEqual([1, 1]));
  });

  it('has the gradient of tf.grad and of finite differences, without zeros', () => {
    const random = seededRandom(123);
    for (const [shape, axis, keepDims] of randomCases(124, 10, 1)) {
      checkGradients({
        inputs: [
          {
            values: randomValues(sizeFromShape(shape), random, 0.5, 1.5).map((value, index) =>
              index % 3 === 0 ? -value : value,
            ),
            shape,
          },
        ],
        tessera: (x) => prod(x, axis, keepDims),
        // tfjs's prod gradient fails on negative axes, so it gets them resolved.
        tfjs: (x) => tf.prod(x, axis === undefined ? undefined : resolveAxes(axis, shape.length), keepDims),
        reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), product),
      });
    }
  });

  it('differentiates groups holding one zero and two zeros (the product of the others, never 0/0)', () => {
    // Row 0: no zero. Row 1: one zero (its gradient is the product of the others, the rest get 0).
    // Row 2: two zeros (every gradient is 0). Finite differences of the float64 product are exact here.
    const shape = [3, 4];
    const values = [1.5, -2, 0.5, 3, 2, 0, -1.5, 0.25, 0, 3, 0, -2];
    checkGradients({
      inputs: [{ values, shape }],
      tessera: (x) => prod(x, 1),
      tfjs: (x) => tf.prod(x, 1),
      reference: ([x]) => reduceGroups(x, shape, [1], product),
    });
    tidy(() => {
      const gradient = grad((x) => prod(x, 1))(tensor(values, shape));
      expectValuesClose(Array.from(gradient.dataSync()), [-3, 2.25, -9, -1.5, 0, -0.75, 0, 0, 0, 0, 0, 0]);
      const overAll = grad((x) => prod(x))(tensor([2, 0, 3]));
      expect(Array.from(overAll.dataSync())).toEqual([0, 6, 0]);
      const twoZeros = grad((x) => prod(x))(tensor([2, 0, 0]));
      expect(Array.from(twoZeros.dataSync())).toEqual([0, 0, 0]);
    });
  });

  it('names the op and the allowed range for a bad axis', () => {
    tidy(() => {
      expect(() => prod(tensor([1, 2]), -2)).toThrow(InvalidArgumentError);
      expect(() => prod(tensor([1, 2]), -2)).toThrow(/^prod: axis must be an integer in \[-1, 0\]/);
    });
  });
});
