import { ENGINE } from '../engine/engine';

/** Names of the registered backends (the CPU backend is always there). */
export function listBackends(): string[] {
  return ENGINE.registry.names();
}
