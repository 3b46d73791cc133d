import { add, type Tensor } from '@tessera/core';
import type { LayerOptions } from '../layer';
import { ElementwiseMergeLayer } from './elementwise-merge-layer';

/** The elementwise sum of a list of inputs of one shape. */
export class Add extends ElementwiseMergeLayer {
  constructor(options: LayerOptions = {}) {
    super('add', options);
  }

  get className(): string {
    return 'Add';
  }

  protected merge(inputs: readonly Tensor[]): Tensor {
    return inputs.slice(1).reduce((total, input) => add(total, input), inputs[0]);
  }
}
