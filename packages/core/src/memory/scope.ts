import { ENGINE } from '../engine/engine';
import { InvalidArgumentError } from '../errors';
import { closeFrame } from './close-frame';
import { collectTensors } from './collect-tensors';

/**
 * The async `tidy`: tensors created inside `body`, across any number of `await`s, are disposed when it settles,
 * except what it returns and what was kept. Concurrent scopes stay separate in Node (AsyncLocalStorage); in
 * browsers, scopes that run at the same time must not interleave.
 */
export async function scope<T>(
  nameOrBody: string | (() => Promise<T> | T),
  maybeBody?: () => Promise<T> | T,
): Promise<T> {
  const name = typeof nameOrBody === 'string' ? nameOrBody : 'scope';
  const body = typeof nameOrBody === 'function' ? nameOrBody : maybeBody;
  if (typeof body !== 'function') throw new InvalidArgumentError('scope: expected a function');
  let frameToClose: Parameters<typeof closeFrame>[0] | null = null;
  try {
    const { frame, result } = await ENGINE.scopes.runAsync(name, async () => {
      const current = ENGINE.scopes.current();
      frameToClose = current;
      return body();
    });
    frameToClose = null;
    closeFrame(frame, collectTensors(result));
    return result;
  } catch (error) {
    if (frameToClose) closeFrame(frameToClose, new Set());
    throw error;
  }
}
