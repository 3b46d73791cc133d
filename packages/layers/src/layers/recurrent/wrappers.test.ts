import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, memory, ShapeError, tensor, tidy } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Sequential } from '../../models/sequential';
import { layerFromConfig } from '../../serialization/layer-registry';
import { Dense } from '../dense';
import { Embedding } from '../embedding';
import { expectClose, expectGradientsMatchFiniteDifferences, randomValues } from '../layer-test-helpers';
import { Bidirectional, type BidirectionalMergeMode } from './bidirectional';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { copyWeightsFrom, pairedInput, randomizeWeights } from './recurrent-test-helpers';
import { SimpleRNN } from './simple-rnn';
import { TimeDistributed } from './time-distributed';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Bidirectional vs tfjs-layers', () => {
  it.each<[BidirectionalMergeMode, boolean]>([
    ['concat', true],
    ['concat', false],
    ['sum', true],
    ['mul', false],
    ['ave', true],
  ])('LSTM, mergeMode %s, returnSequences %s', (mergeMode, returnSequences) => {
    const ours = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences }), mergeMode });
    const theirs = tf.layers.bidirectional({
      layer: tf.layers.lstm({ units: 3, returnSequences, recurrentActivation: 'sigmoid' }) as tf.RNN,
      mergeMode,
    });
    const x = pairedInput([2, 5, 4]);
    theirs.apply(x.theirs);
    ours.apply(x.ours);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    expect(ours.weights.map((weight) => weight.shape)).toEqual(theirs.getWeights().map((weight) => weight.shape));
    expectClose(ours.apply(x.ours), theirs.apply(x.theirs) as tf.Tensor, 1e-4);
  });

  it('GRU with an Embedding({ maskZero }) mask in a Sequential', () => {
    const ids = [
      [2, 1, 3, 0, 0],
      [4, 0, 0, 0, 0],
    ];
    const ours = new Bidirectional({ layer: new GRU({ units: 3, resetAfter: false, returnSequences: true }) });
    const theirs = tf.layers.bidirectional({
      layer: tf.layers.gru({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }) as tf.RNN,
    });
    const theirEmbedding = tf.layers.embedding({ inputDim: 5, outputDim: 2, maskZero: true, inputLength: 5 });
    const theirModel = tf.sequential({ layers: [theirEmbedding, theirs] });
    const ourEmbedding = new Embedding({ inputDim: 5, outputDim: 2, maskZero: true });
    const ourModel = new Sequential([ourEmbedding, ours]);
    const ourIds = tensor(ids.flat(), [2, 5], 'int32');
    ourModel.apply(ourIds);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    copyWeightsFrom(theirEmbedding, ourEmbedding);
    expectClose(ourModel.apply(ourIds), theirModel.apply(tf.tensor(ids, [2, 5], 'int32')) as tf.Tensor, 1e-4);
  });

  it('initial states for both directions, and applyWithState (forward states, then backward states)', () => {
    const ours = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }) });
    const theirs = tf.layers.bidirectional({
      layer: tf.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }) as tf.RNN,
    });
    const x = pairedInput([2, 4, 2]);
    const states = Array.from({ length: 4 }, () => pairedInput([2, 3]));
    theirs.apply(x.theirs);
    ours.apply([x.ours, ...states.map((state) => state.ours)]);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    const expected = theirs.apply(x.theirs, { initialState: states.map((state) => state.theirs) }) as tf.Tensor;
    expectClose(ours.apply([x.ours, ...states.map((state) => state.ours)]), expected, 1e-4);
    const [output, forwardOutput, forwardCell, backwardOutput, backwardCell] = ours.applyWithState([
      x.ours,
      ...states.map((state) => state.ours),
    ]);
    expectClose(output, expected, 1e-4);
    expect([forwardCell.shape, backwardCell.shape]).toEqual([
      [2, 3],
      [2, 3],
    ]);
    // The forward output's last step, and the backward output's first step (its last processed one).
    const values = output.arraySync() as number[][][];
    expect(Array.from(forwardOutput.dataSync())).toEqual(values.flatMap((steps) => steps[3].slice(0, 3)));
    expect(Array.from(backwardOutput.dataSync())).toEqual(values.flatMap((steps) => steps[0].slice(3)));
    expect(() => ours.apply([x.ours, states[0].ours])).toThrow(ShapeError);
  });

  it('rebuilds from its config, with the backward copy and an explicit backwardLayer', () => {
    const original = new Bidirectional({ layer: new SimpleRNN({ units: 2 }), mergeMode: 'sum' });
    const rebuilt = new Bidirectional(original.getConfig() as never);
    expect(rebuilt.getConfig()).toEqual({ ...original.getConfig(), name: rebuilt.name });
    expect(rebuilt.backwardLayer.goBackwards).toBe(true);
    const explicit = new Bidirectional({
      layer: new LSTM({ units: 2 }),
      backwardLayer: new LSTM({ units: 2, goBackwards: true, unitForgetBias: false }),
    });
    const again = new Bidirectional(explicit.getConfig() as never);
    expect((again.backwardLayer as LSTM).getConfig().unitForgetBias).toBe(false);
  });

  it('rejects bad options with typed errors', () => {
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), mergeMode: null })).toThrow(/not supported yet/);
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), mergeMode: 'max' as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new Bidirectional({ layer: new Dense({ units: 2 }) as never })).toThrow(/recurrent layer/);
    expect(() => new Bidirectional({ layer: new LSTM({ units: 2 }), backwardLayer: new LSTM({ units: 2 }) })).toThrow(
      /opposite goBackwards/,
    );
  });
});

