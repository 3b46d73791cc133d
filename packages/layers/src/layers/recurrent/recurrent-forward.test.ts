import * as tf from '@tensorflow/tfjs';
import { tensor } from '@tessera/core';
import { beforeAll, describe, it } from 'vitest';
import { Sequential } from '../../models/sequential';
import { Embedding } from '../embedding';
import { expectClose } from '../layer-test-helpers';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { copyWeightsFrom, pairedInput, randomizeWeights } from './recurrent-test-helpers';
import { SimpleRNN } from './simple-rnn';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Kind = 'simpleRNN' | 'lstm' | 'gru';
interface Case {
  returnSequences: boolean;
  goBackwards: boolean;
}

function makePair(kind: Kind, units: number, options: Case & { stateful?: boolean; batchInputShape?: number[] }) {
  const shared = { units, ...options };
  if (kind === 'simpleRNN') return { ours: new SimpleRNN(shared), theirs: tf.layers.simpleRNN(shared) };
  if (kind === 'lstm') {
    return { ours: new LSTM(shared), theirs: tf.layers.lstm({ ...shared, recurrentActivation: 'sigmoid' }) };
  }
  return {
    ours: new GRU({ ...shared, resetAfter: false }),
    theirs: tf.layers.gru({ ...shared, recurrentActivation: 'sigmoid' }),
  };
}

const cases: Case[] = [
  { returnSequences: false, goBackwards: false },
  { returnSequences: true, goBackwards: false },
  { returnSequences: true, goBackwards: true },
  { returnSequences: false, goBackwards: true },
];

describe.each<Kind>(['simpleRNN', 'lstm', 'gru'])('%s forward vs tfjs-layers', (kind) => {
  it.each(cases)('returnSequences $returnSequences, goBackwards $goBackwards', (options) => {
    const { ours, theirs } = makePair(kind, 5, options);
    const x = pairedInput([3, 4, 6]);
    theirs.apply(x.theirs);
    ours.apply(x.ours);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    expectClose(ours.apply(x.ours), theirs.apply(x.theirs) as tf.Tensor, 1e-4);
  });

  it('with initial states given as extra inputs', () => {
    const { ours, theirs } = makePair(kind, 4, { returnSequences: true, goBackwards: false });
    const x = pairedInput([2, 5, 3]);
    const stateCount = kind === 'lstm' ? 2 : 1;
    const states = Array.from({ length: stateCount }, () => pairedInput([2, 4]));
    theirs.apply(x.theirs);
    ours.apply([x.ours, ...states.map((state) => state.ours)]);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    const expected = theirs.apply(x.theirs, { initialState: states.map((state) => state.theirs) }) as tf.Tensor;
    expectClose(ours.apply([x.ours, ...states.map((state) => state.ours)]), expected, 1e-4);
  });

  it('stateful: the second call starts from the first call’s final states', () => {
    const options = { returnSequences: false, goBackwards: false, stateful: true, batchInputShape: [2, 3, 4] };
    const { ours, theirs } = makePair(kind, 3, options);
    const first = pairedInput([2, 3, 4]);
    const second = pairedInput([2, 3, 4]);
    theirs.apply(first.theirs);
    theirs.resetStates();
    ours.apply(first.ours);
    ours.resetStates();
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    expectClose(ours.apply(first.ours), theirs.apply(first.theirs) as tf.Tensor, 1e-4);
    expectClose(ours.apply(second.ours), theirs.apply(second.theirs) as tf.Tensor, 1e-4);
    ours.resetStates();
    theirs.resetStates();
    expectClose(ours.apply(second.ours), theirs.apply(second.theirs) as tf.Tensor, 1e-4);
  });

  it.each([true, false])(
    'honours Embedding({ maskZero }) masks in a Sequential (returnSequences %s)',
    (returnSequences) => {
      const ids = [
        [3, 1, 0, 0, 2],
        [0, 0, 4, 5, 1],
        [1, 2, 3, 4, 5],
        [0, 0, 0, 0, 0],
      ];
      const { ours, theirs } = makePair(kind, 4, { returnSequences, goBackwards: false });
      const theirEmbedding = tf.layers.embedding({ inputDim: 6, outputDim: 3, maskZero: true, inputLength: 5 });
      const theirModel = tf.sequential({ layers: [theirEmbedding, theirs] });
      const ourEmbedding = new Embedding({ inputDim: 6, outputDim: 3, maskZero: true });
      const ourModel = new Sequential([ourEmbedding, ours]);
      const ourIds = tensor(ids.flat(), [4, 5], 'int32');
      const theirIds = tf.tensor(ids, [4, 5], 'int32');
      ourModel.apply(ourIds);
      randomizeWeights(theirs);
      copyWeightsFrom(theirs, ours);
      copyWeightsFrom(theirEmbedding, ourEmbedding);
      expectClose(ourModel.apply(ourIds), theirModel.apply(theirIds) as tf.Tensor, 1e-4);
    },
  );
});

describe('LSTM with non-default activations (the generic, recomputing loop) vs tfjs-layers', () => {
  it('activation sigmoid, recurrentActivation tanh, goBackwards', () => {
    const options = { units: 3, activation: 'sigmoid', recurrentActivation: 'tanh', returnSequences: true } as const;
    const ours = new LSTM({ ...options, goBackwards: true });
    const theirs = tf.layers.lstm({ ...options, goBackwards: true });
    const x = pairedInput([2, 4, 3]);
    theirs.apply(x.theirs);
    ours.apply(x.ours);
    randomizeWeights(theirs);
    copyWeightsFrom(theirs, ours);
    expectClose(ours.apply(x.ours), theirs.apply(x.theirs) as tf.Tensor, 1e-4);
  });
});
