import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import { positiveIntegerOption } from './positive-integer-option';
import { WeightSettings } from './weight-settings';

/** The options of a depthwise_kernel, shared by DepthwiseConv2D and SeparableConv2D. */
export interface DepthwiseKernelOptions {
  /** Depthwise output channels per input channel. Default 1. */
  depthMultiplier?: number;
  depthwiseInitializer?: InitializerName | Initializer;
  depthwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
}

/**
 * The depthMultiplier and the depthwise_kernel's initializer, regularizer and constraint, resolved once and written
 * back as config in Keras's order (depthMultiplier first).
 */
export class DepthwiseKernelSettings {
  readonly depthMultiplier: number;
  readonly weight: WeightSettings;

  constructor(options: DepthwiseKernelOptions, context: string) {
    this.depthMultiplier = positiveIntegerOption(options.depthMultiplier ?? 1, context, 'depthMultiplier');
    this.weight = new WeightSettings(
      {
        initializer: options.depthwiseInitializer,
        regularizer: options.depthwiseRegularizer,
        constraint: options.depthwiseConstraint,
      },
      'glorotUniform',
      context,
    );
  }

  /** [...kernelSize, inChannels, depthMultiplier]: each input channel gets its own `depthMultiplier` filters. */
  kernelShape(kernelSize: readonly number[], channels: number): number[] {
    return [...kernelSize, channels, this.depthMultiplier];
  }

  config(): LayerConfig {
    return { depthMultiplier: this.depthMultiplier, ...this.weight.config('depthwise') };
  }
}
