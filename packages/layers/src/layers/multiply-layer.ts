import { mul, type Tensor } from '@tessera/core';
import type { LayerOptions } from '../layer';
import { ElementwiseMergeLayer } from './elementwise-merge-layer';

/** The elementwise product of a list of inputs of one shape. */
export class Multiply extends ElementwiseMergeLayer {
  constructor(options: LayerOptions = {}) {
    super('multiply', options);
  }

  get className(): string {
    return 'Multiply';
  }

  protected merge(inputs: readonly Tensor[]): Tensor {
    return inputs.slice(1).reduce((product, input) => mul(product, input), inputs[0]);
  }
}
