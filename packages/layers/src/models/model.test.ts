import { add, matmul, memory, relu, setSeed, type Tensor, tensor, tidy } from '@tessera/core';
import { SGD } from '@tessera/optimizers';
import { describe, expect, it } from 'vitest';
import { input } from '../functional/input';
import { type CallOptions, Layer } from '../layer';
import { Dense } from '../layers/dense';
import { modelFromTopology } from '../serialization/model-from-topology';
import type { SymbolicShape } from '../util/shape-format';
import { Model } from './model';

/** A two-input layer written against the base class's multi-input hooks (independent of the merge layers). */
class SumOfTwo extends Layer {
  constructor() {
    super('sum_of_two');
  }
  get className(): string {
    return 'SumOfTwo';
  }
  override buildFromShapes(shapes: readonly SymbolicShape[]): void {
    this.markBuilt(shapes);
  }
  override callOnInputs(inputs: readonly Tensor[], _options: CallOptions): Tensor {
    return add(inputs[0], inputs[1]);
  }
  override outputShapeFor(shapes: readonly SymbolicShape[]): SymbolicShape {
    return shapes[0];
  }
}

function values(x: Tensor): number[] {
  return Array.from(x.dataSync());
}

function randomTensor(shape: number[], seed: number): Tensor {
  let state = seed;
  const size = shape.reduce((product, axis) => product * axis, 1);
  const data = Float32Array.from({ length: size }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
  return tensor(data, shape);
}

describe('Model (functional)', () => {
  it('computes a diamond graph exactly like the same layers called by hand, with a shared layer counted once', () => {
    setSeed(3);
    const x = input({ shape: [4] });
    const shared = new Dense({ units: 4, activation: 'relu' });
    const left = shared.apply(x);
    const right = shared.apply(new Dense({ units: 4 }).apply(x));
    const merged = new SumOfTwo().apply([left, right]);
    const output = new Dense({ units: 2 }).apply(merged);
    const model = new Model({ inputs: x, outputs: output });
    expect(model.layers.map((layer) => layer.className)).toEqual(['Dense', 'Dense', 'SumOfTwo', 'Dense']);
    expect(model.countParams()).toBe(4 * 4 + 4 + (4 * 4 + 4) + 4 * 2 + 2);
    expect(output.shape).toEqual([null, 2]);
    const batch = randomTensor([5, 4], 11);
    const [sharedKernel, sharedBias, innerKernel, innerBias, headKernel, headBias] = model.layers.flatMap(
      (layer) => layer.weights,
    );
    const expected = tidy(() => {
      const leftValue = relu(add(matmul(batch, sharedKernel), sharedBias));
      const inner = add(matmul(batch, innerKernel), innerBias);
      const rightValue = relu(add(matmul(inner, sharedKernel), sharedBias));
      return add(matmul(add(leftValue, rightValue), headKernel), headBias);
    });
    const actual = model.predict(batch) as Tensor;
    expect(values(actual)).toEqual(values(expected));
    actual.dispose();
    expected.dispose();
    batch.dispose();
    model.dispose();
  });

  it('trains two inputs and two outputs with a loss per output; metric keys carry the output names', async () => {
    setSeed(5);
    const first = input({ shape: [3], name: 'first' });
    const second = input({ shape: [2], name: 'second' });
    const joined = new SumOfTwo().apply([
      new Dense({ units: 8, activation: 'tanh' }).apply(first),
      new Dense({ units: 8 }).apply(second),
    ]);
    const regression = new Dense({ units: 1, name: 'regression' }).apply(joined);
    const classes = new Dense({ units: 3, activation: 'softmax', name: 'classes' }).apply(joined);
    const model = new Model({ inputs: [first, second], outputs: [regression, classes] });
    model.compile({
      optimizer: new SGD({ learningRate: 0.05 }),
      loss: ['meanSquaredError', 'sparseCategoricalCrossentropy'],
      metrics: [['meanAbsoluteError'], ['accuracy']],
    });
    const a = randomTensor([64, 3], 1);
    const b = randomTensor([64, 2], 2);
    const target = tidy(() => add(matmul(a, tensor([[1], [2], [-1]])), 0.5));
    const labels = tensor(
      Int32Array.from({ length: 64 }, (_, row) => row % 3),
      [64],
      'int32',
    );
    const history = await model.fit([a, b], [target, labels], { epochs: 6, batchSize: 16, verbose: 0, seed: 1 });
    const losses = history.history.loss;
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    expect(Object.keys(history.history).sort()).toEqual(['classes_accuracy', 'loss', 'regression_meanAbsoluteError']);
    const outputs = model.predict([a, b]) as Tensor[];
    expect(outputs.map((output) => output.shape)).toEqual([
      [64, 1],
      [64, 3],
    ]);
    for (const output of outputs) output.dispose();
    for (const tensorValue of [a, b, target, labels]) tensorValue.dispose();
    model.dispose();
  });

  it('rebuilds from its topology: same layers, same predictions once the weights are copied', () => {
    const x = input({ shape: [3] });
    const hidden = new Dense({ units: 5, activation: 'relu' }).apply(x);
    const model = new Model({ inputs: x, outputs: new Dense({ units: 2, activation: 'softmax' }).apply(hidden) });
    const topology = JSON.parse(JSON.stringify(model.getTopology()));
    const rebuilt = modelFromTopology(topology);
    expect(rebuilt.className).toBe('Model');
    const weights = model.getWeights();
    rebuilt.setWeights(weights);
    const batch = randomTensor([4, 3], 9);
    const original = model.predict(batch) as Tensor;
    const copy = rebuilt.predict(batch) as Tensor;
    expect(values(copy)).toEqual(values(original));
    for (const value of [...weights, batch, original, copy]) value.dispose();
    model.dispose();
    rebuilt.dispose();
  });

  it('rejects disconnected graphs, wrong input shapes and mixing symbolic with real tensors', () => {
    const x = input({ shape: [3] });
    const other = input({ shape: [3] });
    const y = new SumOfTwo().apply([x, other]);
    expect(() => new Model({ inputs: x, outputs: y })).toThrow(/disconnected.*not in inputs/);
    const model = new Model({ inputs: [x, other], outputs: y });
    const wrong = tensor([[1, 2]]);
    const right = tensor([[1, 2, 3]]);
    expect(() => model.predict([wrong, right])).toThrow(/input 0 .* expects shape \[null,3\], got \[1,2\]/);
    expect(() => new Dense({ units: 1 }).apply([x, right] as never)).toThrow(/cannot mix SymbolicTensors/);
    expect(() => input({ shape: [0] })).toThrow(/input: shape must be an array of positive integers/);
    wrong.dispose();
    right.dispose();
  });

  it('keeps the live tensor count flat across fit epochs and predict calls', async () => {
    const x = input({ shape: [2] });
    const model = new Model({
      inputs: x,
      outputs: new Dense({ units: 1 }).apply(new Dense({ units: 4, activation: 'relu' }).apply(x)),
    });
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    const data = randomTensor([32, 2], 4);
    const target = randomTensor([32, 1], 5);
    await model.fit(data, target, { epochs: 1, batchSize: 8, verbose: 0 });
    const before = memory().numTensors;
    await model.fit(data, target, { epochs: 3, batchSize: 8, verbose: 0, validationData: [data, target] });
    (model.predict(data, { batchSize: 5 }) as Tensor).dispose();
    expect(memory().numTensors).toBe(before);
    data.dispose();
    target.dispose();
    model.dispose();
  });
});
