import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { recordAndDifferentiate } from './value-and-grads';

/** `grad(f)(x)` is df/dx (times `dy` when given), with the shape of x. */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => Tensor {
  if (typeof f !== 'function') throw new InvalidArgumentError('grad: expected a function');
  return (x, dy) =>
    tidy(() => {
      // The value is left to the tidy: an outer gradient (grad of grad) may still need it.
      return recordAndDifferentiate('grad', () => f(x), [x], dy).grads[0];
    });
}
