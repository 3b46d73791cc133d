import { reshape, ShapeError, type Tensor } from '@tessera/core';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { assertChannelsLast } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface FlattenOptions extends LayerOptions {
  /** Only 'channelsLast' (the default) is implemented. */
  dataFormat?: 'channelsLast';
}

/** Collapses every axis but the batch axis into one. */
export class Flatten extends Layer {
  constructor(options: FlattenOptions = {}) {
    super('flatten', options);
    assertChannelsLast(options.dataFormat, 'Flatten');
  }

  get className(): string {
    return 'Flatten';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), dataFormat: 'channelsLast' };
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const rest = inputShape.slice(1);
    if (rest.some((size) => size === null)) {
      throw new ShapeError(
        `Flatten (${this.name}): non-batch axes must be known, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return [inputShape[0], (rest as number[]).reduce((product, size) => product * size, 1)];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    if (input.rank < 1) throw new ShapeError(`Flatten (${this.name}): expected a batch axis, got a scalar`);
    const perExample = input.shape.slice(1).reduce((product, size) => product * size, 1);
    return reshape(input, [input.shape[0], perExample]);
  }
}
