import { InvalidArgumentError, ShapeError, type Tensor } from '@tessera/core';
import { activationConfig } from '../../activations/activation-config';
import { type ActivationFunction, type ActivationName, getActivation } from '../../activations/get-activation';
import type { ConstraintIdentifier } from '../../constraints/get-constraint';
import type { InitializerName } from '../../initializers/get-initializer';
import type { Initializer } from '../../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../../layer';
import type { RegularizerIdentifier } from '../../regularizers/get-regularizer';
import type { LayerConfig } from '../../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../../util/shape-format';
import { WeightSettings } from '../weight-settings';

/** Options every recurrent cell takes (tfjs-layers' names). */
export interface RecurrentCellOptions extends LayerOptions {
  units: number;
  activation?: ActivationName | ActivationFunction;
  useBias?: boolean;
  kernelInitializer?: InitializerName | Initializer;
  recurrentInitializer?: InitializerName | Initializer;
  biasInitializer?: InitializerName | Initializer;
  kernelRegularizer?: RegularizerIdentifier;
  recurrentRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  recurrentConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
  /** Fraction of the input features dropped while training; one mask per call, reused at every step. */
  dropout?: number;
  /** Fraction of the previous output dropped in the recurrent product while training. */
  recurrentDropout?: number;
  /** Makes the dropout masks reproducible: call n draws with seeds derived from seed + n. */
  seed?: number;
}

/** Options of cells with gates (LSTM, GRU). */
export interface GatedCellOptions extends RecurrentCellOptions {
  recurrentActivation?: ActivationName | ActivationFunction;
}

/** A step's new states and the intermediates its gradient needs. */
export interface CachedStep {
  states: Tensor[];
  cache: Tensor[];
}

/** See `RecurrentCell.cachedBackward`. */
export interface CachedBackward {
  step(projected: Tensor, states: Tensor[], recurrent: Tensor[], recurrentMask: Tensor | undefined): CachedStep;
  gradient(cache: Tensor[], previousStates: Tensor[], stateGradients: Tensor[]): PreactivationGradient;
}

export interface PreactivationGradient {
  preactivation: Tensor;
  /** Per previous state: its gradient other than through the recurrent product, or undefined when none. */
  previousStates: Array<Tensor | undefined>;
}

function assertRate(value: unknown, option: string, context: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new InvalidArgumentError(`${context}: ${option} must be a number in [0, 1), got ${String(value)}`);
  }
  return value;
}

/**
 * One step of a recurrence, split so that the `RNN` layer can run it fast: `projectInputs` maps the inputs of
 * ALL steps at once (one matmul), `recurrentTensors` prepares what every step reuses (the recurrent kernel),
 * and `step` is the per-step update from the projected input and the previous states. States[0] is the output.
 */
export abstract class RecurrentCell extends Layer {
  readonly units: number;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed: number | undefined;
  protected readonly activationIdentifier: ActivationName | ActivationFunction;
  protected readonly activation: ActivationFunction;
  protected readonly kernelSettings: WeightSettings;
  protected readonly recurrentSettings: WeightSettings;
  protected readonly biasSettings: WeightSettings;

