import { depthwiseConv2d, InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { CallOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import { windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions } from './base-conv';
import { WeightSettings } from './weight-settings';

export interface DepthwiseConv2DOptions extends BaseConvOptions {
  kernelSize: number | readonly [number, number];
  /** Output channels per input channel. Default 1. */
  depthMultiplier?: number;
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  dilationRate?: number | readonly [number, number];
  depthwiseInitializer?: InitializerName | Initializer;
  depthwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
}

export function checkDepthMultiplier(value: unknown, context: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new InvalidArgumentError(`${context}: depthMultiplier must be a positive integer, got ${String(value)}`);
  }
  return value as number;
}

/**
 * Convolves each input channel with its own `depthMultiplier` filters (no mixing between channels), with a
 * depthwise_kernel of shape [kernelHeight, kernelWidth, inChannels, depthMultiplier].
 */
export class DepthwiseConv2D extends BaseConv {
  readonly depthMultiplier: number;
  private readonly depthwiseSettings: WeightSettings;
  private depthwiseKernel: Variable | undefined;

  constructor(options: DepthwiseConv2DOptions) {
    super('depthwise_conv2d', options, { context: 'DepthwiseConv2D', rank: 2, allowDilation: true });
    this.depthMultiplier = checkDepthMultiplier(options.depthMultiplier ?? 1, 'DepthwiseConv2D');
    this.depthwiseSettings = new WeightSettings(
      {
        initializer: options.depthwiseInitializer,
        regularizer: options.depthwiseRegularizer,
        constraint: options.depthwiseConstraint,
      },
      'glorotUniform',
      'DepthwiseConv2D',
    );
  }

  get className(): string {
    return 'DepthwiseConv2D';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      depthMultiplier: this.depthMultiplier,
      ...this.depthwiseSettings.config('depthwise'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const { initializer, weightOptions } = this.depthwiseSettings;
    const shape = [...this.kernelSize, channels, this.depthMultiplier];
    this.depthwiseKernel = this.addWeight('depthwise_kernel', shape, initializer, weightOptions);
    this.buildBias(channels * this.depthMultiplier);
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
    const channels = inputShape[3];
    return [inputShape[0], ...spatial, channels === null ? null : channels * this.depthMultiplier];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const [strideHeight, strideWidth] = this.strides;
    const [dilationHeight, dilationWidth] = this.dilationRate;
    const convolved = depthwiseConv2d(input, this.depthwiseKernel as Variable, {
      strides: [strideHeight, strideWidth],
      padding: this.padding === 'same' ? 'same' : 'valid',
      dilations: [dilationHeight, dilationWidth],
    });
    return this.biasAndActivate(convolved);
  }
}
