import type { LayerConfig } from '../../util/json-value';
import { cellOptionsConfig, cellOptionsOf } from './cell-layer-config';
import { LSTMCell, type LSTMCellOptions } from './lstm-cell';
import { type RecurrentLayerOptions, RNN } from './rnn';

export interface LSTMOptions extends LSTMCellOptions, RecurrentLayerOptions {}

/** Long short-term memory over a sequence (Keras's layout: gates i, f, c, o). Weights: kernel, recurrent_kernel, bias. */
export class LSTM extends RNN {
  constructor(options: LSTMOptions) {
    super(
      options as LSTMOptions & { cell: never },
      'lstm',
      (layerName) => new LSTMCell(cellOptionsOf(options, layerName)),
    );
  }

  override get className(): string {
    return 'LSTM';
  }

  override getConfig(): LayerConfig {
    const { cell: _cell, ...layerConfig } = super.getConfig();
    return { ...layerConfig, ...cellOptionsConfig(this.cell) };
  }
}
