import { InvalidArgumentError, layerNorm, reshape, ShapeError, type Tensor, type Variable } from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { WeightSettings } from './weight-settings';

export interface LayerNormalizationOptions extends LayerOptions {
  /** The axis or axes normalized together, per example (default -1). */
  axis?: number | number[];
  /** Added to the variance before the square root (default 0.001). */
  epsilon?: number;
  /** Whether to add the learned offset beta (default true). */
  center?: boolean;
  /** Whether to multiply by the learned gamma (default true). */
  scale?: boolean;
  betaInitializer?: InitializerName | Initializer;
  gammaInitializer?: InitializerName | Initializer;
  betaRegularizer?: RegularizerIdentifier;
  gammaRegularizer?: RegularizerIdentifier;
  betaConstraint?: ConstraintIdentifier;
  gammaConstraint?: ConstraintIdentifier;
}

/** Normalizes each example over `axis` to zero mean and unit variance, then applies gamma and beta, as Keras. */
export class LayerNormalization extends Layer {
  readonly axis: number | readonly number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly gammaSettings: WeightSettings;
  private readonly betaSettings: WeightSettings;
  private gamma: Variable | undefined;
  private beta: Variable | undefined;
  /** The normalized axes counted from the front, in the order given (which sets the weights' shape, as Keras). */
  private normalizedAxes: number[] = [];

  constructor(options: LayerNormalizationOptions = {}) {
    super('layer_normalization', options);
    const axis = options.axis ?? -1;
    const axes = Array.isArray(axis) ? axis : [axis];
    if (axes.length === 0 || !axes.every(Number.isInteger) || new Set(axes).size !== axes.length) {
      throw new InvalidArgumentError(
        `LayerNormalization: axis must be an integer or a non-empty array of distinct integers, got ${JSON.stringify(axis)}`,
      );
    }
    this.axis = Array.isArray(axis) ? [...axis] : axis;
    const epsilon = options.epsilon ?? 0.001;
    if (typeof epsilon !== 'number' || !(epsilon >= 0) || !Number.isFinite(epsilon)) {
      throw new InvalidArgumentError(
        `LayerNormalization: epsilon must be a non-negative finite number, got ${String(epsilon)}`,
      );
    }
    this.epsilon = epsilon;
    this.center = options.center ?? true;
    this.scale = options.scale ?? true;
    this.gammaSettings = new WeightSettings(
      {
        initializer: options.gammaInitializer,
        regularizer: options.gammaRegularizer,
        constraint: options.gammaConstraint,
      },
      'ones',
      'LayerNormalization',
    );
    this.betaSettings = new WeightSettings(
      {
        initializer: options.betaInitializer,
        regularizer: options.betaRegularizer,
        constraint: options.betaConstraint,
      },
      'zeros',
      'LayerNormalization',
    );
  }

  /** Works per example and per step, so an input mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  get className(): string {
    return 'LayerNormalization';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      axis: typeof this.axis === 'number' ? this.axis : [...this.axis],
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      ...this.gammaSettings.config('gamma'),
      ...this.betaSettings.config('beta'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const rank = inputShape.length;
    const given = typeof this.axis === 'number' ? [this.axis] : this.axis;
    const axes = given.map((axis) => (axis < 0 ? axis + rank : axis));
    const sizes = axes.map((axis) => inputShape[axis]);
    const valid =
      axes.every((axis) => axis >= 1 && axis < rank) &&
      new Set(axes).size === axes.length &&
      sizes.every((size) => typeof size === 'number');
    if (!valid) {
      throw new ShapeError(
        `LayerNormalization (${this.name}): axis ${JSON.stringify(this.axis)} must name distinct non-batch axes of known size, got input ${formatSymbolicShape(inputShape)}`,
      );
    }
    this.normalizedAxes = axes;
    const parameterShape = sizes as number[];
    const { gammaSettings, betaSettings } = this;
    if (this.scale) {
      this.gamma = this.addWeight('gamma', parameterShape, gammaSettings.initializer, gammaSettings.weightOptions);
    }
    if (this.center) {
      this.beta = this.addWeight('beta', parameterShape, betaSettings.initializer, betaSettings.weightOptions);
    }
    super.build(inputShape);
  }

  override call(input: Tensor, _options: CallOptions): Tensor {
    // gamma and beta hold the normalized axes' sizes; placed on those axes (size 1 elsewhere) they broadcast.
    const broadcastShape = input.shape.map((size, axis) => (this.normalizedAxes.includes(axis) ? size : 1));
    const toBroadcast = (weight: Variable | undefined): Tensor | undefined =>
      weight === undefined ? undefined : reshape(weight, broadcastShape);
    return layerNorm(input, {
      axis: this.normalizedAxes,
      epsilon: this.epsilon,
      gamma: toBroadcast(this.gamma),
      beta: toBroadcast(this.beta),
    });
  }
}
