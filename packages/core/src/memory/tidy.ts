import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import { closeFrame } from './close-frame';
import { collectTensors } from './collect-tensors';

/**
 * Runs a synchronous function and disposes every tensor it created except those it returns (in arrays or
 * plain objects too) and those passed to `keep`. For async code use `scope`.
 */
export function tidy<T>(nameOrBody: string | (() => T), maybeBody?: () => T): T {
  const name = typeof nameOrBody === 'string' ? nameOrBody : 'tidy';
  const body = typeof nameOrBody === 'function' ? nameOrBody : maybeBody;
  if (typeof body !== 'function') throw new InvalidArgumentError('tidy: expected a function');
  const frame = ENGINE.scopes.enterSynchronous(name);
  let result: T;
  try {
    result = body();
  } catch (error) {
    ENGINE.scopes.exitSynchronous(frame);
    closeFrame(frame, new Set());
    throw error;
  }
  ENGINE.scopes.exitSynchronous(frame);
  if (result instanceof Promise) {
    closeFrame(frame, new Set());
    throw new InvalidArgumentError(
      'tidy: the function returned a Promise; use `await scope(async () => ...)` for async code',
    );
  }
  closeFrame(frame, collectTensors(result));
  return result;
}
