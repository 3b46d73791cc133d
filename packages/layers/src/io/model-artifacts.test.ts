import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { InvalidArgumentError, memory, type Tensor, tensor } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSafetensors } from './encode-safetensors';
import { loadModelArtifacts, type ModelArtifacts, saveModelArtifacts } from './model-artifacts';
import { ModelFormatError } from './model-format-error';
import type { StoredModelFiles } from './model-storage-handler';
import { listModelStorageSchemes, registerModelStorageHandler } from './model-storage-registry';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tessera-io-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** float32 values whose bits must survive exactly: NaNs with payloads, −0, denormals, infinities. */
function trickyFloats(): Float32Array {
  const bits = new Uint32Array([
    0x7fc00000, 0x7fc00001, 0xffc12345, 0x80000000, 0x00000001, 0x007fffff, 0x7f800000, 0xff800000, 0x3f800000,
  ]);
  return new Float32Array(bits.buffer);
}

function sampleArtifacts(): ModelArtifacts {
  return {
    modelTopology: { className: 'Sequential', config: { name: 'sequential_1', layers: [{ className: 'Dense' }] } },
    trainingConfig: { loss: 'meanSquaredError', metrics: ['accuracy'] },
    weights: [
      { name: 'dense_1/kernel', tensor: tensor(trickyFloats(), [3, 3]) },
      { name: 'dense_1/bias', tensor: tensor(new Int32Array([-2147483648, 0, 2147483647]), [3], 'int32') },
      { name: 'mask', tensor: tensor([true, false, true, true], [2, 2], 'bool') },
      { name: 'empty', tensor: tensor(new Float32Array(0), [0, 5]) },
      { name: 'scalar', tensor: tensor(new Float32Array([-0]), []) },
    ],
    optimizer: {
      name: 'adam',
      config: { learningRate: 0.001, amsgrad: false, name: 'Adam' },
      iterations: 12,
      slots: [{ name: 'dense_1/kernel/m', tensor: tensor(new Float32Array(9).fill(0.5), [3, 3]) }],
    },
  };
}

async function bytesOf(value: Tensor): Promise<number[]> {
  const data = await value.data();
  return [...new Uint8Array(data.buffer, data.byteOffset, data.byteLength)];
}

function disposeArtifacts(artifacts: ModelArtifacts): void {
  for (const entry of [...artifacts.weights, ...(artifacts.optimizer?.slots ?? [])]) entry.tensor.dispose();
}

/** Checks that `load` rejects with a ModelFormatError whose message holds every fragment, leaking no tensor. */
async function expectLoadRejected(url: string, ...fragments: string[]): Promise<ModelFormatError> {
  const before = memory().numTensors;
  const error = await loadModelArtifacts(url).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ModelFormatError);
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
  expect(memory().numTensors).toBe(before);
  return error as ModelFormatError;
}

