import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { memory, type Tensor, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../models/model';
import { Sequential } from '../models/sequential';
import { importTfjsModel } from './import-tfjs-model';
import {
  captureArtifacts,
  cnnModel,
  embeddingModel,
  mlpModel,
  randomizeWeights,
  twoInputModel,
  writeTfjsFolder,
} from './tfjs-test-models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomInput(shape: number[]): { tessera: Tensor; tfjs: tf.Tensor } {
  const count = shape.reduce((product, size) => product * size, 1);
  const values = Float32Array.from({ length: count }, () => Math.random() * 2 - 1);
  return { tessera: tensor(values, shape), tfjs: tf.tensor(values, shape) };
}

/** 1e-5 relative to the output's magnitude: the CNN's outputs reach the hundreds, where float32 spacing is ~1e-5. */
function expectClose(actual: Tensor, expected: tf.Tensor): void {
  expect(actual.shape).toEqual(expected.shape);
  const actualValues = actual.dataSync();
  const expectedValues = expected.dataSync();
  let worst = 0;
  for (let position = 0; position < expectedValues.length; position++) {
    const difference = Math.abs(actualValues[position] - expectedValues[position]);
    worst = Math.max(worst, difference / Math.max(1, Math.abs(expectedValues[position])));
  }
  expect(worst).toBeLessThan(1e-5);
}

const singleInputCases: Array<[string, () => tf.LayersModel, number[]]> = [
  ['MLP with dropout and softmax', mlpModel, [5, 6]],
  ['CNN with conv2d, maxPooling2d, batchNormalization, flatten, dense', cnnModel, [3, 8, 8, 2]],
];

describe('importTfjsModel', () => {
  for (const [title, build, inputShape] of singleInputCases) {
    it(`${title}: matches tfjs predict from memory and from a file:// folder`, async () => {
      const reference = build();
      randomizeWeights(reference);
      const artifacts = await captureArtifacts(reference);
      const folder = writeTfjsFolder(artifacts);
      for (const source of [artifacts, `file://${folder}`, `file://${path.join(folder, 'model.json')}`]) {
        const model = await importTfjsModel(source);
        expect(model).toBeInstanceOf(Sequential);
        const { tessera, tfjs } = randomInput(inputShape);
        expectClose(model.predict(tessera) as Tensor, reference.predict(tfjs) as tf.Tensor);
        model.dispose();
      }
      fs.rmSync(folder, { recursive: true });
    });
  }

  it('imports over http(s) through an injected fetch (model.json, then the shard next to it)', async () => {
    const reference = mlpModel();
    randomizeWeights(reference);
    const folder = writeTfjsFolder(await captureArtifacts(reference));
    const requested: string[] = [];
    const fetchFromFolder = async (url: string) => {
      requested.push(url);
      const file = path.join(folder, url.slice('https://models.test/mlp/'.length));
      return fs.existsSync(file) ? new Response(fs.readFileSync(file)) : new Response('missing', { status: 404 });
    };
    const model = await importTfjsModel('https://models.test/mlp/model.json', { fetch: fetchFromFolder });
    expect(requested).toEqual(['https://models.test/mlp/model.json', 'https://models.test/mlp/group1-shard1of1.bin']);
    const { tessera, tfjs } = randomInput([4, 6]);
    expectClose(model.predict(tessera) as Tensor, reference.predict(tfjs) as tf.Tensor);
    model.dispose();
    await expect(
      importTfjsModel('https://models.test/mlp/absent/model.json', { fetch: fetchFromFolder }),
    ).rejects.toThrow(/404/);
    fs.rmSync(folder, { recursive: true });
  });

  it('two-input functional model with concatenate and add matches tfjs', async () => {
    const reference = twoInputModel();
    randomizeWeights(reference);
    const artifacts = await captureArtifacts(reference);
    const folder = writeTfjsFolder(artifacts);
    for (const source of [artifacts, `file://${folder}`]) {
      const model = await importTfjsModel(source);
      expect(model).toBeInstanceOf(Model);
      const left = randomInput([4, 4]);
      const right = randomInput([4, 4]);
      const expected = reference.predict([left.tfjs, right.tfjs]) as tf.Tensor;
      expectClose(model.predict([left.tessera, right.tessera]) as Tensor, expected);
      model.dispose();
    }
    fs.rmSync(folder, { recursive: true });
  });

  it('embedding + flatten + dense matches tfjs on int32 token ids', async () => {
    const reference = embeddingModel();
    const artifacts = await captureArtifacts(reference);
    const model = await importTfjsModel(artifacts);
    const ids = Int32Array.from({ length: 4 * 5 }, () => Math.floor(Math.random() * 10));
    const expected = reference.predict(tf.tensor(ids, [4, 5], 'int32')) as tf.Tensor;
    expectClose(model.predict(tensor(ids, [4, 5], 'int32')) as Tensor, expected);
    model.dispose();
  });

  it('keeps layer names and maps regularizers', async () => {
    const reference = mlpModel();
    const model = await importTfjsModel(await captureArtifacts(reference));
    expect(model.layers.map((layer) => layer.name)).toEqual(reference.layers.map((layer) => layer.name));
    expect(model.layers[0].getConfig().kernelRegularizer).toEqual({ name: 'l1l2', l1: 0, l2: 0.01 });
    model.dispose();
  });

  it('dequantizes uint8 weights', async () => {
    const reference = mlpModel();
    const artifacts = await captureArtifacts(reference);
    const specs = artifacts.weightSpecs as Array<{ name: string; shape: number[] }>;
    const scale = 0.01;
    const min = -0.5;
    const elements = specs.map((spec) => spec.shape.reduce((product, size) => product * size, 1));
    const quantized = Uint8Array.from({ length: elements.reduce((sum, count) => sum + count, 0) }, () =>
      Math.floor(Math.random() * 256),
    );
    const model = await importTfjsModel({
      modelTopology: artifacts.modelTopology,
      weightSpecs: specs.map((spec) => ({ ...spec, dtype: 'float32', quantization: { dtype: 'uint8', scale, min } })),
      weightData: quantized.buffer,
    });
    const kernel = model.layers[0].weights[0].dataSync();
    expect(kernel[0]).toBeCloseTo(quantized[0] * scale + min, 6);
    model.dispose();
  });

  it('leaks no tensors across import + dispose, or across a failed import', async () => {
    const artifacts = await captureArtifacts(cnnModel());
    (await importTfjsModel(artifacts)).dispose();
    const before = memory().numTensors;
    for (let round = 0; round < 2; round++) (await importTfjsModel(artifacts)).dispose();
    expect(memory().numTensors).toBe(before);
    const truncated = { ...artifacts, weightData: artifacts.weightData.slice(0, 40) };
    await expect(importTfjsModel(truncated)).rejects.toThrow(/bytes/);
    const wrongShape = {
      ...artifacts,
      weightSpecs: (artifacts.weightSpecs as Array<{ name: string; shape: number[] }>).map((spec, position) =>
        position === 1 ? { ...spec, shape: [spec.shape[0] + 1] } : spec,
      ),
      weightData: new Uint8Array(artifacts.weightData.byteLength + 4).buffer,
    };
    await expect(importTfjsModel(wrongShape)).rejects.toThrow(/conv2d.*bias/);
    expect(memory().numTensors).toBe(before);
  });
});
