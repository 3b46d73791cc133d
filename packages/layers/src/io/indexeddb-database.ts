import { InvalidArgumentError } from '@tessera/core';
import { ModelFormatError } from './model-format-error';

/** The database that holds models saved with `indexeddb://` URLs; the helpers below reach it. */
export const DATABASE_NAME = 'tessera_models';
const DATABASE_VERSION = 1;
export const STORE_NAME = 'models';
export const INDEXEDDB_SCHEME = 'indexeddb://';

/** What one record of the object store holds, keyed by the model's name. */
export interface StoredModelRecord {
  modelJson: string;
  weightsBuffer: ArrayBuffer;
}

export function factoryOf(options: { indexedDB?: IDBFactory }): IDBFactory {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (factory === undefined) {
    throw new InvalidArgumentError(
      'indexeddb model storage: no IndexedDB here; pass options.indexedDB (for instance from fake-indexeddb in Node)',
    );
  }
  return factory;
}

export function modelNameOf(url: string): string {
  const name = url.slice(INDEXEDDB_SCHEME.length);
  if (name.length === 0) throw new InvalidArgumentError(`indexeddb model storage: '${url}' names no model`);
  return name;
}

function settle<Result>(request: IDBRequest<Result>, what: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      reject(new ModelFormatError('STORAGE_FAILED', DATABASE_NAME, `${what} failed (${request.error?.message})`));
  });
}

async function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME);
  };
  return settle(request, 'opening the database');
}

/** Runs one request in its own transaction and waits until the transaction commits. */
export async function inStore<Result>(
  factory: IDBFactory,
  mode: IDBTransactionMode,
  what: string,
  makeRequest: (store: IDBObjectStore) => IDBRequest<Result>,
): Promise<Result> {
  const database = await openDatabase(factory);
  try {
    const transaction = database.transaction(STORE_NAME, mode);
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () =>
        reject(
          new ModelFormatError('STORAGE_FAILED', DATABASE_NAME, `${what} aborted (${transaction.error?.message})`),
        );
    });
    const result = await settle(makeRequest(transaction.objectStore(STORE_NAME)), what);
    await committed;
    return result;
  } finally {
    database.close();
  }
}
