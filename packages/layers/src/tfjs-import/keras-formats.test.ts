import * as tf from '@tensorflow/tfjs';
import { type Tensor, tensor } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTfjsModel } from './import-tfjs-model';
import { captureArtifacts, mlpModel, randomizeWeights, twoInputModel } from './tfjs-test-models';

type KerasLayer = { class_name: string; name?: string; config: Record<string, unknown>; inbound_nodes?: unknown[] };
type KerasTopology = { class_name: string; config: { name: string; layers: KerasLayer[] } & Record<string, unknown> };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function maximumDifference(actual: Tensor, expected: tf.Tensor): number {
  const actualValues = actual.dataSync();
  return Math.max(...Array.from(expected.dataSync(), (value, position) => Math.abs(value - actualValues[position])));
}

describe('importTfjsModel reads the Python Keras converter formats', () => {
  it('Sequential under model_config with a leading InputLayer and ":0" weight names (Keras 2)', async () => {
    const reference = mlpModel();
    randomizeWeights(reference);
    const artifacts = await captureArtifacts(reference);
    const topology = structuredClone(artifacts.modelTopology) as KerasTopology;
    const first = topology.config.layers[0];
    const batchShape = first.config.batch_input_shape;
    delete first.config.batch_input_shape;
    topology.config.layers.unshift({
      class_name: 'InputLayer',
      config: { batch_input_shape: batchShape, dtype: 'float32', sparse: false, name: 'dense_input' },
    });
    const specs = (artifacts.weightSpecs as Array<{ name: string }>).map((spec) => ({
      ...spec,
      name: `${spec.name}:0`,
    }));
    const model = await importTfjsModel({
      modelTopology: { model_config: topology, keras_version: '2.15.0', backend: 'tensorflow' },
      weightSpecs: specs,
      weightData: artifacts.weightData,
    });
    const values = Float32Array.from({ length: 12 }, () => Math.random());
    const expected = reference.predict(tf.tensor(values, [2, 6])) as tf.Tensor;
    expect(maximumDifference(model.predict(tensor(values, [2, 6])) as Tensor, expected)).toBeLessThan(1e-5);
    model.dispose();
  });

  it("'Functional' with Keras 3 inbound_nodes ({ args: [keras tensors] }) and batch_shape", async () => {
    const reference = twoInputModel();
    randomizeWeights(reference);
    const artifacts = await captureArtifacts(reference);
    const topology = structuredClone(artifacts.modelTopology) as KerasTopology;
    topology.class_name = 'Functional';
    for (const layer of topology.config.layers) {
      if (layer.class_name === 'InputLayer') {
        layer.config.batch_shape = layer.config.batch_input_shape;
        delete layer.config.batch_input_shape;
      }
      layer.inbound_nodes = (layer.inbound_nodes as unknown[][][]).map((node) => ({
        args: [
          node.map((reference) => ({
            class_name: '__keras_tensor__',
            config: { shape: [null, 4], dtype: 'float32', keras_history: reference.slice(0, 3) },
          })),
        ],
        kwargs: {},
      }));
    }
    const model = await importTfjsModel({ ...artifacts, modelTopology: topology });
    const left = Float32Array.from({ length: 8 }, () => Math.random());
    const right = Float32Array.from({ length: 8 }, () => Math.random());
    const expected = reference.predict([tf.tensor(left, [2, 4]), tf.tensor(right, [2, 4])]) as tf.Tensor;
    const actual = model.predict([tensor(left, [2, 4]), tensor(right, [2, 4])]) as Tensor;
    expect(maximumDifference(actual, expected)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('refuses settings Tessera would otherwise silently ignore', async () => {
    const artifacts = await captureArtifacts(mlpModel());
    const topology = structuredClone(artifacts.modelTopology) as KerasTopology;
    topology.config.layers[0].config.activity_regularizer = { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } };
    await expect(importTfjsModel({ ...artifacts, modelTopology: topology })).rejects.toThrow(
      /activity regularizers are not supported/,
    );
    const withConstraint = structuredClone(artifacts.modelTopology) as KerasTopology;
    withConstraint.config.layers[0].config.kernel_constraint = { class_name: 'RadialConstraint', config: {} };
    await expect(importTfjsModel({ ...artifacts, modelTopology: withConstraint })).rejects.toThrow(
      /unsupported constraint "RadialConstraint"/,
    );
  });
});
