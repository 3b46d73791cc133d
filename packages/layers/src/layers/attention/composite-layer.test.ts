import { memory, type Tensor, tensor, tidy } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../layer';
import type { SymbolicShape } from '../../util/shape-format';
import { Dense } from '../dense';
import { CompositeLayer } from './composite-layer';

/** Two Dense layers in a row, the first with an L2 penalty and the second with a non-negativity constraint. */
class TwoDense extends CompositeLayer {
  private first: Dense | undefined;
  private second: Dense | undefined;
  constructor() {
    super('two_dense');
  }
  get className(): string {
    return 'TwoDense';
  }
  override build(inputShape: SymbolicShape): void {
    this.first = this.track(
      'first',
      new Dense({ name: this.subLayerName('first'), units: 3, kernelRegularizer: 'l2' }),
    );
    this.second = this.track(
      'second',
      new Dense({ name: this.subLayerName('second'), units: 2, kernelConstraint: 'nonNeg' }),
    );
    this.first.build(inputShape);
    this.second.build([inputShape[0], 3]);
    super.build(inputShape);
  }
  override call(input: Tensor, _options: CallOptions): Tensor {
    return (this.second as Dense).apply((this.first as Dense).apply(input));
  }
}

describe('CompositeLayer', () => {
  it('exposes, trains, regularizes, constrains and frees its sub-layers weights', () => {
    const before = memory().numTensors;
    const layer = new TwoDense();
    const x = tensor([1, -2, 3, 0.5, 1, -1], [2, 3]);
    tidy(() => layer.apply(x)).dispose();
    expect(layer.namedWeights.map((entry) => entry.key)).toEqual([
      'first/kernel',
      'first/bias',
      'second/kernel',
      'second/bias',
    ]);
    expect(layer.weights[2].name).toBe(`${layer.name}/second/kernel`);
    expect(layer.countParams()).toBe(9 + 3 + 6 + 2);
    const firstKernel = layer.weights[0].dataSync();
    const expectedPenalty = 0.01 * Array.from(firstKernel).reduce((total, value) => total + value * value, 0);
    const penalty = layer.regularizationLoss() as Tensor;
    expect(penalty.dataSync()[0]).toBeCloseTo(expectedPenalty, 5);
    penalty.dispose();
    tidy(() =>
      layer.setWeights(layer.weights.map((weight) => tensor(new Float32Array(weight.size).fill(-1), weight.shape))),
    );
    layer.applyConstraints();
    expect(Array.from(layer.weights[2].dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(layer.weights[0].dataSync())).toEqual(new Array(9).fill(-1));
    layer.trainable = false;
    expect(layer.trainableWeights).toEqual([]);
    layer.trainable = true;
    expect(layer.trainableWeights.length).toBe(4);
    x.dispose();
    layer.dispose();
    expect(layer.weights).toEqual([]);
    expect(memory().numTensors).toBe(before);
  });
});
