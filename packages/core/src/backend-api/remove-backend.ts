import { ENGINE } from '../engine/engine';

/** Unregisters a backend and destroys it; its tensors become unusable. */
export function removeBackend(name: string): void {
  ENGINE.registry.remove(name);
}
