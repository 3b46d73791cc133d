import { depthwiseConv2d, type Tensor, type Variable } from '@tessera/core';
import type { CallOptions } from '../layer';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions } from './base-conv';
import { type DepthwiseKernelOptions, DepthwiseKernelSettings } from './depthwise-kernel-settings';

export interface DepthwiseConv2DOptions extends BaseConvOptions, DepthwiseKernelOptions {
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  dilationRate?: number | readonly [number, number];
}

/**
 * Convolves each input channel with its own `depthMultiplier` filters (no mixing between channels), with a
 * depthwise_kernel of shape [kernelHeight, kernelWidth, inChannels, depthMultiplier].
 */
export class DepthwiseConv2D extends BaseConv {
  readonly depthMultiplier: number;
  private readonly depthwiseSettings: DepthwiseKernelSettings;
  private depthwiseKernel: Variable | undefined;

  constructor(options: DepthwiseConv2DOptions) {
    super('depthwise_conv2d', options, { context: 'DepthwiseConv2D', rank: 2, allowDilation: true });
    this.depthwiseSettings = new DepthwiseKernelSettings(options, 'DepthwiseConv2D');
    this.depthMultiplier = this.depthwiseSettings.depthMultiplier;
  }

  get className(): string {
    return 'DepthwiseConv2D';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), ...this.depthwiseSettings.config() };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const settings = this.depthwiseSettings;
    const shape = settings.kernelShape(this.kernelSize, channels);
    this.depthwiseKernel = this.addSettingsWeight('depthwise_kernel', shape, settings.weight);
    this.buildBias(channels * this.depthMultiplier);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const channels = inputShape[3];
    return this.windowOutputShape(inputShape, channels === null ? null : channels * this.depthMultiplier);
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return this.biasAndActivate(depthwiseConv2d(input, this.depthwiseKernel as Variable, this.planarWindowOptions()));
  }
}
