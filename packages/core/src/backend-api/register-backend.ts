import type { Backend } from '../backend/backend-definition';
import { ENGINE } from '../engine/engine';

/** Makes a backend available to `setBackend`. Nothing registers itself on import. */
export function registerBackend(backend: Backend, options: { priority?: number } = {}): void {
  ENGINE.registry.register(backend, options.priority ?? 1);
}
