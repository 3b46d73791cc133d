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
import { elu } from './elu';
import { tensor } from './tensor';

const reference = (value: number): number => (value > 0 ? value : Math.expm1(value));

describe('elu', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.elu on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 21), -6, 6);
    expectMatchesTf(elu(x), tf.elu(tfX));
  });

  it('matches tf.elu on special values', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    expectMatchesTf(elu(x), tf.elu(tfX));
  });

  it('computes int32 input in float32 (tfjs refuses int32)', () => {
    const result = elu(tensor([-3, -1, 0, 2], [4], 'int32'));
    expect(result.dtype).toBe('float32');
    expectValuesClose(Array.from(result.dataSync()), [-3, -1, 0, 2].map(reference), 1e-6, 1e-6);
  });

  it('has the gradient of tf.elu and of finite differences', () => {
    checkGradients({
      inputs: [{ values: valuesAvoiding(24, seededRandom(22), -5, 5, [0]), shape: [4, 6] }],
      tessera: elu,
      tfjs: tf.elu,
      reference: ([x]) => x.map(reference),
    });
  });

  it('matches tf.elu at 0 and keeps large-|x| gradients finite', () => {
    expectGradientMatchesTf(elu, tf.elu, [0, -0, 1e-7, -1e-7]);
    expectLimitGradients(elu, 0, 1);
  });

  it('rejects bool input', () => {
    expect(() => elu(tensor([true]))).toThrow(/elu: expected a float32 or int32 tensor, got bool/);
    expect(() => elu(tensor([true]))).toThrow(DTypeError);
  });
});
