import { conv2d, type Tensor, type Variable } from '@tessera/core';
import type { CallOptions } from '../layer';
import { KernelConv, type KernelConvOptions } from './kernel-conv';

export interface Conv2DOptions extends KernelConvOptions {
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  /** Spacing between kernel taps (atrous convolution); cannot be combined with strides > 1. Default 1. */
  dilationRate?: number | readonly [number, number];
}

/** 2-D convolution over NHWC inputs with an HWIO kernel of shape [kernelHeight, kernelWidth, inChannels, filters]. */
export class Conv2D extends KernelConv {
  constructor(options: Conv2DOptions) {
    super('conv2d', options, { context: 'Conv2D', rank: 2, allowDilation: true });
  }

  get className(): string {
    return 'Conv2D';
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    return this.biasAndActivate(conv2d(input, this.kernel as Variable, this.planarWindowOptions()));
  }
}
