import { describe, expect, it } from 'vitest';
import { grad } from '../autograd/grad';
import { InvalidArgumentError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectGradientMatchesTf,
  expectLimitGradients,
  SPECIAL_VALUES,
  valuesAvoiding,
} from '../test-utils/activation-inputs';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, pair, randomIntegers, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { clipByValue } from './clip-by-value';
import { sum } from './sum';
import { tensor } from './tensor';

describe('clipByValue', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.clipByValue on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 71), -3, 3);
    expectMatchesTf(clipByValue(x, -1, 1.5), tf.clipByValue(tfX, -1, 1.5));
  });

  it('matches tf.clipByValue on special values and with infinite bounds', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    expectMatchesTf(clipByValue(x, -2, 7), tf.clipByValue(tfX, -2, 7));
    expectMatchesTf(clipByValue(x, Number.NEGATIVE_INFINITY, 0), tf.clipByValue(tfX, Number.NEGATIVE_INFINITY, 0));
  });

  it('keeps int32 as tfjs does, and equal bounds give a constant', () => {
    const [x, tfX] = pair(randomIntegers(15, seededRandom(72), -9, 9), [3, 5], 'int32');
    expectMatchesTf(clipByValue(x, -4, 5), tf.clipByValue(tfX, -4, 5));
    expectMatchesTf(clipByValue(x, 2, 2), tf.clipByValue(tfX, 2, 2));
  });

  it('has the gradient of tf.clipByValue and of finite differences', () => {
    checkGradients({
      inputs: [{ values: valuesAvoiding(20, seededRandom(73), -3, 3, [-1, 1.5]), shape: [4, 5] }],
      tessera: (x) => clipByValue(x, -1, 1.5),
      tfjs: (x) => tf.clipByValue(x, -1, 1.5),
      reference: ([x]) => x.map((value) => Math.min(Math.max(value, -1), 1.5)),
    });
  });

  it('passes the gradient at both bounds, as tfjs, and none for large |x|', () => {
    expectGradientMatchesTf(
      (x) => clipByValue(x, -1, 1.5),
      (x) => tf.clipByValue(x, -1, 1.5),
      [-1, 1.5, -1.0000001, 1.5000001, 0],
    );
    expect(grad((x) => sum(clipByValue(x, -1, 1.5)))(tensor([-1, 1.5, -1.5, 2])).arraySync()).toEqual([1, 1, 0, 0]);
    expectLimitGradients((x) => clipByValue(x, -1, 1.5), 0, 0);
  });

  it('rejects min > max and NaN bounds', () => {
    expect(() => clipByValue(tensor([1]), 2, 1)).toThrow(InvalidArgumentError);
    expect(() => clipByValue(tensor([1]), 2, 1)).toThrow(/clipByValue: min must not exceed max, got min=2 max=1/);
    expect(() => clipByValue(tensor([1]), Number.NaN, 1)).toThrow(InvalidArgumentError);
  });
});