describe('file:// save and load', () => {
  it('round-trips bit-identical float32 (NaN payloads, −0, denormals), int32 and bool tensors plus the optimizer', async () => {
    const original = sampleArtifacts();
    const url = `file://${join(root, 'nested', 'deeper', 'model')}`;
    const result = await saveModelArtifacts(url, original);
    expect(result.url).toBe(url);
    expect(result.weightsBytes).toBeGreaterThan(36 + 12 + 4 + 36);
    const before = memory().numTensors;
    const loaded = await loadModelArtifacts(url);
    expect(memory().numTensors).toBe(before + 6);
    expect(loaded.modelTopology).toEqual(original.modelTopology);
    expect(loaded.trainingConfig).toEqual(original.trainingConfig);
    expect(loaded.optimizer?.name).toBe('adam');
    expect(loaded.optimizer?.config).toEqual(original.optimizer?.config);
    expect(loaded.optimizer?.iterations).toBe(12);
    const pairs = [
      ...original.weights.map((entry, position) => [entry, loaded.weights[position]]),
      ...(original.optimizer?.slots ?? []).map((entry, position) => [entry, loaded.optimizer?.slots[position]]),
    ];
    expect(loaded.weights.map((entry) => entry.name)).toEqual(original.weights.map((entry) => entry.name));
    for (const [expected, actual] of pairs) {
      expect(actual?.name).toBe(expected?.name);
      expect(actual?.tensor.dtype).toBe(expected?.tensor.dtype);
      expect(actual?.tensor.shape).toEqual(expected?.tensor.shape);
      expect(await bytesOf(actual?.tensor as Tensor)).toEqual(await bytesOf(expected?.tensor as Tensor));
    }
    disposeArtifacts(loaded);
    expect(memory().numTensors).toBe(before);
    disposeArtifacts(original);
  });

  it('writes model.json in the documented layout and leaves no temporary files', async () => {
    const folder = join(root, 'layout');
    const artifacts = sampleArtifacts();
    await saveModelArtifacts(`file://${folder}`, artifacts, { generatedBy: 'test-suite' });
    await saveModelArtifacts(`file://${folder}`, artifacts); // overwriting an existing model works too
    disposeArtifacts(artifacts);
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.safetensors']);
    const modelJson = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
    expect(modelJson.format).toBe('tessera-layers-model');
    expect(modelJson.formatVersion).toBe(1);
    expect(modelJson.generatedBy).toBe('@tessera/layers');
    expect(modelJson.weightsFile).toBe('weights.safetensors');
    expect(modelJson.weights[1]).toEqual({ name: 'dense_1/bias', shape: [3], dtype: 'int32' });
    expect(modelJson.optimizer.slots).toEqual([{ name: 'dense_1/kernel/m', shape: [3, 3], dtype: 'float32' }]);
    const weights = await readFile(join(folder, 'weights.safetensors'));
    const header = JSON.parse(weights.subarray(8, 8 + weights.readUInt32LE(0)).toString('utf8'));
    expect(Object.keys(header)).toContain('optimizer/dense_1/kernel/m');
    expect(header.mask.dtype).toBe('BOOL');
  });

  it('leaves the previous model whole when a save fails before writing', async () => {
    const folder = join(root, 'kept');
    const first = tensor([1, 2, 3]);
    await saveModelArtifacts(`file://${folder}`, {
      modelTopology: { version: 1 },
      weights: [{ name: 'w', tensor: first }],
    });
    first.dispose();
    const disposed = tensor([9]);
    disposed.dispose();
    await expect(
      saveModelArtifacts(`file://${folder}`, {
        modelTopology: { version: 2 },
        weights: [{ name: 'w', tensor: disposed }],
      }),
    ).rejects.toThrow(/tensor 'w' is disposed/);
    expect((await readdir(folder)).sort()).toEqual(['model.json', 'weights.safetensors']);
    const loaded = await loadModelArtifacts(`file://${folder}`);
    expect(loaded.modelTopology).toEqual({ version: 1 });
    expect(Array.from(await loaded.weights[0].tensor.data())).toEqual([1, 2, 3]);
    disposeArtifacts(loaded);
  });

  it('resolves relative folders against the working directory', async () => {
    const folder = join(root, 'relative');
    const artifacts = { modelTopology: {}, weights: [{ name: 'w', tensor: tensor([1, 2], [2]) }] };
    await saveModelArtifacts(`file://${relative(process.cwd(), folder)}`, artifacts);
    artifacts.weights[0].tensor.dispose();
    const loaded = await loadModelArtifacts(`file://${folder}`);
    expect(Array.from(await loaded.weights[0].tensor.data())).toEqual([1, 2]);
    disposeArtifacts(loaded);
  });

  it('refuses to save artifacts that would not load back (duplicate names)', async () => {
    const weight = tensor([1]);
    const artifacts = {
      modelTopology: {},
      weights: [
        { name: 'w', tensor: weight },
        { name: 'w', tensor: weight },
      ],
    };
    await expect(saveModelArtifacts(`file://${join(root, 'duplicate')}`, artifacts)).rejects.toThrow(
      /appears more than once/,
    );
    weight.dispose();
  });
});

