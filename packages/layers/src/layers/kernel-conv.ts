import type { Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions, type ConvCapabilities } from './base-conv';
import { positiveIntegerOption } from './positive-integer-option';
import { WeightSettings } from './weight-settings';

/** The options of a convolution with `filters` outputs and one weight named kernel. */
export interface KernelConvOptions extends BaseConvOptions {
  filters: number;
  kernelInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
}

/**
 * A convolution with `filters` output channels and one weight named kernel, of shape
 * [...kernelSize, inChannels, filters] unless a subclass lays it out otherwise (Conv2DTranspose). Subclasses
 * convolve in `call` and finish with `biasAndActivate`.
 */
export abstract class KernelConv extends BaseConv {
  readonly filters: number;
  protected kernel: Variable | undefined;
  private readonly kernelSettings: WeightSettings;

  constructor(kind: string, options: KernelConvOptions, capabilities: ConvCapabilities) {
    super(kind, options, capabilities);
    this.filters = positiveIntegerOption(options.filters, capabilities.context, 'filters');
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      capabilities.context,
    );
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), filters: this.filters, ...this.kernelSettings.config('kernel') };
  }

  /** The kernel's shape for `channels` input channels. */
  protected kernelShape(channels: number): number[] {
    return [...this.kernelSize, channels, this.filters];
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    this.kernel = this.addSettingsWeight('kernel', this.kernelShape(channels), this.kernelSettings);
    this.buildBias(this.filters);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return this.windowOutputShape(inputShape, this.filters);
  }
}
