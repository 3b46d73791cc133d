import { ENGINE } from '../engine/engine';
import { DTypeError, InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import { Tensor } from '../tensor';
import { backpropagate } from './backpropagate';

/** Runs `f` on a fresh tape and differentiates its result with respect to `sources`. Call inside a tidy. */
export function recordAndDifferentiate(
  opName: string,
  f: () => Tensor,
  sources: readonly Tensor[],
  dy?: Tensor,
): { value: Tensor; grads: Tensor[] } {
  sources.forEach((source, index) => {
    if (!(source instanceof Tensor)) {
      throw new InvalidArgumentError(`${opName}: argument ${index} must be a Tensor, got ${typeof source}`);
    }
    source.assertAlive(`${opName} (argument ${index})`);
    if (source.dtype !== 'float32') {
      throw new DTypeError(
        `${opName}: can only differentiate with respect to float32 tensors, argument ${index} is ${source.dtype}`,
      );
    }
  });
  const tape = ENGINE.startTape();
  let value: Tensor;
  try {
    value = f();
  } finally {
    ENGINE.stopTape(tape);
  }
  if (!(value instanceof Tensor)) {
    throw new InvalidArgumentError(`${opName}: f must return a Tensor, got ${typeof value}`);
  }
  return { value, grads: backpropagate(tape, value, sources, dy) };
}

/**
 * `valueAndGrads(f)(args)` returns f(...args) and its gradient with respect to each argument. Everything else
 * created while computing them is disposed.
 */
export function valueAndGrads<Args extends Tensor[]>(
  f: (...args: Args) => Tensor,
): (args: Args, dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  if (typeof f !== 'function') throw new InvalidArgumentError('valueAndGrads: expected a function');
  return (args, dy) => {
    if (!Array.isArray(args)) throw new InvalidArgumentError('valueAndGrads: call the result with an array of tensors');
    return tidy(() => recordAndDifferentiate('valueAndGrads', () => f(...args), args, dy));
  };
}
