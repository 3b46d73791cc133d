import { add, InvalidArgumentError, ShapeError, type Tensor, type Variable } from '@tessera/core';
import { activationConfig } from '../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { Layer, type LayerOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import { assertChannelsLast, type ConvPadding, normalizeTuple, windowOutputLength } from '../util/conv-utils';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { WeightSettings } from './weight-settings';

/** The options every convolution layer shares; each layer narrows the tuple types to its rank. */
export interface BaseConvOptions extends LayerOptions {
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  padding?: ConvPadding;
  dilationRate?: number | readonly number[];
  /** Only 'channelsLast' (the default) is implemented. */
  dataFormat?: 'channelsLast';
  activation?: ActivationName | ActivationFunction;
  useBias?: boolean;
  biasInitializer?: InitializerName | Initializer;
  biasRegularizer?: RegularizerIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/** What a subclass allows beyond the common 'valid'/'same' convolution. */
export interface ConvCapabilities {
  /** The Keras class name, for error messages raised before `className` is usable. */
  context: string;
  rank: 1 | 2;
  allowCausal?: boolean;
  allowDilation?: boolean;
}

/** Strides, padding and dilations as the 2-D convolution ops take them. */
interface PlanarWindowOptions {
  strides: [number, number];
  padding: 'valid' | 'same';
  dilations: [number, number];
}

/**
 * Shared plumbing of the convolution layers: window options, the bias, the activation and their config. Subclasses
 * create their kernels in `build` (calling `buildBias`), convolve in `call` and finish with `biasAndActivate`.
 */
export abstract class BaseConv extends Layer {
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  readonly dilationRate: number[];
  readonly useBias: boolean;
  protected readonly activation: ActivationFunction;
  protected readonly biasSettings: WeightSettings;
  protected bias: Variable | undefined;
  private readonly activationIdentifier: ActivationName | ActivationFunction;

  constructor(kind: string, options: BaseConvOptions, capabilities: ConvCapabilities) {
    super(kind, options);
    const context = capabilities.context;
    const rank = capabilities.rank;
    this.kernelSize = normalizeTuple(options?.kernelSize, rank, context, 'kernelSize');
    this.strides = normalizeTuple(options.strides ?? 1, rank, context, 'strides');
    this.dilationRate = normalizeTuple(options.dilationRate ?? 1, rank, context, 'dilationRate');
    const padding = options.padding ?? 'valid';
    const paddings: ConvPadding[] = capabilities.allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
    if (!paddings.includes(padding)) {
      throw new InvalidArgumentError(
        `${context}: padding must be ${paddings.map((name) => `'${name}'`).join(' or ')}, got ${String(padding)}`,
      );
    }
    this.padding = padding;
    const dilated = this.dilationRate.some((rate) => rate > 1);
    if (dilated && !capabilities.allowDilation) {
      throw new InvalidArgumentError(`${context}: dilationRate must be 1, got ${JSON.stringify(options.dilationRate)}`);
    }
    // Keras refuses this combination too: strided atrous convolution has no consistent definition there.
    if (dilated && this.strides.some((stride) => stride > 1)) {
      throw new InvalidArgumentError(
        `${context}: strides > 1 cannot be combined with dilationRate > 1, got strides ${JSON.stringify(options.strides)} and dilationRate ${JSON.stringify(options.dilationRate)}`,
      );
    }
    assertChannelsLast(options.dataFormat, context);
    this.useBias = options.useBias ?? true;
    this.activationIdentifier = options.activation ?? 'linear';
    this.activation = getActivation(this.activationIdentifier, context);
    this.biasSettings = new WeightSettings(
      {
        initializer: options.biasInitializer,
        regularizer: options.biasRegularizer,
        constraint: options.biasConstraint,
      },
      'zeros',
      context,
    );
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dilationRate: [...this.dilationRate],
      dataFormat: 'channelsLast',
      activation: activationConfig(this.activationIdentifier, `${this.className} (${this.name})`),
      useBias: this.useBias,
      ...this.biasSettings.config('bias'),
    };
  }

  /** Checks the input is [batch, ...spatial, channels] with known channels and returns the channel count. */
  protected inputChannels(inputShape: SymbolicShape): number {
    const rank = this.kernelSize.length;
    const channels = inputShape[rank + 1];
    if (inputShape.length !== rank + 2 || channels === null) {
      const layout = rank === 1 ? '[batch, width, channels]' : '[batch, height, width, channels]';
      throw new ShapeError(
        `${this.className} (${this.name}): expected input ${layout} with known channels, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    return channels;
  }

  /** Adds a weight initialized, regularized and constrained as `settings` say. */
  protected addSettingsWeight(name: string, shape: number[], settings: WeightSettings): Variable {
    return this.addWeight(name, shape, settings.initializer, settings.weightOptions);
  }

  protected buildBias(size: number): void {
    if (!this.useBias) return;
    this.bias = this.addSettingsWeight('bias', [size], this.biasSettings);
  }

  /** [batch, ...spatial lengths after the window, channels], as Keras computes the spatial lengths. */
  protected windowOutputShape(inputShape: SymbolicShape, channels: number | null): SymbolicShape {
    const spatial = this.kernelSize.map((size, position) =>
      windowOutputLength(
        inputShape[position + 1],
        size,
        this.strides[position],
        this.padding,
        this.dilationRate[position],
      ),
    );
    return [inputShape[0], ...spatial, channels];
  }

  /** The window as conv2d, depthwiseConv2d and conv2dTranspose take it ('causal' is Conv1D's alone). */
  protected planarWindowOptions(): PlanarWindowOptions {
    const [strideHeight, strideWidth] = this.strides;
    const [dilationHeight, dilationWidth] = this.dilationRate;
    return {
      strides: [strideHeight, strideWidth],
      padding: this.padding === 'same' ? 'same' : 'valid',
      dilations: [dilationHeight, dilationWidth],
    };
  }

  protected biasAndActivate(convolved: Tensor): Tensor {
    return this.activation(this.bias === undefined ? convolved : add(convolved, this.bias));
  }
}
