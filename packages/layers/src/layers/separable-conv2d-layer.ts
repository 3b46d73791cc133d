import { conv2d, depthwiseConv2d, InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { CallOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import { windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions } from './base-conv';
import { checkDepthMultiplier } from './depthwise-conv2d-layer';
import { WeightSettings } from './weight-settings';

export interface SeparableConv2DOptions extends BaseConvOptions {
  filters: number;
  kernelSize: number | readonly [number, number];
  /** Depthwise output channels per input channel. Default 1. */
  depthMultiplier?: number;
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  dilationRate?: number | readonly [number, number];
  depthwiseInitializer?: InitializerName | Initializer;
  pointwiseInitializer?: InitializerName | Initializer;
  depthwiseRegularizer?: RegularizerIdentifier;
  pointwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
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
  private readonly depthwiseSettings: WeightSettings;
  private readonly pointwiseSettings: WeightSettings;
  private depthwiseKernel: Variable | undefined;
  private pointwiseKernel: Variable | undefined;

  constructor(options: SeparableConv2DOptions) {
    super('separable_conv2d', options, { context: 'SeparableConv2D', rank: 2, allowDilation: true });
    if (!Number.isInteger(options.filters) || options.filters < 1) {
      throw new InvalidArgumentError(
        `SeparableConv2D: filters must be a positive integer, got ${String(options.filters)}`,
      );
    }
    this.filters = options.filters;
    this.depthMultiplier = checkDepthMultiplier(options.depthMultiplier ?? 1, 'SeparableConv2D');
    this.depthwiseSettings = new WeightSettings(
      {
        initializer: options.depthwiseInitializer,
        regularizer: options.depthwiseRegularizer,
        constraint: options.depthwiseConstraint,
      },
      'glorotUniform',
      'SeparableConv2D',
    );
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
      depthMultiplier: this.depthMultiplier,
      ...this.depthwiseSettings.config('depthwise'),
      ...this.pointwiseSettings.config('pointwise'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const depthwise = this.depthwiseSettings;
    const pointwise = this.pointwiseSettings;
    const depthwiseShape = [...this.kernelSize, channels, this.depthMultiplier];
    const pointwiseShape = [1, 1, channels * this.depthMultiplier, this.filters];
    this.depthwiseKernel = this.addWeight(
      'depthwise_kernel',
      depthwiseShape,
      depthwise.initializer,
      depthwise.weightOptions,
    );
    this.pointwiseKernel = this.addWeight(
      'pointwise_kernel',
      pointwiseShape,
      pointwise.initializer,
      pointwise.weightOptions,
    );
    this.buildBias(this.filters);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const spatial = [1, 2].map((axis, position) =>
      windowOutputLength(
        inputShape[axis],
        this.kernelSize[position],
        this.strides[position],
        this.padding,
        this.dilationRate[position],
      ),
    );
    return [inputShape[0], ...spatial, this.filters];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const [strideHeight, strideWidth] = this.strides;
    const [dilationHeight, dilationWidth] = this.dilationRate;
    const spatial = depthwiseConv2d(input, this.depthwiseKernel as Variable, {
      strides: [strideHeight, strideWidth],
      padding: this.padding === 'same' ? 'same' : 'valid',
      dilations: [dilationHeight, dilationWidth],
    });
    const mixed = conv2d(spatial, this.pointwiseKernel as Variable, { strides: 1, padding: 'valid' });
    return this.biasAndActivate(mixed);
  }
}
