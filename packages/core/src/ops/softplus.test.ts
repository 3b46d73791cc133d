import { describe, expect, it } from 'vitest';
import { DTypeError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectGradientMatchesTf,
  expectLimitGradients,
  SPECIAL_VALUES,
} from '../test-utils/activation-inputs';
import { checkGradients } from '../test-utils/gradient-check';
import {
  expectMatchesTf,
  expectValuesClose,
  pair,
  randomPair,
  randomValues,
  seededRandom,
  tf,
} from '../test-utils/oracle';
import { softplus } from './softplus';
import { tensor } from './tensor';

const reference = (value: number): number => Math.max(value, 0) + Math.log1p(Math.exp(-Math.abs(value)));

describe('softplus', () => {
  it.each(ACTIVATION_SHAPES)('matches tf.softplus on shape $shape', ({ shape }) => {
    const [x, tfX] = randomPair(shape, seededRandom(shape.length + 61), -20, 20);
    expectMatchesTf(softplus(x), tf.softplus(tfX));
  });

  it('matches tf.softplus and a float64 reference on special values', () => {
    const [x, tfX] = pair(SPECIAL_VALUES, [SPECIAL_VALUES.length]);
    // tfjs returns exp(x) below its threshold; both agree to float32 precision (denormals absolutely).
    expectMatchesTf(softplus(x), tf.softplus(tfX), { rtol: 1e-5, atol: 1e-37 });
    const finite = SPECIAL_VALUES.filter((value) => Number.isFinite(value));
    expectValuesClose(Array.from(softplus(tensor(finite)).dataSync()), finite.map(reference), 1e-6, 1e-37);
  });

  it('has the gradient of tf.softplus and of finite differences, including near 0', () => {
    const values = [...randomValues(22, seededRandom(62), -10, 10), 1e-3, -1e-3];
    checkGradients({
      inputs: [{ values, shape: [4, 6] }],
      tessera: softplus,
      tfjs: tf.softplus,
      reference: ([x]) => x.map(reference),
    });
  });

  it('has gradient sigmoid(0) = 1/2 exactly at 0 as tf.softplus, and limits 0 and 1 for large |x|', () => {
    expectGradientMatchesTf(softplus, tf.softplus, [0, -0]);
    expectLimitGradients(softplus, 0, 1);
  });

  it('computes int32 in float32 (tfjs truncates to int32) and rejects bool', () => {
    const result = softplus(tensor([-3, 0, 2], [3], 'int32'));
    expect(result.dtype).toBe('float32');
    expectValuesClose(Array.from(result.dataSync()), [-3, 0, 2].map(reference), 1e-6, 1e-6);
    expect(() => softplus(tensor([true]))).toThrow(DTypeError);
  });
});
