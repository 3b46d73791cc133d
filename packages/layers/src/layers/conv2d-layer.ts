import { add, conv2d, InvalidArgumentError, ShapeError, type Tensor, type Variable } from '@tessera/core';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import { getInitializer, type InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import { assertPadding, normalizePair, windowOutputLength } from '../util/conv-utils';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';

export interface Conv2DOptions extends LayerOptions {
  filters: number;
  kernelSize: number | [number, number];
  strides?: number | [number, number];
  padding?: 'valid' | 'same';
  activation?: ActivationName | ActivationFunction;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
}

/** 2-D convolution over NHWC inputs with an HWIO kernel of shape [kernelHeight, kernelWidth, inChannels, filters]. */
export class Conv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
  readonly useBias: boolean;
  private readonly activation: ActivationFunction;
  private readonly kernelInitializer: Initializer;
  private readonly biasInitializer: Initializer;
  private kernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: Conv2DOptions) {
    super('conv2d', options);
    if (!Number.isInteger(options?.filters) || options.filters < 1) {
      throw new InvalidArgumentError(`Conv2D: filters must be a positive integer, got ${String(options?.filters)}`);
    }
    this.filters = options.filters;
    this.kernelSize = normalizePair(options.kernelSize, 'Conv2D', 'kernelSize');
    this.strides = normalizePair(options.strides ?? 1, 'Conv2D', 'strides');
    const padding = options.padding ?? 'valid';
    assertPadding(padding, 'Conv2D');
    this.padding = padding;
    this.useBias = options.useBias ?? true;
    this.activation = getActivation(options.activation ?? 'linear', 'Conv2D');
    this.kernelInitializer = getInitializer(options.kernelInitializer ?? 'glorotUniform', 'Conv2D');
    this.biasInitializer = getInitializer(options.biasInitializer ?? 'zeros', 'Conv2D');
  }

  get className(): string {
    return 'Conv2D';
  }

  override build(inputShape: SymbolicShape): void {
    const channels = inputShape[3];
    if (inputShape.length !== 4 || channels === null) {
      throw new ShapeError(
        `Conv2D (${this.name}): expected input [batch, height, width, channels] with known channels, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    this.kernel = this.addWeight('kernel', [...this.kernelSize, channels, this.filters], this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasInitializer);
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return [
      inputShape[0],
      windowOutputLength(inputShape[1], this.kernelSize[0], this.strides[0], this.padding),
      windowOutputLength(inputShape[2], this.kernelSize[1], this.strides[1], this.padding),
      this.filters,
    ];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const convolved = conv2d(input, this.kernel as Variable, { strides: this.strides, padding: this.padding });
    return this.activation(this.bias === undefined ? convolved : add(convolved, this.bias));
  }
}
