import * as tf from '@tensorflow/tfjs';

export type TfjsBackendName = 'cpu' | 'wasm';

/** Switches tfjs to `name`. Tensors belong to the backend active when they were created, so switch before preparing. */
export async function useTfjsBackend(name: TfjsBackendName): Promise<void> {
  const switched = await tf.setBackend(name);
  if (!switched || tf.getBackend() !== name) throw new Error(`tfjs: could not switch to the '${name}' backend`);
  await tf.ready();
}