  constructor(kind: string, context: string, options: RecurrentCellOptions) {
    super(kind, options);
    if (!Number.isInteger(options?.units) || options.units < 1) {
      throw new InvalidArgumentError(`${context}: units must be a positive integer, got ${String(options?.units)}`);
    }
    this.units = options.units;
    this.useBias = options.useBias ?? true;
    if (typeof this.useBias !== 'boolean') {
      throw new InvalidArgumentError(`${context}: useBias must be a boolean, got ${String(options.useBias)}`);
    }
    this.dropout = assertRate(options.dropout ?? 0, 'dropout', context);
    this.recurrentDropout = assertRate(options.recurrentDropout ?? 0, 'recurrentDropout', context);
    if (options.seed !== undefined && !(Number.isSafeInteger(options.seed) && options.seed >= 0)) {
      throw new InvalidArgumentError(
        `${context}: seed must be a non-negative safe integer, got ${String(options.seed)}`,
      );
    }
    this.seed = options.seed;
    this.activationIdentifier = options.activation ?? 'tanh';
    this.activation = getActivation(this.activationIdentifier, context);
    this.kernelSettings = new WeightSettings(
      {
        initializer: options.kernelInitializer,
        regularizer: options.kernelRegularizer,
        constraint: options.kernelConstraint,
      },
      'glorotUniform',
      context,
    );
    this.recurrentSettings = new WeightSettings(
      {
        initializer: options.recurrentInitializer,
        regularizer: options.recurrentRegularizer,
        constraint: options.recurrentConstraint,
      },
      'orthogonal',
      context,
    );
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

  /** The size of each state, in order; the first state is also the output of a step. */
  abstract get stateSizes(): number[];

  /** The per-step input contribution for inputs of every step at once: [rows, inputSize] → [rows, width]. */
  abstract projectInputs(inputs: Tensor): Tensor;

  /** Tensors derived from the weights that every step reads (recorded once per call, outside the loop). */
  abstract recurrentTensors(): Tensor[];

  /**
   * One step: the new states from this step's projected input [batch, width], the previous states and the
   * tensors of `recurrentTensors`. `recurrentMask` (dropout, [batch, units]) scales the previous output where
   * it enters the recurrent product.
   */
  abstract step(projected: Tensor, states: Tensor[], recurrent: Tensor[], recurrentMask: Tensor | undefined): Tensor[];

  /**
   * Optional fast path for training. A cell whose pre-activation is `projected + (previous output · recurrent
   * mask) · recurrent[0]` may return, with the new states, what `preactivationGradient` needs to turn the
   * gradients of the new states into the gradient of that pre-activation (and the direct gradients of the
   * previous states, other than through the recurrent product). The loop then skips recomputing each step and
   * gets the recurrent kernel's gradient from one matmul over all steps. Undefined: the generic path.
   */
  cachedBackward(): CachedBackward | undefined {
    return undefined;
  }

  /** Creates the weights for inputs of `inputSize` features. */
  protected abstract createWeights(inputSize: number): void;

  override getConfig(): LayerConfig {
    const config: LayerConfig = {
      ...super.getConfig(),
      units: this.units,
      activation: activationConfig(this.activationIdentifier, `${this.className} (${this.name})`),
      useBias: this.useBias,
      ...this.kernelSettings.config('kernel'),
      ...this.recurrentSettings.config('recurrent'),
      ...this.biasSettings.config('bias'),
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
    };
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }

  override build(inputShape: SymbolicShape): void {
    const inputSize = inputShape[inputShape.length - 1];
    if (inputShape.length !== 2 || inputSize === null || inputSize === undefined) {
      throw new ShapeError(
        `${this.className} (${this.name}): expected [batch, features] with known features, got ${formatSymbolicShape(inputShape)}`,
      );
    }
    this.createWeights(inputSize);
    super.build(inputShape);
  }

  /** A cell on its own takes `[input, ...states]` and returns the step's output (use an RNN for sequences). */
  override buildFromShapes(inputShapes: readonly SymbolicShape[]): void {
    this.build(inputShapes[0]);
    this.markBuilt(inputShapes);
  }

  override callOnInputs(inputs: readonly Tensor[], _options: CallOptions): Tensor {
    const sizes = this.stateSizes;
    if (inputs.length !== 1 + sizes.length) {
      throw new InvalidArgumentError(
        `${this.className} (${this.name}): expected [input, ${sizes.length} state(s)], got ${inputs.length} tensor(s)`,
      );
    }
    return this.step(this.projectInputs(inputs[0]), inputs.slice(1), this.recurrentTensors(), undefined)[0];
  }

  override outputShapeFor(inputShapes: readonly SymbolicShape[]): SymbolicShape {
    return [inputShapes[0][0], this.units];
  }
}
