import {
  eye,
  InvalidArgumentError,
  mean,
  memory,
  ShapeError,
  type Tensor,
  tensor,
  tidy,
  variableGrads,
  zeros,
} from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { input } from '../../functional/input';
import type { Layer } from '../../layer';
import { randomValues } from '../layer-test-helpers';
import { GRU } from './gru';
import { GRUCell } from './gru-cell';
import { LSTM } from './lstm';
import { LSTMCell } from './lstm-cell';
import type { RecurrentCell } from './recurrent-cell';
import { RNN } from './rnn';
import { SimpleRNN } from './simple-rnn';
import { SimpleRNNCell } from './simple-rnn-cell';

const sequence = (shape: number[]): Tensor =>
  tensor(randomValues(shape.reduce((product, size) => product * size, 1)), shape);

describe('recurrent layer configs', () => {
  const layers: Array<[string, () => Layer, new (config: never) => Layer]> = [
    [
      'SimpleRNN',
      () => new SimpleRNN({ units: 3, activation: 'relu', returnSequences: true, dropout: 0.25 }),
      SimpleRNN as never,
    ],
    [
      'LSTM',
      () => new LSTM({ units: 3, unitForgetBias: false, goBackwards: true, kernelRegularizer: 'l2', seed: 4 }),
      LSTM as never,
    ],
    ['GRU', () => new GRU({ units: 3, resetAfter: false, recurrentActivation: 'tanh', stateful: true }), GRU as never],
    [
      'RNN',
      () => new RNN({ cell: new LSTMCell({ units: 2, recurrentDropout: 0.5 }), returnSequences: true }),
      RNN as never,
    ],
  ];
  it.each(layers)('%s rebuilds from getConfig()', (_name, make, LayerClass) => {
    const original = make();
    const config = original.getConfig();
    const rebuilt = new LayerClass(config as never);
    expect(rebuilt.getConfig()).toEqual(config);
    expect(rebuilt.className).toBe(original.className);
  });

  it('LSTM config is flat like Keras (no nested cell); RNN nests its cell as { className, config }', () => {
    const lstm = new LSTM({ units: 4 }).getConfig();
    expect(lstm.units).toBe(4);
    expect(lstm.cell).toBeUndefined();
    expect(lstm.recurrentInitializer).toBe('orthogonal');
    const rnn = new RNN({ cell: new GRUCell({ units: 2 }) }).getConfig();
    expect((rnn.cell as { className: string }).className).toBe('GRUCell');
  });

  it.each<[string, () => RecurrentCell]>([
    ['SimpleRNNCell', () => new SimpleRNNCell({ units: 2 })],
    ['LSTMCell', () => new LSTMCell({ units: 2 })],
    ['GRUCell', () => new GRUCell({ units: 2 })],
  ])('%s round-trips and steps on its own ([input, ...states])', (_name, make) => {
    const cell = make();
    const Cell = cell.constructor as new (config: unknown) => RecurrentCell;
    expect(new Cell(cell.getConfig()).getConfig()).toEqual(cell.getConfig());
    const states = cell.stateSizes.map((size) => zeros([3, size]));
    expect(cell.apply([sequence([3, 4]), ...states]).shape).toEqual([3, 2]);
  });

  it('custom activations cannot be saved', () => {
    const layer = new LSTM({ units: 2, activation: (x) => x });
    expect(() => layer.getConfig()).toThrow(/activation name/);
  });
});

