import { InvalidArgumentError } from '@tessera/core';
import type { LayerConfig } from '../../util/json-value';
import { GRUCell } from './gru-cell';
import { LSTMCell, type LSTMCellOptions } from './lstm-cell';
import type { RecurrentCell } from './recurrent-cell';
import { SimpleRNNCell } from './simple-rnn-cell';

/** A nested layer as configs hold it (`RNN.cell`, `Bidirectional.layer`). */
export interface NestedLayerConfig {
  className: string;
  config: LayerConfig;
}

export function isNestedLayerConfig(value: unknown): value is NestedLayerConfig {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { className?: unknown }).className === 'string' &&
    typeof (value as { config?: unknown }).config === 'object'
  );
}

/** Rebuilds a built-in cell from `{ className, config }`. */
export function cellFromConfig(nested: NestedLayerConfig, context: string): RecurrentCell {
  const config = nested.config as unknown as LSTMCellOptions;
  switch (nested.className) {
    case 'SimpleRNNCell':
      return new SimpleRNNCell(config);
    case 'LSTMCell':
      return new LSTMCell(config);
    case 'GRUCell':
      return new GRUCell(config);
  }
  // Custom cells arrive as instances: loadModel's layerFromConfig builds nested layers before this runs.
  throw new InvalidArgumentError(
    `${context}: '${nested.className}' is not a built-in recurrent cell; pass a RecurrentCell instance`,
  );
}
