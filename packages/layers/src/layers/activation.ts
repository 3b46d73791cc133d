import type { Tensor } from '@tessera/core';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import { type CallOptions, Layer, type LayerOptions } from '../layer';

export interface ActivationOptions extends LayerOptions {
  activation: ActivationName | ActivationFunction;
}

/** Applies an activation function element-wise (softmax on the last axis). */
export class Activation extends Layer {
  private readonly activation: ActivationFunction;

  constructor(options: ActivationOptions) {
    super('activation', options);
    this.activation = getActivation(options?.activation, 'Activation');
  }

  get className(): string {
    return 'Activation';
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return this.activation(input);
  }
}
