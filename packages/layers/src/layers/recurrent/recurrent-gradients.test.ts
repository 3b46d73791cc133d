import { concat, type Tensor, tensor } from '@tessera/core';
import { describe, it } from 'vitest';
import { expectGradientsMatchFiniteDifferences, randomValues } from '../layer-test-helpers';
import { GRU } from './gru';
import { LSTM } from './lstm';
import type { RNN } from './rnn';
import { SimpleRNN } from './simple-rnn';

const makers: Record<string, (options: { returnSequences: boolean; goBackwards: boolean }) => RNN> = {
  SimpleRNN: (options) => new SimpleRNN({ units: 3, biasInitializer: 'randomNormal', ...options }),
  LSTM: (options) => new LSTM({ units: 3, biasInitializer: 'randomNormal', ...options }),
  // Non-default activations take the generic (recomputing) backward rather than the cached LSTM one.
  'LSTM generic path': (options) =>
    new LSTM({ units: 3, activation: 'sigmoid', biasInitializer: 'randomNormal', ...options }),
  'GRU resetAfter': (options) => new GRU({ units: 3, biasInitializer: 'randomNormal', ...options }),
  'GRU resetBefore': (options) => new GRU({ units: 3, resetAfter: false, biasInitializer: 'randomNormal', ...options }),
};

function randomTensor(shape: number[], scale = 1): Tensor {
  return tensor(
    randomValues(
      shape.reduce((product, size) => product * size, 1),
      scale,
    ),
    shape,
  );
}

describe.each(Object.keys(makers))('%s gradients vs central finite differences', (kind) => {
  it.each([
    { returnSequences: true, goBackwards: false },
    { returnSequences: false, goBackwards: true },
  ])('input and every weight (returnSequences $returnSequences, goBackwards $goBackwards)', (options) => {
    const layer = makers[kind](options);
    const x = randomTensor([2, 4, 3]);
    layer.apply(x);
    expectGradientsMatchFiniteDifferences((inputs) => layer.apply(inputs[0]), [x], layer.weights);
  });

  it('initial states, masked steps and every final state (applyWithState)', () => {
    const layer = makers[kind]({ returnSequences: true, goBackwards: false });
    const x = randomTensor([2, 4, 3]);
    const stateCount = layer.cell.stateSizes.length;
    const states = Array.from({ length: stateCount }, () => randomTensor([2, 3]));
    const mask = tensor([1, 0, 1, 1, 0, 1, 1, 0], [2, 4], 'bool');
    layer.apply([x, ...states]);
    expectGradientsMatchFiniteDifferences(
      (inputs) => {
        const [output, ...finalStates] = layer.applyWithState(inputs, { mask });
        return concat([output, ...finalStates.map((state) => state.reshape([2, 1, 3]))], 1);
      },
      [x, ...states],
      layer.weights,
    );
  });
});
