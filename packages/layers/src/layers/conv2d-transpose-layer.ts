import { conv2dTranspose, InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import type { CallOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import { transposedOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import type { SymbolicShape } from '../util/shape-format';
import { BaseConv, type BaseConvOptions } from './base-conv';
import { WeightSettings } from './weight-settings';

export interface Conv2DTransposeOptions extends BaseConvOptions {
  filters: number;
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  /** Only 1 is implemented. */
  dilationRate?: 1 | readonly [1, 1];
  kernelInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
}

/**
 * The transpose of Conv2D (a "deconvolution"), upsampling by `strides`. As in Keras the kernel has shape
 * [kernelHeight, kernelWidth, filters, inChannels]: it is the kernel of the convolution being transposed.
 */
export class Conv2DTranspose extends BaseConv {
  readonly filters: number;
  private readonly kernelSettings: WeightSettings;
  private kernel: Variable | undefined;

  constructor(options: Conv2DTransposeOptions) {
    super('conv2d_transpose', options, { context: 'Conv2DTranspose', rank: 2 });
    if (!Number.isInteger(options.filters) || options.filters < 1) {
      throw new InvalidArgumentError(
        `Conv2DTranspose: filters must be a positive integer, got ${String(options.filters)}`,
      );
    }
    this.filters = options.filters;
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      'Conv2DTranspose',
    );
  }

  get className(): string {
    return 'Conv2DTranspose';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), filters: this.filters, ...this.kernelSettings.config('kernel') };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const { initializer, weightOptions } = this.kernelSettings;
    this.kernel = this.addWeight('kernel', [...this.kernelSize, this.filters, channels], initializer, weightOptions);
    this.buildBias(this.filters);
    super.build(inputShape);
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
    const [strideHeight, strideWidth] = this.strides;
    const convolved = conv2dTranspose(input, this.kernel as Variable, outputShape, {
      strides: [strideHeight, strideWidth],
      padding: this.padding === 'same' ? 'same' : 'valid',
    });
    return this.biasAndActivate(convolved);
  }
}
