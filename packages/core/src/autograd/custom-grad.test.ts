import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeError } from '../errors';
import { memory } from '../memory/memory';
import { tidy } from '../memory/tidy';
import { add } from '../ops/add';
import { exp } from '../ops/exp';
import { log } from '../ops/log';
import { maximum } from '../ops/maximum';
import { minimum } from '../ops/minimum';
import { mul } from '../ops/mul';
import { pow } from '../ops/pow';
import { reshape } from '../ops/reshape';
import { sigmoid } from '../ops/sigmoid';
import { square } from '../ops/square';
import { sum } from '../ops/sum';
import { tensor } from '../ops/tensor';
import type { Tensor } from '../tensor';
import { expectMatchesTf, expectValuesClose, randomPair, seededRandom, tf } from '../test-utils/oracle';
import { customGrad } from './custom-grad';
import { grad } from './grad';
import { grads } from './grads';
import { valueAndGrad } from './value-and-grad';

/** The identity on the forward pass; its gradient is clipped to [-1, 1] (a common trick against exploding gradients). */
const clippedIdentity = customGrad((x: Tensor) => ({
  value: reshape(x, x.shape),
  gradFunc: (dy: Tensor) => minimum(maximum(dy, -1), 1),
}));

describe('customGrad', () => {
  it('uses the custom gradient instead of the gradient of the forward ops', () => {
    const x = tensor([0.5, -2, 3]);
    const dy = tensor([5, -0.25, -7]);
    const { value, grad: gradient } = valueAndGrad((input) => clippedIdentity(input))(x, dy);
    expect(Array.from(value.dataSync())).toEqual([0.5, -2, 3]);
    expect(Array.from(gradient.dataSync())).toEqual([1, -0.25, -1]);
  });

  it('applies the chain rule around the custom node', () => {
    const x = tensor([1, 2]);
    // d/dx sum(w * clip(10x)): the upstream gradient w is clipped, then multiplied by 10 on the way to x.
    const weights = tensor([3, 0.5]);
    const gradient = grad((input) => sum(mul(clippedIdentity(mul(input, 10)), weights)))(x);
    expect(Array.from(gradient.dataSync())).toEqual([10, 5]);
  });

  it('records none of the ops inside f', () => {
    // The forward value is x^3, the declared gradient is a constant 7 · dy: only the declared one may show.
    const cubeWithFakeGradient = customGrad((x: Tensor) => ({
      value: pow(x, 3),
      gradFunc: (dy: Tensor) => mul(dy, 7),
    }));
    const gradient = grad((input) => sum(cubeWithFakeGradient(input)))(tensor([2, -1]));
    expect(Array.from(gradient.dataSync())).toEqual([7, 7]);
  });

  it('passes the saved tensors to gradFunc and matches tf.customGrad', () => {
    // softplus(x) = log(1 + exp(x)) with the stable gradient sigmoid(x) · dy.
    const softplus = customGrad((x: Tensor, save: (tensors: Tensor[]) => void) => {
      save([x]);
      return {
        value: log(add(exp(x), 1)),
        gradFunc: (dy: Tensor, [savedX]: Tensor[]) => mul(dy, sigmoid(savedX)),
      };
    });
    const softplusTf = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
      save([x]);
      return {
        value: tf.log(tf.add(tf.exp(x), 1)),
        gradFunc: (dy: tf.Tensor, [savedX]: tf.Tensor[]) => tf.mul(dy, tf.sigmoid(savedX)),
      };
    }) as unknown as Parameters<typeof tf.customGrad>[0]);
    const random = seededRandom(21);
    const [x, xTf] = randomPair([2, 3], random, -4, 4);
    const [dy, dyTf] = randomPair([2, 3], random);
    expectMatchesTf(softplus(x), softplusTf(xTf));
    expectMatchesTf(
      grad((input) => softplus(input))(x, dy),
      tf.grad((input: tf.Tensor) => softplusTf(input))(xTf, dyTf),
    );
  });

  it('supports several inputs with one gradient each', () => {
    const scaledProduct = customGrad((a: Tensor, b: Tensor, save: (tensors: Tensor[]) => void) => {
      save([a, b]);
      return {
        value: mul(a, b),
        gradFunc: (dy: Tensor, [savedA, savedB]: Tensor[]) => [mul(mul(dy, savedB), 2), mul(mul(dy, savedA), 3)],
      };
    });
    const [gradientA, gradientB] = grads((a: Tensor, b: Tensor) => sum(scaledProduct(a, b)))([
      tensor([1, 2]),
      tensor([5, 7]),
    ]);
    expect(Array.from(gradientA.dataSync())).toEqual([10, 14]);
    expect(Array.from(gradientB.dataSync())).toEqual([3, 6]);
  });

  it('works with higher-order gradients when gradFunc is differentiable', () => {
    // value x², declared gradient 2x·dy: the second derivative of the custom op is then 2.
    const customSquare = customGrad((x: Tensor, save: (tensors: Tensor[]) => void) => {
      save([x]);
      return { value: square(x), gradFunc: (dy: Tensor, [savedX]: Tensor[]) => mul(mul(dy, savedX), 2) };
    });
    const second = grad(grad((input) => customSquare(input)))(tensor([1.5, -3]));
    expectValuesClose(second.dataSync(), [2, 2]);
  });

  it('keeps saved intermediates alive through a tidy inside the differentiated function', () => {
    // sigmoid(x) is made inside f and saved; the tidy around the call must not free it before backpropagation.
    const softplus = customGrad((x: Tensor, save: (tensors: Tensor[]) => void) => {
      const slope = sigmoid(x);
      save([slope]);
      return { value: log(add(exp(x), 1)), gradFunc: (dy: Tensor, [savedSlope]: Tensor[]) => mul(dy, savedSlope) };
    });
    const x = tensor([-1, 0, 2]);
    const before = memory().numTensors;
    const gradient = grad((input) => sum(tidy(() => softplus(input))))(x);
    expectValuesClose(
      gradient.dataSync(),
      [-1, 0, 2].map((value) => 1 / (1 + Math.exp(-value))),
      1e-6,
      1e-6,
    );
    // ...and frees it afterwards.
    expect(memory().numTensors).toBe(before + 1);
  });

  it('rejects a gradFunc that returns the wrong number of gradients or the wrong shape', () => {
    const wrongCount = customGrad((a: Tensor, b: Tensor) => ({
      value: mul(a, b),
      gradFunc: (dy: Tensor) => [dy],
    }));
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(() => grads((left: Tensor, right: Tensor) => sum(wrongCount(left, right)))([a, b])).toThrow(
      InvalidArgumentError,
    );
    expect(() => grads((left: Tensor, right: Tensor) => sum(wrongCount(left, right)))([a, b])).toThrow(
      /customGrad.*1 gradients for 2 inputs/,
    );
    const wrongShape = customGrad((x: Tensor) => ({ value: square(x), gradFunc: () => tensor([1, 2, 3]) }));
    expect(() => grad((input) => sum(wrongShape(input)))(a)).toThrow(ShapeError);
    expect(() => grad((input) => sum(wrongShape(input)))(a)).toThrow(/customGrad.*\[3\].*\[2\]/);
  });

  it('rejects a non-function, a non-tensor input and a malformed result', () => {
    expect(() => customGrad(null as unknown as () => never)).toThrow(InvalidArgumentError);
    expect(() => clippedIdentity([1, 2] as unknown as Tensor)).toThrow(InvalidArgumentError);
    const malformed = customGrad(() => ({ value: 3 as unknown as Tensor, gradFunc: (dy: Tensor) => dy }));
    expect(() => malformed(tensor([1]))).toThrow(/customGrad.*value/);
  });
});
