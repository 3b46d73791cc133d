import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type TfjsBackendName = 'cpu' | 'wasm';

export interface TfjsBackendInfo {
  tfjsVersion: string;
  wasmSimd: boolean;
  wasmThreads: boolean;
}

/**
 * Prepares tfjs's cpu and wasm backends. The wasm backend normally fetches its .wasm binary over the network; in
 * Node we point it at the copies shipped inside the npm package, so the bench works offline.
 */
export async function initialiseTfjsBackends(): Promise<TfjsBackendInfo> {
  // Production mode is how tfjs is meant to be deployed: it skips debug checks (and the console notice suggesting
  // tfjs-node, which would otherwise land in the middle of the report).
  tf.enableProdMode();
  const require = createRequire(import.meta.url);
  // The package's main file lives in its dist folder, next to the .wasm files; the trailing separator marks a folder.
  const wasmFolder = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
  setWasmPaths(wasmFolder);
  await useTfjsBackend('wasm');
  const wasmSimd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const wasmThreads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  await useTfjsBackend('cpu');
  return { tfjsVersion: tf.version.tfjs, wasmSimd, wasmThreads };
}

/** Switches tfjs to `name`. Tensors belong to the backend active when they were created, so switch before preparing. */
export async function useTfjsBackend(name: TfjsBackendName): Promise<void> {
  const switched = await tf.setBackend(name);
  if (!switched || tf.getBackend() !== name) throw new Error(`tfjs: could not switch to the '${name}' backend`);
  await tf.ready();
}
