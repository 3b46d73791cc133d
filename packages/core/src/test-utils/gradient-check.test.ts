import { describe, expect, it } from 'vitest';
import { customGrad } from '../autograd/custom-grad';
import { mul } from '../ops/mul';
import { square } from '../ops/square';
import type { Tensor } from '../tensor';
import { checkGradients } from './gradient-check';
import { randomValues, seededRandom, tf } from './oracle';

// The checker is what every gradient test leans on, so it must be able to fail in each of its three ways.
const values = randomValues(6, seededRandom(1));
const input = [{ values, shape: [2, 3] }];
const squared = (x: Float64Array) => x.map((value) => value * value);

/** x² whose gradient is deliberately x instead of 2x. */
const wrongGradient = customGrad((x: Tensor) => ({ value: square(x), gradFunc: (dy: Tensor) => mul(dy, x) }));

describe('checkGradients', () => {
  it('passes for a correct op', () => {
    checkGradients({
      inputs: input,
      tessera: (x) => square(x),
      tfjs: (x) => tf.square(x),
      reference: ([x]) => squared(x),
    });
  });

  it('fails when the forward value differs from the reference', () => {
    expect(() =>
      checkGradients({ inputs: input, tessera: (x) => mul(x, 2), reference: ([x]) => squared(x) }),
    ).toThrow();
  });

  it('fails when the gradient differs from finite differences', () => {
    expect(() =>
      checkGradients({ inputs: input, tessera: (x) => wrongGradient(x), reference: ([x]) => squared(x) }),
    ).toThrow();
  });

  it('fails when the gradient differs from the one tfjs computes', () => {
    expect(() =>
      checkGradients({
        inputs: input,
        tessera: (x) => square(x),
        tfjs: (x) => tf.mul(x, x).mul(2),
        reference: ([x]) => squared(x),
      }),
    ).toThrow();
  });
});
