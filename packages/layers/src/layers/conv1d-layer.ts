import { conv1d, InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
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

export interface Conv1DOptions extends BaseConvOptions {
  filters: number;
  kernelSize: number | readonly [number];
  strides?: number | readonly [number];
  /** 'causal' pads only the start, so output step t depends on input steps up to t (WaveNet-style). */
  padding?: 'valid' | 'same' | 'causal';
  dilationRate?: number | readonly [number];
  kernelInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
}

/** 1-D convolution over [batch, steps, channels] inputs with a kernel of shape [kernelSize, inChannels, filters]. */
export class Conv1D extends BaseConv {
  readonly filters: number;
  private readonly kernelSettings: WeightSettings;
  private kernel: Variable | undefined;

  constructor(options: Conv1DOptions) {
    super('conv1d', options, { context: 'Conv1D', rank: 1, allowCausal: true, allowDilation: true });
    if (!Number.isInteger(options.filters) || options.filters < 1) {
      throw new InvalidArgumentError(`Conv1D: filters must be a positive integer, got ${String(options.filters)}`);
    }
    this.filters = options.filters;
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      'Conv1D',
    );
  }

  get className(): string {
    return 'Conv1D';
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), filters: this.filters, ...this.kernelSettings.config('kernel') };
  }

  override build(inputShape: SymbolicShape): void {
    const channels = this.inputChannels(inputShape);
    const { initializer, weightOptions } = this.kernelSettings;
    this.kernel = this.addWeight('kernel', [this.kernelSize[0], channels, this.filters], initializer, weightOptions);
    this.buildBias(this.filters);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    const steps = windowOutputLength(
      inputShape[1],
      this.kernelSize[0],
      this.strides[0],
      this.padding,
      this.dilationRate[0],
    );
    return [inputShape[0], steps, this.filters];
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
