import type { Callback } from '../models/callback';

/** A callback built from plain functions, like Keras's `LambdaCallback`; any hook may be left out. */
export function lambdaCallback(hooks: Callback): Callback {
  return { ...hooks };
}
