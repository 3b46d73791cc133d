import { describe, expect, it } from 'vitest';
import { DTypeError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectLimitGradients,
  SPECIAL_VALUES,
  weightedGradient,
} from '../test-utils/activation-inputs';
import { checkGradients } from '../test-utils/gradient-check';
import { expectValuesClose, lossWeights, randomValues, seededRandom } from '../test-utils/oracle';
import { silu } from './silu';
import { tensor } from './tensor';

const sigmoid = (value: number): number =>
  value >= 0 ? 1 / (1 + Math.exp(-value)) : Math.exp(value) / (1 + Math.exp(value));
const reference = (value: number): number => value * sigmoid(value);
const derivative = (value: number): number => sigmoid(value) * (1 + value * (1 - sigmoid(value)));

describe('silu', () => {
  it.each(ACTIVATION_SHAPES)('matches a float64 reference on shape $shape', ({ shape }) => {
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const values = randomValues(size, seededRandom(shape.length + 51), -8, 8);
    const result = silu(tensor(values, shape));
    expect(result.shape).toEqual(shape);
    expectValuesClose(Array.from(result.dataSync()), values.map(reference), 1e-5, 1e-6);
  });

  it('handles special values', () => {
    const finite = SPECIAL_VALUES.filter((value) => Number.isFinite(value));
    expectValuesClose(Array.from(silu(tensor(finite)).dataSync()), finite.map(reference), 1e-5, 1e-6);
    const [nan, positive] = Array.from(silu(tensor([Number.NaN, Number.POSITIVE_INFINITY])).dataSync());
    expect(Number.isNaN(nan)).toBe(true);
    expect(positive).toBe(Number.POSITIVE_INFINITY);
  });

  it('has the gradient of finite differences and of the analytic derivative', () => {
    const values = randomValues(24, seededRandom(52), -6, 6);
    checkGradients({ inputs: [{ values, shape: [4, 6] }], tessera: silu, reference: ([x]) => x.map(reference) });
    const weights = lossWeights(values.length);
    expectValuesClose(
      weightedGradient(silu, values),
      values.map((value, index) => derivative(value) * weights[index]),
      1e-4,
      1e-5,
    );
  });

  it('keeps the gradient finite and at its limits for large |x|', () => {
    expectLimitGradients(silu, 0, 1);
  });

  it('computes int32 in float32 and rejects bool', () => {
    const result = silu(tensor([-2, 0, 3], [3], 'int32'));
    expect(result.dtype).toBe('float32');
    expectValuesClose(Array.from(result.dataSync()), [-2, 0, 3].map(reference), 1e-5, 1e-6);
    expect(() => silu(tensor([true]))).toThrow(DTypeError);
  });
});
