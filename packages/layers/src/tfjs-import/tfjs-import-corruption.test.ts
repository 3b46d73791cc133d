import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { memory, registeredVariables } from '@tessera/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from '../io/model-format-error';
import { importTfjsModel } from './import-tfjs-model';
import { captureArtifacts, mlpModel, twoInputModel, writeTfjsFolder } from './tfjs-test-models';

type Artifacts = Awaited<ReturnType<typeof captureArtifacts>>;
type Spec = { name: string; shape: number[]; dtype: string };

let artifacts: Artifacts;
const folders: string[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  artifacts = await captureArtifacts(mlpModel());
});

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true });
});

function folderWith(edit: (modelJson: Record<string, unknown>) => void, shard?: Uint8Array): string {
  const folder = writeTfjsFolder(artifacts, edit, shard);
  folders.push(folder);
  return `file://${folder}`;
}

function manifestWeights(modelJson: Record<string, unknown>): Spec[] {
  return (modelJson.weightsManifest as Array<{ weights: Spec[] }>)[0].weights;
}

/** Every corruption must fail with the typed error, free whatever it created, and name the problem. */
async function expectRejected(source: Parameters<typeof importTfjsModel>[0], pattern: RegExp): Promise<void> {
  const tensorsBefore = memory().numTensors;
  const variablesBefore = registeredVariables().length;
  const failure = await importTfjsModel(source).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(ModelFormatError);
  expect((failure as Error).message).toMatch(pattern);
  expect(memory().numTensors).toBe(tensorsBefore);
  expect(registeredVariables().length).toBe(variablesBefore);
}

describe('importTfjsModel rejects corrupt or hostile models', () => {
  it('a truncated shard', async () => {
    const shard = new Uint8Array(artifacts.weightData).subarray(0, artifacts.weightData.byteLength - 3);
    await expectRejected(
      folderWith(() => {}, shard),
      /describe \d+ bytes but the weight data holds \d+/,
    );
  });

  it('a shard longer than the manifest describes', async () => {
    const shard = new Uint8Array(artifacts.weightData.byteLength + 8);
    await expectRejected(
      folderWith(() => {}, shard),
      /more than the \d+ bytes/,
    );
  });

  it('a manifest shape bigger than the data', async () => {
    const source = folderWith((modelJson) => {
      manifestWeights(modelJson)[0].shape = [6000, 8];
    });
    await expectRejected(source, /bytes/);
  });

  it('a manifest shape that matches the byte count but not the layer', async () => {
    const weights = artifacts.weightSpecs as Spec[];
    const swapped = weights.map((spec, position) => (position === 0 ? { ...spec, shape: [8, 6] } : spec));
    await expectRejected({ ...artifacts, weightSpecs: swapped }, /kernel' is float32 \[6,8\].*\[8,6\]/);
  });

  it("a shard path that escapes the folder ('../x.bin')", async () => {
    const source = folderWith((modelJson) => {
      (modelJson.weightsManifest as Array<{ paths: string[] }>)[0].paths = ['../x.bin'];
    });
    await expectRejected(source, /plain file name/);
  });

  it('unknown layer classes, all listed at once', async () => {
    const topology = structuredClone(artifacts.modelTopology) as { config: { layers: Array<{ class_name: string }> } };
    topology.config.layers[1].class_name = 'FancyDropout';
    topology.config.layers[2].class_name = 'Capsule';
    await expectRejected({ ...artifacts, modelTopology: topology }, /unsupported layer classes: FancyDropout, Capsule/);
  });

  it('a weight dtype other than float32 / int32', async () => {
    const weights = (artifacts.weightSpecs as Spec[]).map((spec) => ({ ...spec, dtype: 'complex64' }));
    await expectRejected({ ...artifacts, weightSpecs: weights }, /dtype must be 'float32' or 'int32', got "complex64"/);
  });

  it('an int32 weight where the layer has float32', async () => {
    const weights = (artifacts.weightSpecs as Spec[]).map((spec) => ({ ...spec, dtype: 'int32' }));
    await expectRejected({ ...artifacts, weightSpecs: weights }, /is float32 .* int32/);
  });

  it('a missing weight and an extra weight', async () => {
    const weights = artifacts.weightSpecs as Spec[];
    const renamed = weights.map((spec, position) => (position === 1 ? { ...spec, name: 'stranger/bias' } : spec));
    await expectRejected({ ...artifacts, weightSpecs: renamed }, /no tensor for '.*\/bias'/);
  });

  it('a negative or fractional shape entry, and a non-object topology', async () => {
    const negative = (artifacts.weightSpecs as Spec[]).map((spec) => ({ ...spec, shape: [-1, 2] }));
    await expectRejected({ ...artifacts, weightSpecs: negative }, /shape\[0\] must be a non-negative integer/);
    await expectRejected({ ...artifacts, modelTopology: 'Sequential' }, /modelTopology must be an object/);
  });

  it('a functional graph referring to a layer that does not exist', async () => {
    const functional = await captureArtifacts(twoInputModel());
    const topology = structuredClone(functional.modelTopology) as {
      config: { layers: Array<{ inbound_nodes: unknown[][][] }> };
    };
    topology.config.layers[2].inbound_nodes[0][0][0] = 'ghost';
    await expectRejected({ ...functional, modelTopology: topology }, /needs \["ghost",0,0\]/);
  });

  it('model.json that is not JSON', async () => {
    const source = folderWith(() => {});
    fs.writeFileSync(path.join(source.slice('file://'.length), 'model.json'), '{ not json');
    await expectRejected(source, /not valid UTF-8 JSON/);
  });
});
