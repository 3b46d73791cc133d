import { InvalidArgumentError } from '@tessera/core';
import { ModelFormatError } from './model-format-error';
import type { ModelStorageHandler, StoredFile, StoredModelFiles, StoredModelReader } from './model-storage-handler';
import type { FetchFunction, LoadOptions, ResolvedLoadOptions, SaveOptions } from './storage-options';

function fetchFunction(options: LoadOptions | SaveOptions): FetchFunction {
  const chosen = options.fetch ?? (globalThis.fetch as FetchFunction | undefined);
  if (typeof chosen !== 'function') {
    throw new InvalidArgumentError('http model storage: no fetch available; pass options.fetch');
  }
  return chosen;
}

/** A URL ending in `.json` is model.json itself; anything else is the folder that holds it. */
function modelJsonUrlOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    throw new InvalidArgumentError(`http model storage: '${url}' is not a valid URL`);
  }
  if (path.endsWith('.json')) return url;
  return new URL('model.json', url.endsWith('/') ? url : `${url}/`).href;
}

async function fetchChecked(fetchImplementation: FetchFunction, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImplementation(url, init);
  } catch (error) {
    throw new ModelFormatError('STORAGE_FAILED', url, `request failed (${(error as Error).message})`);
  }
  if (!response.ok) {
    throw new ModelFormatError(
      response.status === 404 ? 'NOT_FOUND' : 'STORAGE_FAILED',
      url,
      `server answered ${response.status} ${response.statusText}`.trimEnd(),
    );
  }
  return response;
}

/** Reads a response body, refusing it as soon as it passes `maxBytes` whether or not content-length was honest. */
async function readCappedBody(response: Response, url: string, maxBytes: number): Promise<StoredFile> {
  const tooLarge = (size: number | string) =>
    new ModelFormatError('TOO_LARGE', url, `is ${size} bytes, above the ${maxBytes}-byte limit`);
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(declared);
  }
  if (response.body === null) return { location: url, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`more than ${maxBytes}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, position);
    position += chunk.length;
  }
  return { location: url, bytes };
}

/**
 * `http://` and `https://`: load fetches model.json (the URL itself when it ends in `.json`, else `<url>/model.json`)
 * then the weights file beside it; save POSTs multipart/form-data with the parts `model.json` and the weights file,
 * as tfjs's http handler does.
 */
export const httpStorageHandler: ModelStorageHandler = {
  async save(url: string, files: StoredModelFiles, options: SaveOptions): Promise<void> {
    const form = new FormData();
    form.append('model.json', new Blob([files.modelJson], { type: 'application/json' }), 'model.json');
    form.append(files.weightsFile, new Blob([files.weights], { type: 'application/octet-stream' }), files.weightsFile);
    const response = await fetchChecked(fetchFunction(options), url, {
      ...options.requestInit,
      method: 'POST',
      body: form,
    });
    await response.body?.cancel();
  },

  async load(url: string, options: ResolvedLoadOptions): Promise<StoredModelReader> {
    const fetchImplementation = fetchFunction(options);
    const modelJsonUrl = modelJsonUrlOf(url);
    const init = { ...options.requestInit, method: 'GET' };
    const modelJsonResponse = await fetchChecked(fetchImplementation, modelJsonUrl, init);
    const modelJson = await readCappedBody(modelJsonResponse, modelJsonUrl, options.maxModelJsonBytes);
    return {
      modelJson,
      async readWeights(weightsFile: string): Promise<StoredFile> {
        const weightsUrl = new URL(weightsFile, modelJsonUrl).href;
        const response = await fetchChecked(fetchImplementation, weightsUrl, init);
        return readCappedBody(response, weightsUrl, options.maxWeightsBytes);
      },
    };
  },
};
