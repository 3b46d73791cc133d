import { ENGINE } from '../engine/engine';

/** Switches the current backend, awaiting its initialization (device requests, shader compilation). */
export async function setBackend(name: string): Promise<void> {
  await ENGINE.registry.select(name);
}
