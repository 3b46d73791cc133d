import type { TypedArray } from '../dtype';
import { ENGINE } from '../engine/engine';
import type { Tensor } from '../tensor';

/**
 * Runs a validation of a tensor's values on the host where reading them is cheap (backends that read
 * synchronously, like the CPU backend), and skips it elsewhere. `check` throws to reject; it must not return
 * information or depend on anything but the values and numbers fixed for the op. Unlike `dataSync`, it does not stop
 * a `compileStep` from replaying: the replay runs the same check on each call's values at the same point.
 */
export function checkValues(tensor: Tensor, check: (values: TypedArray) => void): void {
  tensor.assertAlive('checkValues');
  const storage = tensor.backend.storage;
  if (storage.readSync === undefined) return;
  check(storage.readSync(tensor.dataId));
  ENGINE.tracer?.hostCheck(tensor, check);
}