describe('file:// load rejects corrupt models', () => {
  /** Writes a model folder from a valid save, then lets the test corrupt either file. */
  async function corruptModel(
    name: string,
    change: { modelJson?: (json: Record<string, unknown>) => void; weights?: Uint8Array },
  ) {
    const folder = join(root, 'corrupt', name);
    const artifacts = { modelTopology: {}, weights: [{ name: 'w', tensor: tensor([1, 2, 3], [3]) }] };
    await saveModelArtifacts(`file://${folder}`, artifacts);
    artifacts.weights[0].tensor.dispose();
    if (change.modelJson) {
      const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
      change.modelJson(json);
      await writeFile(join(folder, 'model.json'), JSON.stringify(json));
    }
    if (change.weights) await writeFile(join(folder, 'weights.safetensors'), change.weights);
    return { folder, url: `file://${folder}` };
  }

  const f32 = (name: string, shape: number[], data = new Uint8Array(shape.reduce((a, b) => a * b, 4))) => ({
    name,
    dtype: 'float32' as const,
    shape,
    bytes: data,
  });

  it("never reads outside the folder: weightsFile '../../etc/passwd'", async () => {
    const { url, folder } = await corruptModel('escape', {
      modelJson: (json) => {
        json.weightsFile = '../../etc/passwd';
      },
    });
    const error = await expectLoadRejected(url, 'weightsFile must be a plain file name', "'../../etc/passwd'");
    expect(error.file).toBe(join(folder, 'model.json'));
  });

  it('a missing tensor', async () => {
    const { url } = await corruptModel('missing', { weights: encodeSafetensors([]) });
    await expectLoadRejected(url, "tensor 'w' (declared in model.json) is missing", 'weights.safetensors');
  });

  it('an unexpected extra tensor', async () => {
    const { url } = await corruptModel('extra', { weights: encodeSafetensors([f32('w', [3]), f32('stowaway', [1])]) });
    await expectLoadRejected(url, "does not declare: 'stowaway'");
  });

  it('a dtype that differs from model.json', async () => {
    const weights = encodeSafetensors([{ name: 'w', dtype: 'int32', shape: [3], bytes: new Uint8Array(12) }]);
    const { url } = await corruptModel('dtype', { weights });
    await expectLoadRejected(url, "tensor 'w' is int32 [3] but model.json declares float32 [3]");
  });

  it('a shape that differs from model.json', async () => {
    const { url } = await corruptModel('shape', { weights: encodeSafetensors([f32('w', [1, 3])]) });
    await expectLoadRejected(url, "tensor 'w' is float32 [1, 3] but model.json declares float32 [3]");
  });

  it('a truncated weights file', async () => {
    const good = encodeSafetensors([f32('w', [3])]);
    const { url } = await corruptModel('truncated', { weights: good.slice(0, good.length - 3) });
    await expectLoadRejected(url, 'weights.safetensors', 'run past');
  });

  it('a bool tensor holding a byte other than 0 or 1', async () => {
    const folder = join(root, 'corrupt', 'bool');
    const mask = tensor([true, false], [2], 'bool');
    await saveModelArtifacts(`file://${folder}`, { modelTopology: {}, weights: [{ name: 'mask', tensor: mask }] });
    mask.dispose();
    const weights = encodeSafetensors([{ name: 'mask', dtype: 'bool', shape: [2], bytes: new Uint8Array([1, 7]) }]);
    await writeFile(join(folder, 'weights.safetensors'), weights);
    await expectLoadRejected(`file://${folder}`, "bool tensor 'mask' holds 7 at element 1");
  });

  it('an unknown formatVersion', async () => {
    const { url } = await corruptModel('version', {
      modelJson: (json) => {
        json.formatVersion = 2;
      },
    });
    const error = await expectLoadRejected(url, 'formatVersion 2', '(1)');
    expect(error.reason).toBe('UNSUPPORTED_VERSION');
  });

  it('a missing folder or weights file', async () => {
    const missing = await expectLoadRejected(
      `file://${join(root, 'does-not-exist')}`,
      'model.json',
      'cannot be opened (ENOENT)',
    );
    expect(missing.reason).toBe('NOT_FOUND');
    const { url, folder } = await corruptModel('no-weights', {});
    await rm(join(folder, 'weights.safetensors'));
    await expectLoadRejected(url, 'weights.safetensors', 'cannot be opened');
  });

  it('a model.json above the size cap', async () => {
    const { url } = await corruptModel('big', {});
    await expect(loadModelArtifacts(url, { maxModelJsonBytes: 16 })).rejects.toThrow(
      /model.json: is \d+ bytes, above the 16-byte limit/,
    );
  });
});

describe('URL schemes', () => {
  it('names the known schemes when the URL has none it knows', async () => {
    const artifacts = { modelTopology: {}, weights: [] };
    await expect(saveModelArtifacts('ftp://host/model', artifacts)).rejects.toThrow(InvalidArgumentError);
    await expect(loadModelArtifacts('models/my-model')).rejects.toThrow(
      /'file:\/\/', 'http:\/\/', 'https:\/\/', 'indexeddb:\/\/'/,
    );
  });

  it('uses a registered handler for its scheme', async () => {
    const stored = new Map<string, StoredModelFiles>();
    registerModelStorageHandler('memory', {
      async save(url, files) {
        stored.set(url, files);
      },
      async load(url) {
        const files = stored.get(url) as StoredModelFiles;
        return {
          modelJson: { location: `${url}/model.json`, bytes: files.modelJson },
          readWeights: async (weightsFile) => ({ location: `${url}/${weightsFile}`, bytes: files.weights }),
        };
      },
    });
    expect(listModelStorageSchemes()).toContain('memory');
    const weight = tensor([4, 5, 6], [1, 3]);
    await saveModelArtifacts('memory://one', { modelTopology: { a: 1 }, weights: [{ name: 'w', tensor: weight }] });
    weight.dispose();
    const loaded = await loadModelArtifacts('memory://one');
    expect(loaded.modelTopology).toEqual({ a: 1 });
    expect(loaded.weights[0].tensor.arraySync()).toEqual([[4, 5, 6]]);
    disposeArtifacts(loaded);
    expect(() =>
      registerModelStorageHandler('bad scheme', { save: async () => {}, load: async () => ({}) as never }),
    ).toThrow(InvalidArgumentError);
  });
});
