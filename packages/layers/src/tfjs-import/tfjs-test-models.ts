import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TfjsModelArtifacts } from './read-tfjs-artifacts';

/** What tfjs's save handler receives, captured in memory. */
export async function captureArtifacts(
  model: tf.LayersModel,
): Promise<TfjsModelArtifacts & { weightData: ArrayBuffer }> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = captured as tf.io.ModelArtifacts;
  return {
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs,
    weightData: artifacts.weightData as ArrayBuffer,
  };
}

/** Writes the layout tfjs's file handler writes: model.json with a weightsManifest plus one shard. */
export function writeTfjsFolder(
  artifacts: { modelTopology: unknown; weightSpecs?: unknown; weightData: ArrayBuffer },
  edit: (modelJson: Record<string, unknown>) => void = () => {},
  shardBytes: Uint8Array = new Uint8Array(artifacts.weightData),
): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tfjs-import-'));
  const modelJson: Record<string, unknown> = {
    modelTopology: artifacts.modelTopology,
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
    convertedBy: null,
    // A copy, so a test that edits the manifest cannot change the shared artifacts.
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: structuredClone(artifacts.weightSpecs) }],
  };
  edit(modelJson);
  fs.writeFileSync(path.join(folder, 'model.json'), JSON.stringify(modelJson));
  fs.writeFileSync(path.join(folder, 'group1-shard1of1.bin'), shardBytes);
  return folder;
}

export function mlpModel(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [6],
        units: 8,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
      }),
      tf.layers.dropout({ rate: 0.3 }),
      tf.layers.dense({ units: 4, activation: 'softmax' }),
    ],
  });
}

export function cnnModel(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.batchNormalization({ epsilon: 0.01 }),
      tf.layers.conv2d({ filters: 2, kernelSize: [2, 3], strides: 1, useBias: false }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3 }),
    ],
  });
}

export function twoInputModel(): tf.LayersModel {
  const left = tf.input({ shape: [4], name: 'left' });
  const right = tf.input({ shape: [4], name: 'right' });
  const joined = tf.layers.concatenate().apply([left, right]) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 4, activation: 'tanh' }).apply(joined) as tf.SymbolicTensor;
  const summed = tf.layers.add().apply([hidden, right]) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 2, activation: 'sigmoid' }).apply(summed) as tf.SymbolicTensor;
  return tf.model({ inputs: [left, right], outputs: output });
}

export function embeddingModel(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: 10, outputDim: 3, inputLength: 5 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2 }),
    ],
  });
}

/** Gives BatchNormalization's moving statistics non-trivial values so inference actually uses them. */
export function randomizeWeights(model: tf.LayersModel): void {
  model.setWeights(model.getWeights().map((weight) => tf.randomUniform(weight.shape, 0.5, 1.5)));
}
