import type { LayerConfig } from '../../util/json-value';
import type { RecurrentCell } from './recurrent-cell';

/** The cell's options as a flat layer config (Keras's LSTM/GRU/SimpleRNN configs hold them directly). */
export function cellOptionsConfig(cell: RecurrentCell): LayerConfig {
  const { name: _name, trainable: _trainable, inputShape: _inputShape, ...options } = cell.getConfig();
  return options;
}

/** The options a layer passes on to the cell it creates: everything but the layer's own identity. */
export function cellOptionsOf<Options extends { inputShape?: readonly number[] }>(
  options: Options,
  layerName: string,
): Options {
  return { ...options, name: layerName, inputShape: undefined };
}
