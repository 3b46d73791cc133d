import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { recordAndDifferentiate } from './value-and-grads';

/** `grads(f)(args)` is the gradient of f(...args) with respect to each argument. */
export function grads<Args extends Tensor[]>(f: (...args: Args) => Tensor): (args: Args, dy?: Tensor) => Tensor[] {
  if (typeof f !== 'function') throw new InvalidArgumentError('grads: expected a function');
  return (args, dy) =>
    tidy(() => {
      if (!Array.isArray(args)) throw new InvalidArgumentError('grads: call the result with an array of tensors');
      // The value is left to the tidy: an outer gradient (grad of grad) may still need it.
      return recordAndDifferentiate('grads', () => f(...args), args, dy).grads;
    });
}
