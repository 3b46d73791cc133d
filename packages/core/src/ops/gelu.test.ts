import { describe, expect, it } from 'vitest';
import { DTypeError, InvalidArgumentError } from '../errors';
import {
  ACTIVATION_SHAPES,
  expectLimitGradients,
  LARGE_VALUES,
  SPECIAL_VALUES,
  weightedGradient,
} from '../test-utils/activation-inputs';
import { erfc64 } from '../test-utils/erf-float64';
import { checkGradients } from '../test-utils/gradient-check';
import { expectValuesClose, lossWeights, randomValues, seededRandom } from '../test-utils/oracle';
import { gelu } from './gelu';
import { tensor } from './tensor';

/** x·Φ(x) with Φ(x) = erfc(−x/√2)/2, which keeps its digits in the far negative tail. */
const exactReference = (value: number): number => 0.5 * value * erfc64(-value / Math.SQRT2);
const exactDerivative = (value: number): number =>
  0.5 * erfc64(-value / Math.SQRT2) + (value * Math.exp(-0.5 * value * value)) / Math.sqrt(2 * Math.PI);
const tanhReference = (value: number): number =>
  0.5 * value * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (value + 0.044715 * value ** 3)));
const tanhDerivative = (value: number): number => {
  const inner = Math.sqrt(2 / Math.PI) * (value + 0.044715 * value ** 3);
  const slope = Math.sqrt(2 / Math.PI) * (1 + 3 * 0.044715 * value ** 2);
  const t = Math.tanh(inner);
  return 0.5 * (1 + t) + 0.5 * value * (1 - t * t) * slope;
};

describe('gelu', () => {
  it.each(ACTIVATION_SHAPES)('matches a float64 reference on shape $shape, exact and tanh forms', ({ shape }) => {
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const values = randomValues(size, seededRandom(shape.length + 41), -6, 6);
    const x = tensor(values, shape);
    const exact = gelu(x);
    expect(exact.shape).toEqual(shape);
    expect(exact.dtype).toBe('float32');
    expectValuesClose(Array.from(exact.dataSync()), values.map(exactReference), 1e-5, 1e-6);
    expectValuesClose(Array.from(gelu(x, true).dataSync()), values.map(tanhReference), 1e-5, 1e-6);
  });

  it('handles special values: NaN stays NaN, ±Inf gives Inf and 0, huge |x| no overflow', () => {
    const finite = SPECIAL_VALUES.filter((value) => Number.isFinite(value));
    for (const approximate of [false, true]) {
      const reference = approximate ? tanhReference : exactReference;
      expectValuesClose(Array.from(gelu(tensor(finite), approximate).dataSync()), finite.map(reference), 1e-5, 1e-6);
      const special = Array.from(gelu(tensor([Number.NaN, Number.POSITIVE_INFINITY]), approximate).dataSync());
      expect(Number.isNaN(special[0])).toBe(true);
      expect(special[1]).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('has the gradient of finite differences and of the analytic derivative, both forms', () => {
    const values = randomValues(30, seededRandom(42), -5, 5);
    for (const [approximate, reference, derivative] of [
      [false, exactReference, exactDerivative],
      [true, tanhReference, tanhDerivative],
    ] as const) {
      checkGradients({
        inputs: [{ values, shape: [5, 6] }],
        tessera: (x) => gelu(x, approximate),
        reference: ([x]) => x.map(reference),
      });
      const weights = lossWeights(values.length);
      expectValuesClose(
        weightedGradient((x) => gelu(x, approximate), values),
        values.map((value, index) => derivative(value) * weights[index]),
        1e-4,
        1e-5,
      );
    }
  });

  it('keeps the gradient finite and at its limits 0 and 1 for large |x|', () => {
    expectLimitGradients((x) => gelu(x), 0, 1);
    expectLimitGradients((x) => gelu(x, true), 0, 1);
    expect(LARGE_VALUES.some((value) => Math.abs(value) > 1e19)).toBe(true);
  });

  it('computes int32 in float32 and rejects bool and a non-boolean approximate', () => {
    const result = gelu(tensor([-2, 0, 3], [3], 'int32'));
    expect(result.dtype).toBe('float32');
    expectValuesClose(Array.from(result.dataSync()), [-2, 0, 3].map(exactReference), 1e-5, 1e-6);
    expect(() => gelu(tensor([true]))).toThrow(DTypeError);
    expect(() => gelu(tensor([1]), 'tanh' as unknown as boolean)).toThrow(InvalidArgumentError);
    expect(() => gelu(tensor([1]), 'tanh' as unknown as boolean)).toThrow(
      /gelu: approximate must be a boolean, got tanh/,
    );
  });
});
