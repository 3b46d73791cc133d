import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { recordAndDifferentiate } from './value-and-grads';

/** `valueAndGrad(f)(x)` returns f(x) and df/dx. */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  if (typeof f !== 'function') throw new InvalidArgumentError('valueAndGrad: expected a function');
  return (x, dy) =>
    tidy(() => {
      const { value, grads } = recordAndDifferentiate('valueAndGrad', () => f(x), [x], dy);
      return { value, grad: grads[0] };
    });
}
