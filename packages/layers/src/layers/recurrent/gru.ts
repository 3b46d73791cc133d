import type { LayerConfig } from '../../util/json-value';
import { cellOptionsConfig, cellOptionsOf } from './cell-layer-config';
import { GRUCell, type GRUCellOptions } from './gru-cell';
import { type RecurrentLayerOptions, RNN } from './rnn';

export interface GRUOptions extends GRUCellOptions, RecurrentLayerOptions {}

/** Gated recurrent unit over a sequence (Keras's layout: gates z, r, h; resetAfter picks the variant). Weights: kernel, recurrent_kernel, bias. */
export class GRU extends RNN {
  constructor(options: GRUOptions) {
    super(
      options as GRUOptions & { cell: never },
      'gru',
      (layerName) => new GRUCell(cellOptionsOf(options, layerName)),
    );
  }

  override get className(): string {
    return 'GRU';
  }

  override getConfig(): LayerConfig {
    const { cell: _cell, ...layerConfig } = super.getConfig();
    return { ...layerConfig, ...cellOptionsConfig(this.cell) };
  }
}