describe('wrapper gradients vs central finite differences', () => {
  it('Bidirectional(LSTM) with a mask, and TimeDistributed(Dense)', () => {
    const x = tensor(randomValues(2 * 3 * 2), [2, 3, 2]);
    const mask = tensor([1, 1, 0, 1, 0, 1], [2, 3], 'bool');
    const bidirectional = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) });
    bidirectional.apply(x);
    expectGradientsMatchFiniteDifferences(
      (inputs) => bidirectional.apply(inputs[0], { mask }),
      [x],
      bidirectional.weights,
    );
    const distributed = new TimeDistributed({ layer: new Dense({ units: 3, activation: 'tanh' }) });
    distributed.apply(x);
    expectGradientsMatchFiniteDifferences((inputs) => distributed.apply(inputs[0]), [x], distributed.weights);
  });
});

describe('TimeDistributed', () => {
  it('matches tfjs-layers timeDistributed(dense) and keeps the mask', () => {
    const ours = new TimeDistributed({ layer: new Dense({ units: 4, activation: 'tanh' }) });
    const theirs = tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 4, activation: 'tanh' }) });
    const x = pairedInput([2, 3, 5]);
    theirs.apply(x.theirs);
    ours.apply(x.ours);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    expectClose(ours.apply(x.ours), theirs.apply(x.theirs) as tf.Tensor, 1e-5);
    const mask = tensor([1, 0, 1, 1, 1, 0], [2, 3], 'bool');
    expect(ours.computeMask([x.ours], mask)).toBe(mask);
  });

  it('rebuilds from its config and rejects inputs without a time axis', () => {
    const original = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    // Through the registry, as loadModel does: it builds the inner Dense from its nested config first.
    const rebuilt = layerFromConfig('TimeDistributed', original.getConfig(), 'test') as TimeDistributed;
    expect(rebuilt.layer.className).toBe('Dense');
    expect(() => new TimeDistributed(original.getConfig() as never)).toThrow(/pass a Layer instance/);
    expect(() => rebuilt.apply(tensor([1, 2], [1, 2]))).toThrow(ShapeError);
    expect(() => new TimeDistributed({ layer: {} as never })).toThrow(InvalidArgumentError);
  });

  it('frees its intermediates', () => {
    const layer = new TimeDistributed({ layer: new Dense({ units: 2 }) });
    const x = tensor(new Float32Array(12), [2, 3, 2]);
    tidy(() => {
      layer.apply(x);
    });
    const before = memory().numTensors;
    for (let repeat = 0; repeat < 3; repeat++) {
      tidy(() => {
        layer.apply(x);
      });
    }
    expect(memory().numTensors).toBe(before);
  });
});
