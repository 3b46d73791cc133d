import { factoryOf, inStore, modelNameOf, type StoredModelRecord } from './indexeddb-database';
import { describeValue, isPlainObject } from './json-checks';
import { ModelFormatError } from './model-format-error';
import type { ModelStorageHandler, StoredModelFiles, StoredModelReader } from './model-storage-handler';
import type { ResolvedLoadOptions, SaveOptions } from './storage-options';

function checkRecord(record: unknown, url: string, options: ResolvedLoadOptions): StoredModelRecord {
  if (record === undefined) throw new ModelFormatError('NOT_FOUND', url, 'no model is stored under this name');
  if (
    !isPlainObject(record) ||
    typeof record.modelJson !== 'string' ||
    !(record.weightsBuffer instanceof ArrayBuffer)
  ) {
    throw new ModelFormatError(
      'INVALID_FIELD',
      url,
      `stored record must be { modelJson: string, weightsBuffer: ArrayBuffer }, got ${describeValue(record)}`,
    );
  }
  // A string longer than the limit in UTF-16 units is longer in UTF-8 bytes too: refuse it before encoding it.
  if (record.modelJson.length > options.maxModelJsonBytes) {
    throw new ModelFormatError(
      'TOO_LARGE',
      `${url}/model.json`,
      `is above the ${options.maxModelJsonBytes}-byte limit`,
    );
  }
  if (record.weightsBuffer.byteLength > options.maxWeightsBytes) {
    throw new ModelFormatError(
      'TOO_LARGE',
      `${url}/weights`,
      `is ${record.weightsBuffer.byteLength} bytes, above the ${options.maxWeightsBytes}-byte limit`,
    );
  }
  return { modelJson: record.modelJson, weightsBuffer: record.weightsBuffer };
}

/** `indexeddb://name`: one record per model in the `models` store of the `tessera_models` database. */
export const indexedDBStorageHandler: ModelStorageHandler = {
  async save(url: string, files: StoredModelFiles, options: SaveOptions): Promise<void> {
    const name = modelNameOf(url);
    const record: StoredModelRecord = {
      modelJson: new TextDecoder().decode(files.modelJson),
      weightsBuffer: files.weights.slice().buffer,
    };
    await inStore(factoryOf(options), 'readwrite', `saving '${url}'`, (store) => store.put(record, name));
  },

  async load(url: string, options: ResolvedLoadOptions): Promise<StoredModelReader> {
    const name = modelNameOf(url);
    const stored = await inStore(factoryOf(options), 'readonly', `loading '${url}'`, (store) => store.get(name));
    const record = checkRecord(stored, url, options);
    return {
      modelJson: { location: `${url}/model.json`, bytes: new TextEncoder().encode(record.modelJson) },
      readWeights: async (weightsFile) => ({
        location: `${url}/${weightsFile}`,
        bytes: new Uint8Array(record.weightsBuffer),
      }),
    };
  },
};
