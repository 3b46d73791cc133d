import * as tf from '@tensorflow/tfjs';
import { type Tensor, tensor } from '@tessera/core';
import type { Layer } from '../../layer';
import { randomValues } from '../layer-test-helpers';

/** A random input as both a Tessera tensor and a tfjs tensor with the same values. */
export function pairedInput(shape: number[], scale = 1): { ours: Tensor; theirs: tf.Tensor } {
  const values = randomValues(
    shape.reduce((product, size) => product * size, 1),
    scale,
  );
  return { ours: tensor(values, shape), theirs: tf.tensor(values, shape) };
}

/** Copies a built tfjs layer's weights into ours (same order and shapes, as Keras). */
export function copyWeightsFrom(theirs: tf.layers.Layer, ours: Layer): void {
  const values = theirs.getWeights().map((weight) => tensor(weight.dataSync() as Float32Array, weight.shape));
  ours.setWeights(values);
  for (const value of values) value.dispose();
}

/** Randomizes a built tfjs layer's weights (its biases start at zero, which would hide bias bugs). */
export function randomizeWeights(theirs: tf.layers.Layer, scale = 0.5): void {
  theirs.setWeights(theirs.getWeights().map((weight) => tf.tensor(randomValues(weight.size, scale), weight.shape)));
}
