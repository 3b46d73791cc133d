import { tensor } from '@tessera/core';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { listModels, removeModel } from './indexeddb-model-list';
import { loadModelArtifacts, saveModelArtifacts } from './model-artifacts';
import { ModelFormatError } from './model-format-error';

async function saveSample(url: string, indexedDB: IDBFactory, values: number[]): Promise<void> {
  const weight = tensor(values, [values.length]);
  await saveModelArtifacts(
    url,
    { modelTopology: { name: url }, weights: [{ name: 'w', tensor: weight }] },
    { indexedDB },
  );
  weight.dispose();
}

describe('indexeddb:// storage', () => {
  it('saves and loads through options.indexedDB, one record per model name', async () => {
    const indexedDB = new IDBFactory();
    await saveSample('indexeddb://first', indexedDB, [1, 2, 3]);
    await saveSample('indexeddb://second', indexedDB, [4]);
    await saveSample('indexeddb://first', indexedDB, [5, 6]);
    const loaded = await loadModelArtifacts('indexeddb://first', { indexedDB });
    expect(loaded.modelTopology).toEqual({ name: 'indexeddb://first' });
    expect(Array.from(await loaded.weights[0].tensor.data())).toEqual([5, 6]);
    loaded.weights[0].tensor.dispose();
    expect((await listModels({ indexedDB })).sort()).toEqual(['indexeddb://first', 'indexeddb://second']);
  });

  it('falls back to globalThis.indexedDB', async () => {
    const holder = globalThis as { indexedDB?: IDBFactory };
    const previous = holder.indexedDB;
    holder.indexedDB = new IDBFactory();
    try {
      await saveModelArtifacts('indexeddb://global', { modelTopology: {}, weights: [] });
      const loaded = await loadModelArtifacts('indexeddb://global');
      expect(loaded.weights).toEqual([]);
    } finally {
      holder.indexedDB = previous;
    }
  });

  it('explains how to provide IndexedDB when there is none', async () => {
    await expect(loadModelArtifacts('indexeddb://anything')).rejects.toThrow(/pass options\.indexedDB/);
  });

  it('removes models and reports missing ones', async () => {
    const indexedDB = new IDBFactory();
    await saveSample('indexeddb://doomed', indexedDB, [1]);
    await removeModel('indexeddb://doomed', { indexedDB });
    expect(await listModels({ indexedDB })).toEqual([]);
    const error = await loadModelArtifacts('indexeddb://doomed', { indexedDB }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as ModelFormatError).reason).toBe('NOT_FOUND');
    await expect(removeModel('indexeddb://doomed', { indexedDB })).rejects.toThrow(
      /no model is stored under this name/,
    );
    await expect(removeModel('file://x', { indexedDB })).rejects.toThrow(/only 'indexeddb:\/\/' URLs/);
  });

  it('rejects a stored record of the wrong shape', async () => {
    const indexedDB = new IDBFactory();
    await saveSample('indexeddb://tampered', indexedDB, [1]);
    const database = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('tessera_models', 1);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const transaction = database.transaction('models', 'readwrite');
      transaction.objectStore('models').put({ modelJson: 42 }, 'tampered');
      transaction.oncomplete = () => resolve();
    });
    database.close();
    await expect(loadModelArtifacts('indexeddb://tampered', { indexedDB })).rejects.toThrow(
      /stored record must be \{ modelJson: string, weightsBuffer: ArrayBuffer \}/,
    );
  });
});
