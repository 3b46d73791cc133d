import { conv2d, depthwiseConv2d, type Tensor, type Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { CallOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions } from './base-conv';
import { type DepthwiseKernelOptions, DepthwiseKernelSettings } from './depthwise-kernel-settings';
import { positiveIntegerOption } from './positive-integer-option';
import { WeightSettings } from './weight-settings';

export interface SeparableConv2DOptions extends BaseConvOptions, DepthwiseKernelOptions {
  filters: number;
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  dilationRate?: number | readonly [number, number];
  pointwiseInitializer?: InitializerName | Initializer;
  pointwiseRegularizer?: RegularizerIdentifier;
  pointwiseConstraint?: ConstraintIdentifier;
}

/**
 * A depthwise convolution followed by a 1×1 convolution mixing channels: far fewer parameters than Conv2D for the
 * same receptive field. Weights: depthwise_kernel [kh, kw, in, multiplier], pointwise_kernel
 * [1, 1, in · multiplier, filters], bias [filters].
 */
export class SeparableConv2D extends BaseConv {
  readonly filters: number;
  readonly depthMultiplier: number;
  private readonly depthwiseSettings: DepthwiseKernelSettings;
  private readonly pointwiseSettings: WeightSettings;
  private depthwiseKernel: Variable | undefined;
  private pointwiseKernel: Variable | undefined;

  constructor(options: SeparableConv2DOptions) {
    super('separable_conv2d', options, { context: 'SeparableConv2D', rank: 2, allowDilation: true });
    this.filters = positiveIntegerOption(options.filters, 'SeparableConv2D', 'filters');
    this.depthwiseSettings = new DepthwiseKernelSettings(options, 'SeparableConv2D');
    this.depthMultiplier = this.depthwiseSettings.depthMultiplier;
    this.pointwiseSettings = new WeightSettings(
      {
        initializer: options.pointwiseInitializer,
        regularizer: options.pointwiseRegularizer,
        constraint: options.pointwiseConstraint,
      },
      'glorotUniform',
      'SeparableConv2D',
    );
  }

  get className(): string {
    return 'SeparableConv2D';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      ...this.depthwiseSettings.config(),
      ...this.pointwiseSettings.config('pointwise'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const depthwise = this.depthwiseSettings;
    const depthwiseShape = depthwise.kernelShape(this.kernelSize, channels);
    const pointwiseShape = [1, 1, channels * this.depthMultiplier, this.filters];
    this.depthwiseKernel = this.addSettingsWeight('depthwise_kernel', depthwiseShape, depthwise.weight);
    this.pointwiseKernel = this.addSettingsWeight('pointwise_kernel', pointwiseShape, this.pointwiseSettings);
    this.buildBias(this.filters);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return this.windowOutputShape(inputShape, this.filters);
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const spatial = depthwiseConv2d(input, this.depthwiseKernel as Variable, this.planarWindowOptions());
    const mixed = conv2d(spatial, this.pointwiseKernel as Variable, { strides: 1, padding: 'valid' });
    return this.biasAndActivate(mixed);
  }
}
