import type { ResolvedLoadOptions, SaveOptions } from './storage-options';

/** The two files of a saved model, already encoded: what a storage handler writes. */
export interface StoredModelFiles {
  modelJson: Uint8Array<ArrayBuffer>;
  weightsFile: string;
  weights: Uint8Array<ArrayBuffer>;
}

/** A stored file's bytes and where they came from (a path or URL, used in error messages). */
export interface StoredFile {
  location: string;
  bytes: Uint8Array;
}

/**
 * What a handler returns on load: model.json first, then the weights on request, so the weights file name is
 * validated from model.json before anything else is read.
 */
export interface StoredModelReader {
  modelJson: StoredFile;
  readWeights(weightsFile: string): Promise<StoredFile>;
}

/** Moves a saved model's bytes to and from one kind of storage, chosen by URL scheme. */
export interface ModelStorageHandler {
  save(url: string, files: StoredModelFiles, options: SaveOptions): Promise<void>;
  load(url: string, options: ResolvedLoadOptions): Promise<StoredModelReader>;
}
