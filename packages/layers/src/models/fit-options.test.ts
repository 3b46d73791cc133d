import {
  clipByValue,
  matmul,
  memory,
  mul,
  setSeed,
  softmax,
  square,
  sum,
  type Tensor,
  tensor,
  tidy,
  type Variable,
} from '@tessera/core';
import { SGD } from '@tessera/optimizers';
import { describe, expect, it } from 'vitest';
import type { Constraint } from '../constraints/constraint';
import { type CallOptions, Layer } from '../layer';
import { Activation } from '../layers/activation';
import { Dense } from '../layers/dense';
import type { Regularizer } from '../regularizers/regularizer';
import type { SymbolicShape } from '../util/shape-format';
import { Sequential } from './sequential';

function seededValues(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
}

/** x·kernel with an optional penalty and constraint on the kernel, to test fit's use of both. */
class PenalizedLinear extends Layer {
  kernel: Variable | undefined;
  constructor(
    private readonly units: number,
    private readonly regularizer?: Regularizer,
    private readonly constraint?: Constraint,
  ) {
    super('penalized_linear');
  }
  get className(): string {
    return 'PenalizedLinear';
  }
  override build(inputShape: SymbolicShape): void {
    const size = inputShape[1] as number;
    this.kernel = this.addWeight(
      'kernel',
      [size, this.units],
      () => tensor(seededValues(size * this.units, 7), [size, this.units]),
      {
        regularizer: this.regularizer,
        constraint: this.constraint,
      },
    );
    super.build(inputShape);
  }
  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return [inputShape[0], this.units];
  }
  override call(input: Tensor, _options: CallOptions): Tensor {
    return matmul(input, this.kernel as Variable);
  }
}

const squarePenalty: Regularizer = Object.assign((weight: Tensor) => mul(sum(square(weight)), 0.5), {
  config: { name: 'test_square', factor: 0.5 },
});
const clipToHalf: Constraint = Object.assign((weight: Tensor) => clipByValue(weight, -0.5, 0.5), {
  config: { name: 'test_clip' },
});

