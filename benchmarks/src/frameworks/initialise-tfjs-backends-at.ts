import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { useTfjsBackend } from './use-tfjs-backend';

export interface TfjsBackendInfo {
  tfjsVersion: string;
  wasmSimd: boolean;
  wasmThreads: boolean;
}

/** The same with the wasm backend's binaries at `wasmFolder` (a folder path in Node, a URL ending in / in a page). */
export async function initialiseTfjsBackendsAt(wasmFolder: string): Promise<TfjsBackendInfo> {
  // Production mode is how tfjs is meant to be deployed: it skips debug checks (and the console notice suggesting
  // tfjs-node, which would otherwise land in the middle of the report).
  tf.enableProdMode();
  setWasmPaths(wasmFolder);
  await useTfjsBackend('wasm');
  const wasmSimd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const wasmThreads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  await useTfjsBackend('cpu');
  return { tfjsVersion: tf.version.tfjs, wasmSimd, wasmThreads };
}
