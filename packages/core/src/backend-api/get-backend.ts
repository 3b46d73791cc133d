import { ENGINE } from '../engine/engine';

/** The name of the current backend ('cpu' unless another was chosen). */
export function getBackend(): string {
  return ENGINE.backend.name;
}