describe('recurrent layer behaviour', () => {
  it('LSTM starts the forget gate bias at one (unitForgetBias), as Keras', () => {
    const layer = new LSTM({ units: 2 });
    layer.apply(sequence([1, 2, 3]));
    expect(Array.from(layer.weights[2].dataSync())).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(layer.namedWeights.map((entry) => entry.key)).toEqual(['kernel', 'recurrent_kernel', 'bias']);
  });

  it('regularizers reach the layer’s regularizationLoss', () => {
    const layer = new GRU({ units: 2, kernelRegularizer: 'l2', recurrentRegularizer: { name: 'l1', l1: 0.1 } });
    layer.apply(sequence([1, 2, 3]));
    expect(layer.regularizationLoss()?.dataSync()[0]).toBeGreaterThan(0);
  });

  it('dropout: one input mask per call, reused at every step; the identity at inference; seeded', () => {
    // A linear SimpleRNN with identity kernel and no recurrence outputs its (dropped-out) inputs.
    const make = () =>
      new SimpleRNN({ units: 4, activation: 'linear', returnSequences: true, dropout: 0.5, seed: 7, useBias: false });
    const layer = make();
    const x = tensor(
      Float32Array.from({ length: 2 * 6 * 4 }, (_, position) => 1 + (position % 5)),
      [2, 6, 4],
    );
    layer.apply(x);
    layer.setWeights([eye(4), zeros([4, 4])]);
    expect(Array.from(layer.apply(x).dataSync())).toEqual(Array.from(x.dataSync()));
    const ratios = Array.from(layer.apply(x, { training: true }).dataSync()).map(
      (value, position) => value / x.dataSync()[position],
    );
    for (let example = 0; example < 2; example++) {
      for (let feature = 0; feature < 4; feature++) {
        const perStep = Array.from({ length: 6 }, (_, step) => ratios[(example * 6 + step) * 4 + feature]);
        expect(new Set(perStep).size).toBe(1);
        expect([0, 2]).toContain(perStep[0]);
      }
    }
    // Same seed, same number of training calls: the same masks.
    const again = make();
    again.apply(x);
    again.setWeights([eye(4), zeros([4, 4])]);
    expect(Array.from(again.apply(x, { training: true }).dataSync())).toEqual(
      ratios.map((ratio, position) => ratio * x.dataSync()[position]),
    );
  });

  it('recurrentDropout changes training outputs only', () => {
    const layer = new LSTM({ units: 3, recurrentDropout: 0.5, seed: 1 });
    const x = sequence([2, 5, 3]);
    const inference = Array.from(layer.apply(x).dataSync());
    expect(Array.from(layer.apply(x).dataSync())).toEqual(inference);
    expect(Array.from(layer.apply(x, { training: true }).dataSync())).not.toEqual(inference);
  });

  it('works on SymbolicTensors (functional models)', () => {
    const output = new LSTM({ units: 3, returnSequences: true }).apply(input({ shape: [7, 2] }));
    expect(output.shape).toEqual([null, 7, 3]);
  });

  it('no leaked tensors across repeated training steps, stateful calls and applyWithState', () => {
    const layer = new LSTM({ units: 3, stateful: true, dropout: 0.2, recurrentDropout: 0.2 });
    const x = sequence([2, 4, 3]);
    layer.apply(x);
    const step = () =>
      tidy(() => {
        const { value, grads } = variableGrads(() => mean(layer.apply(x, { training: true })), layer.weights);
        value.dataSync();
        for (const gradient of Object.values(grads)) gradient.dataSync();
        layer.applyWithState(x);
      });
    step();
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) step();
    layer.resetStates();
    expect(memory().numTensors).toBe(before);
  });
});

describe('recurrent layer errors', () => {
  it('rejects bad options with typed, named errors', () => {
    expect(() => new LSTM({ units: 0 })).toThrow(/LSTMCell: units must be a positive integer/);
    expect(() => new GRU({ units: 2, dropout: 1.5 })).toThrow(/dropout must be a number in \[0, 1\)/);
    expect(() => new SimpleRNN({ units: 2, returnSequences: 'yes' as never })).toThrow(
      /returnSequences must be a boolean/,
    );
    expect(() => new RNN({ cell: undefined as never })).toThrow(InvalidArgumentError);
    expect(() => new LSTM({ units: 2, activation: 'nope' as never })).toThrow(/unknown activation/);
    expect(() => new GRU({ units: 2, resetAfter: 1 as never })).toThrow(/resetAfter must be a boolean/);
  });

  it('rejects bad inputs, masks and states', () => {
    const layer = new LSTM({ units: 2 });
    expect(() => layer.apply(sequence([2, 3]))).toThrow(ShapeError);
    expect(() => layer.apply([sequence([2, 3, 4]), zeros([2, 2])])).toThrow(/expected \[input\] or \[input, 2 initial/);
    expect(() => layer.apply([sequence([2, 3, 4]), zeros([2, 2]), zeros([2, 5])])).toThrow(/initial state 1/);
    expect(() => layer.apply(sequence([2, 3, 4]), { mask: tensor([1, 0], [1, 2], 'bool') })).toThrow(/mask of shape/);
    expect(() => layer.resetStates()).toThrow(/stateful: true/);
  });

  it('returnState points to applyWithState, which returns [output, ...states]', () => {
    const layer = new LSTM({ units: 2, returnState: true });
    const x = sequence([3, 4, 2]);
    expect(() => layer.apply(x)).toThrow(/applyWithState/);
    expect(() => layer.apply(input({ shape: [4, 2] }))).toThrow(/applyWithState/);
    const [output, h, c] = layer.applyWithState(x);
    expect(output.shape).toEqual([3, 2]);
    expect(Array.from(h.dataSync())).toEqual(Array.from(output.dataSync()));
    expect(c.shape).toEqual([3, 2]);
  });

  it('a stateful layer keeps its first batch size', () => {
    const layer = new SimpleRNN({ units: 2, stateful: true });
    layer.apply(sequence([2, 3, 1]));
    expect(() => layer.apply(sequence([3, 3, 1]))).toThrow(ShapeError);
  });
});
