import type { Tensor } from '@tessera/core';
import { activationConfig } from '../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';

export interface ActivationOptions extends LayerOptions {
  activation: ActivationName | ActivationFunction;
}

/** Applies an activation function element-wise (softmax on the last axis). */
export class Activation extends Layer {
  private readonly activationIdentifier: ActivationName | ActivationFunction;
  private readonly activation: ActivationFunction;

  constructor(options: ActivationOptions) {
    super('activation', options);
    this.activation = getActivation(options?.activation, 'Activation');
    this.activationIdentifier = options.activation;
  }

  /** Works per example and per step, so an input mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  get className(): string {
    return 'Activation';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      activation: activationConfig(this.activationIdentifier, `Activation (${this.name})`),
    };
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return this.activation(input);
  }
}
