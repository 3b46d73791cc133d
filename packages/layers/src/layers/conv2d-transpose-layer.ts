import { conv2dTranspose, type Tensor, type Variable } from '@tessera/core';
import type { CallOptions } from '../layer';
import { transposedOutputLength } from '../util/conv-utils';
import type { SymbolicShape } from '../util/shape-format';
import { KernelConv, type KernelConvOptions } from './kernel-conv';

export interface Conv2DTransposeOptions extends KernelConvOptions {
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  /** Only 1 is implemented. */
  dilationRate?: 1 | readonly [1, 1];
}

/**
 * The transpose of Conv2D (a "deconvolution"), upsampling by `strides`. As in Keras the kernel has shape
 * [kernelHeight, kernelWidth, filters, inChannels]: it is the kernel of the convolution being transposed.
 */
export class Conv2DTranspose extends KernelConv {
  constructor(options: Conv2DTransposeOptions) {
    super('conv2d_transpose', options, { context: 'Conv2DTranspose', rank: 2 });
  }

  get className(): string {
    return 'Conv2DTranspose';
  }

  protected override kernelShape(channels: number): number[] {
    return [...this.kernelSize, this.filters, channels];
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const spatial = [1, 2].map((axis, position) =>
      transposedOutputLength(
        inputShape[axis],
        this.kernelSize[position],
        this.strides[position],
        this.padding === 'same' ? 'same' : 'valid',
      ),
    );
    return [inputShape[0], ...spatial, this.filters];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const outputShape = this.computeOutputShape(input.shape) as number[];
    // Dilation is refused at construction, so only the strides and padding apply.
    const { strides, padding } = this.planarWindowOptions();
    return this.biasAndActivate(conv2dTranspose(input, this.kernel as Variable, outputShape, { strides, padding }));
  }
}
