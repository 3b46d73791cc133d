/** The `fetch` signature the HTTP handler needs; pass your own to add auth, retries or a test double. */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

interface CommonStorageOptions {
  /** `http(s)://`: replaces `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** `http(s)://`: merged into every request (headers, credentials, signal...). */
  requestInit?: RequestInit;
  /** `indexeddb://`: replaces `globalThis.indexedDB` (for instance fake-indexeddb in Node). */
  indexedDB?: IDBFactory;
}

export interface SaveOptions extends CommonStorageOptions {
  /** Written into model.json's `generatedBy`; defaults to '@tessera/layers'. */
  generatedBy?: string;
}

export interface LoadOptions extends CommonStorageOptions {
  /** model.json larger than this is refused before parsing. Default 64 MiB. */
  maxModelJsonBytes?: number;
  /** A weights file larger than this is refused before it is read whole. Default 4 GiB. */
  maxWeightsBytes?: number;
}

export interface SaveResult {
  url: string;
  modelJsonBytes: number;
  weightsBytes: number;
  dateSaved: Date;
}

export const DEFAULT_MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_WEIGHTS_BYTES = 4 * 1024 * 1024 * 1024;

/** Load options with the size limits filled in, as handlers receive them. */
export type ResolvedLoadOptions = LoadOptions & { maxModelJsonBytes: number; maxWeightsBytes: number };
