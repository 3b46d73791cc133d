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
import { expectMatchesTf, expectValuesClose, pair, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { selu } from './selu';
import { tensor } from './tensor';

const ALPHA = 1.6732632423543772;
const SCALE = 1.0507009873554805;
const reference = (value: number): number => SCALE * (value > 0 ? value : ALPHA * Math.expm1(value));

describe('selu', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.selu on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 31), -6, 6);
    expectMatchesTf(selu(x), tf.selu(tfX));
  });

  it('matches tf.selu on special values', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    expectMatchesTf(selu(x), tf.selu(tfX));
  });

  it('computes int32 input in float32 (tfjs truncates the result back to int32)', () => {
    const result = selu(tensor([-3, -1, 0, 2], [4], 'int32'));
    expect(result.dtype).toBe('float32');
    expectValuesClose(Array.from(result.dataSync()), [-3, -1, 0, 2].map(reference), 1e-6, 1e-6);
  });

  it('has the gradient of tf.selu and of finite differences', () => {
    checkGradients({
      inputs: [{ values: valuesAvoiding(24, seededRandom(32), -5, 5, [0]), shape: [2, 12] }],
      tessera: selu,
      tfjs: tf.selu,
      reference: ([x]) => x.map(reference),
    });
  });

  it('matches tf.selu at 0 and keeps large-|x| gradients finite', () => {
    expectGradientMatchesTf(selu, tf.selu, [0, -0, 1e-7, -1e-7]);
    expectLimitGradients(selu, 0, SCALE);
  });

  it('rejects bool input', () => {
    expect(() => selu(tensor([false]))).toThrow(DTypeError);
  });
});
