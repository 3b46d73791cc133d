import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { reduceGroups, resolveAxes } from '../test-utils/float64-reference';
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
import { randomAxes, randomShape } from '../test-utils/random-shapes';
import { sizeFromShape } from '../util/shape';
import { max } from './max';
import { min } from './min';
import { tensor } from './tensor';

type Reduction = (x: Tensor, axis?: number | number[], keepDims?: boolean) => Tensor;
type TfReduction = (x: tf.Tensor, axis?: number | number[], keepDims?: boolean) => tf.Tensor;

const OPS: Array<[string, Reduction, TfReduction, (group: number[]) => number]> = [
  ['max', max, tf.max, (group) => Math.max(...group)],
  ['min', min, tf.min, (group) => Math.min(...group)],
];

for (const [name, op, tfOp, reference] of OPS) {
  describe(name, () => {
    it('matches tfjs on float32, int32 and bool inputs of rank 0 to 4, with negative axes and keepDims', () => {
      const random = seededRandom(name === 'max' ? 131 : 132);
      for (let trial = 0; trial < 40; trial++) {
        const rank = trial % 5;
        // Zero-size dimensions only where the reduced groups stay non-empty: the kept axes.
        const shape = randomShape(random, rank);
        const axis = rank === 0 || random() < 0.25 ? undefined : randomAxes(random, rank);
        const keepDims = random() < 0.5;
        const size = sizeFromShape(shape);
        tidy(() => {
          const [x, tfX] = randomPair(shape, random);
          expectMatchesTf(op(x, axis, keepDims), tfOp(tfX, axis, keepDims));
          const [integers, tfIntegers] = pair(randomIntegers(size, random, -50, 50), shape, 'int32');
          expectMatchesTf(op(integers, axis, keepDims), tfOp(tfIntegers, axis, keepDims), { rtol: 0, atol: 0 });
          const [flags, tfFlags] = pair(randomIntegers(size, random, 0, 2), shape, 'bool');
          const flagResult = op(flags, axis, keepDims);
          const tfFlagResult = tfOp(tfFlags, axis, keepDims);
          // tfjs keeps bool; Tessera reduces bool as int32 like sum does. The values must agree either way.
          expect(flagResult.shape).toEqual(tfFlagResult.shape);
          expect(Array.from(flagResult.dataSync())).toEqual(Array.from(tfFlagResult.dataSync()));
          tf.dispose([tfX, tfIntegers, tfFlags, tfFlagResult]);
        });
      }
    });

    it('keeps an empty kept dimension', () => {
      tidy(() => {
        const [x, tfX] = randomPair([0, 3], seededRandom(1));
        expectMatchesTf(op(x, 1), tfOp(tfX, 1));
        expectMatchesTf(op(x, -1, true), tfOp(tfX, -1, true));
        tfX.dispose();
      });
    });

    it('gives the identity (−∞ for max, +∞ for min) over an empty group, where tfjs gives NaN', () => {
      tidy(() => {
        const result = Array.from(op(tensor([], [2, 0]), 1).dataSync());
        expect(result).toEqual(name === 'max' ? [-Infinity, -Infinity] : [Infinity, Infinity]);
      });
    });

    it('propagates NaN wherever it sits in the group', () => {
      tidy(() => {
        const x = tensor([NaN, 1, 3, 1, NaN, 3, 1, 3, NaN, 1, 2, 3], [4, 3]);
        const result = Array.from(op(x, 1).dataSync());
        expect(result.slice(0, 3).every(Number.isNaN)).toBe(true);
        expect(result[3]).toBe(name === 'max' ? 3 : 1);
        expect(Number.isNaN(op(x).dataSync()[0])).toBe(true);
      });
    });

    it('has the gradient of tf.grad and of finite differences (distinct values)', () => {
      const random = seededRandom(name === 'max' ? 133 : 134);
      for (const [shape, axis, keepDims] of [
        [[2, 3, 4], [0, -1], false],
        [[6], undefined, true],
        [[3, 1, 2, 2], -3, false],
        [[3, 4], 1, true],
      ] as Array<[number[], number | number[] | undefined, boolean]>) {
        checkGradients({
          inputs: [{ values: randomValues(sizeFromShape(shape), random), shape }],
          tessera: (x) => op(x, axis, keepDims),
          tfjs: (x) => tfOp(x, axis, keepDims),
          reference: ([x]) => reduceGroups(x, shape, resolveAxes(axis, shape.length), reference),
        });
      }
    });

    it('gives every tied extreme the full gradient, as tfjs', () => {
      const values = name === 'max' ? [2, 3, 3, 5, 5, 5, 1, 0, 1] : [2, 1, 1, -5, -5, -5, 1, 4, 1];
      tidy(() => {
        const x = tensor(values, [3, 3]);
        const weights = tensor([0.5, -2, 3], [3]);
        const gradient = grad((input) => op(input, 1).mul(weights).sum())(x);
        const tfGradient = tf.grad((input) => tf.sum(tf.mul(tfOp(input, 1), tf.tensor([0.5, -2, 3]))))(
          tf.tensor(values, [3, 3]),
        );
        expectMatchesTf(gradient, tfGradient);
        expect(Array.from(gradient.dataSync())).toEqual([0, 0.5, 0.5, -2, -2, -2, 3, 0, 3]);
        tfGradient.dispose();
      });
    });

    it('names the op and the allowed range for a bad axis', () => {
      tidy(() => {
        const x = tensor([1, 2, 3], [3]);
        expect(() => op(x, 1)).toThrow(InvalidArgumentError);
        expect(() => op(x, 1)).toThrow(`${name}: axis must be an integer in [-1, 0] for a tensor of rank 1, got 1`);
      });
    });
  });
}
