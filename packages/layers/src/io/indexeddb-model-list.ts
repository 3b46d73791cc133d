import { InvalidArgumentError } from '@tessera/core';
import { factoryOf, INDEXEDDB_SCHEME, inStore, modelNameOf } from './indexeddb-database';
import { ModelFormatError } from './model-format-error';

/** The URLs (`indexeddb://name`) of every model saved in IndexedDB. */
export async function listModels(options: { indexedDB?: IDBFactory } = {}): Promise<string[]> {
  const keys = await inStore(factoryOf(options), 'readonly', 'listing models', (store) => store.getAllKeys());
  return keys.map((key) => `${INDEXEDDB_SCHEME}${String(key)}`);
}

/** Deletes a model saved in IndexedDB; throws a ModelFormatError ('NOT_FOUND') when there is none by that name. */
export async function removeModel(url: string, options: { indexedDB?: IDBFactory } = {}): Promise<void> {
  if (!url.startsWith(INDEXEDDB_SCHEME)) {
    throw new InvalidArgumentError(`removeModel: only '${INDEXEDDB_SCHEME}' URLs can be removed, got '${url}'`);
  }
  const name = modelNameOf(url);
  const factory = factoryOf(options);
  const count = await inStore(factory, 'readonly', `finding '${url}'`, (store) => store.count(name));
  if (count === 0) throw new ModelFormatError('NOT_FOUND', url, 'no model is stored under this name');
  await inStore(factory, 'readwrite', `removing '${url}'`, (store) => store.delete(name));
}
