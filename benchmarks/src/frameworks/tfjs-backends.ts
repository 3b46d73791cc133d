import { createRequire } from 'node:module';
import path from 'node:path';
import { initialiseTfjsBackendsAt, type TfjsBackendInfo } from './initialise-tfjs-backends-at';

export type { TfjsBackendInfo };

/**
 * Prepares tfjs's cpu and wasm backends. The wasm backend normally fetches its .wasm binary over the network; in
 * Node we point it at the copies shipped inside the npm package, so the bench works offline.
 */
export async function initialiseTfjsBackends(): Promise<TfjsBackendInfo> {
  const require = createRequire(import.meta.url);
  // The package's main file lives in its dist folder, next to the .wasm files; the trailing separator marks a folder.
  return initialiseTfjsBackendsAt(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep);
}
