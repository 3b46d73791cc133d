import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectGradientMatchesTf,
  expectLimitGradients,
  SPECIAL_VALUES,
  valuesAvoiding,
} from '../test-utils/activation-inputs';
import { checkGradients } from '../test-utils/gradient-check';
import { expectMatchesTf, pair, randomIntegers, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { leakyRelu } from './leaky-relu';
import { tensor } from './tensor';

describe('leakyRelu', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.leakyRelu on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 11), -5, 5);
    expectMatchesTf(leakyRelu(x), tf.leakyRelu(tfX));
    expectMatchesTf(leakyRelu(x, 0.01), tf.leakyRelu(tfX, 0.01));
  });

  it('matches tf.leakyRelu on special values, with alpha above 1 and negative too', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    expectMatchesTf(leakyRelu(x), tf.leakyRelu(tfX));
    expectMatchesTf(leakyRelu(x, 1.5), tf.leakyRelu(tfX, 1.5));
    expectMatchesTf(leakyRelu(x, -0.3), tf.leakyRelu(tfX, -0.3));
  });

  it('turns int32 into float32 as tfjs does', () => {
    const [x, tfX] = pair(randomIntegers(12, seededRandom(12), -6, 6), [3, 4], 'int32');
    expectMatchesTf(leakyRelu(x, 0.25), tf.leakyRelu(tfX, 0.25));
  });

  it('has the gradient of tf.leakyRelu and of finite differences', () => {
    checkGradients({
      inputs: [{ values: valuesAvoiding(12, seededRandom(13), -4, 4, [0]), shape: [3, 4] }],
      tessera: (x) => leakyRelu(x, 0.1),
      tfjs: (x) => tf.leakyRelu(x, 0.1),
      reference: ([x]) => x.map((value) => (value > 0 ? value : 0.1 * value)),
    });
  });

  it('takes the alpha side at 0 as tfjs, and has slopes alpha and 1 for large |x|', () => {
    expectGradientMatchesTf(
      (x) => leakyRelu(x, 0.3),
      (x) => tf.leakyRelu(x, 0.3),
      [0, -0, 1e-8, -1e-8],
    );
    expectLimitGradients((x) => leakyRelu(x, 0.3), 0.3, 1);
  });

  it('rejects a non-finite alpha and bool input', () => {
    expect(() => leakyRelu(tensor([1]), Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => leakyRelu(tensor([1]), Number.NaN)).toThrow(/leakyRelu: alpha must be a finite number, got NaN/);
    expect(() => leakyRelu(tensor([true]))).toThrow(DTypeError);
  });
});
