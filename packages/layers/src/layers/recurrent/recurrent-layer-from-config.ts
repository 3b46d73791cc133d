import { InvalidArgumentError } from '@tessera/core';
import type { Layer } from '../../layer';
import type { LayerConfig } from '../../util/json-value';
import type { NestedLayerConfig } from './cell-from-config';
import { GRU, type GRUOptions } from './gru';
import { LSTM, type LSTMOptions } from './lstm';
import { RNN, type RNNOptions } from './rnn';
import { SimpleRNN, type SimpleRNNOptions } from './simple-rnn';

/**
 * Rebuilds a nested layer (Bidirectional's, TimeDistributed's): the recurrent layers of this folder directly,
 * so wrappers work before they are registered for loading; other classes must come as Layer instances.
 */
export function nestedLayerFromConfig(nested: NestedLayerConfig, context: string): Layer {
  const config: LayerConfig = nested.config;
  switch (nested.className) {
    case 'LSTM':
      return new LSTM(config as unknown as LSTMOptions);
    case 'GRU':
      return new GRU(config as unknown as GRUOptions);
    case 'SimpleRNN':
      return new SimpleRNN(config as unknown as SimpleRNNOptions);
    case 'RNN':
      return new RNN(config as unknown as RNNOptions);
  }
  // Other classes are resolved by loadModel's layerFromConfig, which turns nested configs into layers before this
  // constructor runs; importing the registry here would make a module cycle (registry → this folder → registry).
  throw new InvalidArgumentError(
    `${context}: cannot build a nested '${nested.className}' from its config here; pass a Layer instance`,
  );
}
