import { ENGINE, type MemoryInfo } from '../engine/engine';

/** Live tensors and bytes, and what the current backend's storage reports. */
export function memory(): MemoryInfo {
  return ENGINE.memory();
}
