import { add, InvalidArgumentError, matmul, reshape, ShapeError, type Tensor, type Variable } from '@tessera/core';
import { activationConfig } from '../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../activations/get-activation';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { WeightSettings } from './weight-settings';

export interface DenseOptions extends LayerOptions {
  units: number;
  activation?: ActivationName | ActivationFunction;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/** `activation(input · kernel + bias)` on the last axis; leading axes are treated as batch axes. */
export class Dense extends Layer {
  readonly units: number;
  readonly useBias: boolean;
  private readonly activationIdentifier: ActivationName | ActivationFunction;
  private readonly activation: ActivationFunction;
  private readonly kernelSettings: WeightSettings;
  private readonly biasSettings: WeightSettings;
  private kernel: Variable | undefined;
  private bias: Variable | undefined;

  constructor(options: DenseOptions) {
    super('dense', options);
    if (!Number.isInteger(options?.units) || options.units < 1) {
      throw new InvalidArgumentError(`Dense: units must be a positive integer, got ${String(options?.units)}`);
    }
    this.units = options.units;
    this.useBias = options.useBias ?? true;
    this.activationIdentifier = options.activation ?? 'linear';
    this.activation = getActivation(this.activationIdentifier, 'Dense');
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      'Dense',
    );
    this.biasSettings = new WeightSettings(
      {
        initializer: options.biasInitializer,
        regularizer: options.biasRegularizer,
        constraint: options.biasConstraint,
      },
      'zeros',
      'Dense',
    );
  }

  /** Works per example and per step, so an input mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  get className(): string {
    return 'Dense';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: activationConfig(this.activationIdentifier, `Dense (${this.name})`),
      useBias: this.useBias,
      ...this.kernelSettings.config('kernel'),
      ...this.biasSettings.config('bias'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const inputSize = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputSize === null || inputSize === undefined) {
      throw new ShapeError(
        `Dense (${this.name}): expected an input of rank >= 2 with a known last axis, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    const kernel = this.kernelSettings;
    this.kernel = this.addWeight('kernel', [inputSize, this.units], kernel.initializer, kernel.weightOptions);
    if (this.useBias) {
      const bias = this.biasSettings;
      this.bias = this.addWeight('bias', [this.units], bias.initializer, bias.weightOptions);
    }
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: SymbolicShape): SymbolicShape {
    return [...inputShape.slice(0, -1), this.units];
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    const kernel = this.kernel as Variable;
    // matmul wants rank 2 here; extra leading axes are folded into the batch and restored afterwards.
    const flat = input.rank === 2 ? input : reshape(input, [-1, input.shape[input.rank - 1]]);
    const product = matmul(flat, kernel);
    const biased = this.bias === undefined ? product : add(product, this.bias);
    const activated = this.activation(biased);
    if (input.rank === 2) return activated;
    return reshape(activated, [...input.shape.slice(0, -1), this.units]);
  }
}
