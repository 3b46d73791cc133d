import type { LayerConfig } from '../../util/json-value';
import { cellOptionsConfig, cellOptionsOf } from './cell-layer-config';
import { type RecurrentLayerOptions, RNN } from './rnn';
import { SimpleRNNCell, type SimpleRNNCellOptions } from './simple-rnn-cell';

export interface SimpleRNNOptions extends SimpleRNNCellOptions, RecurrentLayerOptions {}

/** A fully connected recurrence, output = activation(x·kernel + previous·recurrent_kernel + bias). Weights: kernel, recurrent_kernel, bias. */
export class SimpleRNN extends RNN {
  constructor(options: SimpleRNNOptions) {
    super(
      options as SimpleRNNOptions & { cell: never },
      'simple_rnn',
      (layerName) => new SimpleRNNCell(cellOptionsOf(options, layerName)),
    );
  }

  override get className(): string {
    return 'SimpleRNN';
  }

  override getConfig(): LayerConfig {
    const { cell: _cell, ...layerConfig } = super.getConfig();
    return { ...layerConfig, ...cellOptionsConfig(this.cell) };
  }
}
