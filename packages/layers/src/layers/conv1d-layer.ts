import { conv1d, type Tensor, type Variable } from '@tessera/core';
import type { CallOptions } from '../layer';
import { KernelConv, type KernelConvOptions } from './kernel-conv';

export interface Conv1DOptions extends KernelConvOptions {
  kernelSize: number | readonly [number];
  strides?: number | readonly [number];
  /** 'causal' pads only the start, so output step t depends on input steps up to t (WaveNet-style). */
  padding?: 'valid' | 'same' | 'causal';
  dilationRate?: number | readonly [number];
}

/** 1-D convolution over [batch, steps, channels] inputs with a kernel of shape [kernelSize, inChannels, filters]. */
export class Conv1D extends KernelConv {
  constructor(options: Conv1DOptions) {
    super('conv1d', options, { context: 'Conv1D', rank: 1, allowCausal: true, allowDilation: true });
  }

  get className(): string {
    return 'Conv1D';
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const convolved = conv1d(input, this.kernel as Variable, {
      stride: this.strides[0],
      padding: this.padding,
      dilation: this.dilationRate[0],
    });
    return this.biasAndActivate(convolved);
  }
}
