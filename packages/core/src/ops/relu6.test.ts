import { describe, expect, it } from 'vitest';
import { DTypeError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectGradientMatchesTf,
  expectLimitGradients,
  SPECIAL_VALUES,
  valuesAvoiding,
} from '../test-utils/activation-inputs';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, pair, randomIntegers, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { relu6 } from './relu6';
import { tensor } from './tensor';

describe('relu6', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.relu6 on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 1), -10, 10);
    expectMatchesTf(relu6(x), tf.relu6(tfX));
  });

  it('matches tf.relu6 on NaN, ±Inf and extreme values', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    expectMatchesTf(relu6(x), tf.relu6(tfX));
  });

  it('keeps int32 as tfjs does', () => {
    const values = randomIntegers(20, seededRandom(3), -10, 12);
    const [x, tfX] = pair(values, [4, 5], 'int32');
    expectMatchesTf(relu6(x), tf.relu6(tfX));
  });

  it('has the gradient of tf.relu6 and of finite differences', () => {
    checkGradients({
      inputs: [{ values: valuesAvoiding(24, seededRandom(4), -3, 9, [0, 6]), shape: [2, 3, 4] }],
      tessera: relu6,
      tfjs: tf.relu6,
      reference: ([x]) => x.map((value) => Math.min(Math.max(value, 0), 6)),
    });
  });

  it('takes the same side as tf.relu6 at the kinks 0 and 6, and is flat for large |x|', () => {
    expectGradientMatchesTf(relu6, tf.relu6, [0, -0, 6, 1e-7, 5.9999995, 6.0000005]);
    expectLimitGradients(relu6, 0, 0);
  });

  it('rejects bool input', () => {
    expect(() => relu6(tensor([true, false]))).toThrow(DTypeError);
  });
});