describe('fit options', () => {
  it('classWeight weighs each example loss by its class exactly (reported loss = weighted mean of −log p)', async () => {
    const x = tensor(seededValues(6 * 3, 3), [6, 3]);
    const y = tensor([0, 1, 2, 1, 0, 2], [6], 'int32');
    const layer = new PenalizedLinear(3);
    const model = new Sequential([layer, new Activation({ activation: 'softmax' })]);
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'sparseCategoricalCrossentropy' });
    const weights = [2, 0.5, 1];
    model.build([null, 3]);
    const probabilities = tidy(() => softmax(matmul(x, layer.kernel as Variable))).arraySync() as number[][];
    const labels = [0, 1, 2, 1, 0, 2];
    // Keras: mean over the batch of weight(class) · per-example loss; class 2 is not listed, so it weighs 1.
    const expected =
      labels.reduce((total, label, row) => total - weights[label] * Math.log(probabilities[row][label]), 0) / 6;
    const unweighted = labels.reduce((total, label, row) => total - Math.log(probabilities[row][label]), 0) / 6;
    const history = await model.fit(x, y, {
      epochs: 1,
      batchSize: 6,
      shuffle: false,
      verbose: 0,
      classWeight: { 0: 2, 1: 0.5 },
    });
    expect(Math.abs(expected - unweighted)).toBeGreaterThan(1e-3);
    expect(history.history.loss[0]).toBeCloseTo(expected, 5);
    for (const value of [x, y]) value.dispose();
    model.dispose();
  });

  it('adds weight penalties to the loss and applies constraints after every step', async () => {
    const x = tensor(seededValues(8 * 2, 5), [8, 2]);
    const y = tensor(seededValues(8, 6), [8, 1]);
    const layer = new PenalizedLinear(1, squarePenalty, clipToHalf);
    const model = new Sequential([layer]);
    model.compile({ optimizer: new SGD({ learningRate: 5 }), loss: 'meanSquaredError' });
    model.build([null, 2]);
    const kernel = layer.kernel as Variable;
    const expected = tidy(() => {
      const error = matmul(x, kernel).sub(y);
      return square(error)
        .mean()
        .add(mul(sum(square(kernel)), 0.5))
        .dataSync()[0];
    });
    const logs = await model.evaluate(x, y, { batchSize: 8 });
    expect(logs.loss).toBeCloseTo(expected, 5);
    await model.fit(x, y, { epochs: 3, batchSize: 4, verbose: 0 });
    // A learning rate of 5 throws the kernel far out; the constraint pulls every entry back into [−0.5, 0.5].
    expect(Math.max(...Array.from(kernel.dataSync()).map(Math.abs))).toBeLessThanOrEqual(0.5);
    x.dispose();
    y.dispose();
    model.dispose();
  });

  it('trains on a dataset of [x, y] batches, validates on another, starts at initialEpoch, and stays flat', async () => {
    setSeed(9);
    const batches = Array.from({ length: 4 }, (_, index) => ({
      x: tensor(seededValues(8 * 2, 10 + index), [8, 2]),
    }));
    const makeTargets = (x: Tensor) => tidy(() => matmul(x, tensor([[1.5], [-2]])));
    const pairs = batches.map(({ x }) => [x, makeTargets(x)] as const);
    // Each pass hands out fresh tensors (a consumer disposes what a dataset yields).
    const dataset = {
      async *[Symbol.asyncIterator]() {
        for (const [x, y] of pairs) yield [x.clone(), y.clone()];
      },
    };
    const model = new Sequential([new Dense({ units: 1, inputShape: [2] })]);
    model.compile({ optimizer: new SGD({ learningRate: 0.2 }), loss: 'meanSquaredError', metrics: ['mae'] });
    await model.fit(dataset, { epochs: 1, verbose: 0 });
    const before = memory().numTensors;
    const history = await model.fit(dataset, { epochs: 6, initialEpoch: 2, verbose: 0, validationData: dataset });
    expect(memory().numTensors).toBe(before);
    expect(history.epoch).toEqual([2, 3, 4, 5]);
    expect(Object.keys(history.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    const losses = history.history.loss;
    expect(losses[3]).toBeLessThan(losses[0]);
    const evaluated = await model.evaluate(dataset);
    expect(evaluated.loss).toBeCloseTo(history.history.val_loss[3], 3);
    for (const [x, y] of pairs) {
      x.dispose();
      y.dispose();
    }
    model.dispose();
  });

  it('reads an endless dataset stepsPerEpoch batches at a time', async () => {
    const x = tensor(seededValues(4 * 2, 1), [4, 2]);
    const y = tensor(seededValues(4, 2), [4, 1]);
    let yielded = 0;
    const endless = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          yielded++;
          yield { xs: x.clone(), ys: y.clone() };
        }
      },
    };
    const model = new Sequential([new Dense({ units: 1, inputShape: [2] })]);
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const batchEnds: number[] = [];
    await model.fit(endless, {
      epochs: 3,
      stepsPerEpoch: 5,
      verbose: 0,
      callbacks: [{ onBatchEnd: (batch) => void batchEnds.push(batch) }],
    });
    expect(yielded).toBe(15);
    expect(batchEnds).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    await expect(model.fit(endless, { epochs: 1, verbose: 0, validationSplit: 0.1 })).rejects.toThrow(
      /validationSplit needs tensors/,
    );
    await expect(model.fit(x, y, { epochs: 2, initialEpoch: 2, verbose: 0 })).rejects.toThrow(
      /initialEpoch must be an integer in \[0, epochs\)/,
    );
    await expect(model.fit(x, y, { epochs: 1, verbose: 0, classWeight: { [-1]: 2 } })).rejects.toThrow(
      /classWeight keys must be class indices/,
    );
    x.dispose();
    y.dispose();
    model.dispose();
  });
});
