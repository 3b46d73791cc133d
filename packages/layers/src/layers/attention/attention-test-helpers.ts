import { tensor } from '@tessera/core';
import type { Layer } from '../../layer';
import { randomValues } from '../layer-test-helpers';

/** Gives every weight of a built layer random values (gamma and biases too, so they matter); returns them by key. */
export function randomizeWeights(layer: Layer, scale = 0.6): Map<string, Float32Array> {
  const values = layer.weights.map((weight) => randomValues(weight.size, scale));
  layer.setWeights(values.map((value, position) => tensor(value, layer.weights[position].shape)));
  return new Map(layer.namedWeights.map((entry, position) => [entry.key, values[position]]));
}

/** Bool padding mask [batch, steps] from the number of real steps of each example. */
export function paddingMask(lengths: readonly number[], steps: number): boolean[] {
  return lengths.flatMap((length) => Array.from({ length: steps }, (_, step) => step < length));
}
