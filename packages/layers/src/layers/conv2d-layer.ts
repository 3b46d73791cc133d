import { conv2d, InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
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

export interface Conv2DOptions extends BaseConvOptions {
  filters: number;
  kernelSize: number | readonly [number, number];
  strides?: number | readonly [number, number];
  padding?: 'valid' | 'same';
  /** Spacing between kernel taps (atrous convolution); cannot be combined with strides > 1. Default 1. */
  dilationRate?: number | readonly [number, number];
  kernelInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
}

/** 2-D convolution over NHWC inputs with an HWIO kernel of shape [kernelHeight, kernelWidth, inChannels, filters]. */
export class Conv2D extends BaseConv {
  readonly filters: number;
  private readonly kernelSettings: WeightSettings;
  private kernel: Variable | undefined;

  constructor(options: Conv2DOptions) {
    super('conv2d', options, { context: 'Conv2D', rank: 2, allowDilation: true });
    if (!Number.isInteger(options.filters) || options.filters < 1) {
      throw new InvalidArgumentError(`Conv2D: filters must be a positive integer, got ${String(options.filters)}`);
    }
    this.filters = options.filters;
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      'Conv2D',
    );
  }

  get className(): string {
    return 'Conv2D';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), filters: this.filters, ...this.kernelSettings.config('kernel') };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const { initializer, weightOptions } = this.kernelSettings;
    const shape = [...this.kernelSize, channels, this.filters];
    this.kernel = this.addWeight('kernel', shape, initializer, weightOptions);
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
    const convolved = conv2d(input, this.kernel as Variable, {
      strides: [strideHeight, strideWidth],
      padding: this.padding === 'same' ? 'same' : 'valid',
      dilations: [dilationHeight, dilationWidth],
    });
    return this.biasAndActivate(convolved);
  }
}
