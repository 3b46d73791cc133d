import {
  add,
  batchNorm,
  InvalidArgumentError,
  moments,
  mul,
  reshape,
  ShapeError,
  type Tensor,
  tidy,
  type Variable,
} from '@tessera/core';
import type { ConstraintIdentifier } from '../constraints/get-constraint';
import type { InitializerName } from '../initializers/get-initializer';
import type { Initializer } from '../initializers/initializer';
import { type CallOptions, Layer, type LayerOptions } from '../layer';
import type { RegularizerIdentifier } from '../regularizers/get-regularizer';
import type { LayerConfig } from '../util/json-value';
import { formatSymbolicShape, type SymbolicShape } from '../util/shape-format';
import { WeightSettings } from './weight-settings';

export interface BatchNormalizationOptions extends LayerOptions {
  /** The features axis, normalized per entry (default -1: channels last). */
  axis?: number;
  /** Weight of the old moving statistics in each update (default 0.99). */
  momentum?: number;
  /** Added to the variance before the square root (default 0.001). */
  epsilon?: number;
  /** Whether to add the learned offset beta (default true). */
  center?: boolean;
  /** Whether to multiply by the learned gamma (default true). */
  scale?: boolean;
  betaInitializer?: InitializerName | Initializer;
  gammaInitializer?: InitializerName | Initializer;
  movingMeanInitializer?: InitializerName | Initializer;
  movingVarianceInitializer?: InitializerName | Initializer;
  betaRegularizer?: RegularizerIdentifier;
  gammaRegularizer?: RegularizerIdentifier;
  betaConstraint?: ConstraintIdentifier;
  gammaConstraint?: ConstraintIdentifier;
}

function assertNumberIn(value: unknown, option: string, low: number, high: number, inclusiveHigh: boolean): number {
  const valid = typeof value === 'number' && value >= low && (inclusiveHigh ? value <= high : value < high);
  if (!valid) {
    const interval = `[${low}, ${high}${inclusiveHigh ? ']' : ')'}`;
    throw new InvalidArgumentError(
      `BatchNormalization: ${option} must be a number in ${interval}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Normalizes each feature with the batch's statistics while training (and folds them into moving averages), and
 * with the moving averages at inference, then applies gamma and beta, as Keras's BatchNormalization.
 */
export class BatchNormalization extends Layer {
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly gammaSettings: WeightSettings;
  private readonly betaSettings: WeightSettings;
  private readonly movingMeanSettings: WeightSettings;
  private readonly movingVarianceSettings: WeightSettings;
  private gamma: Variable | undefined;
  private beta: Variable | undefined;
  private movingMean: Variable | undefined;
  private movingVariance: Variable | undefined;
  /** The axis counted from the front, known once built. */
  private featureAxis = -1;

  constructor(options: BatchNormalizationOptions = {}) {
    super('batch_normalization', options);
    const axis = options.axis ?? -1;
    if (!Number.isInteger(axis)) {
      throw new InvalidArgumentError(`BatchNormalization: axis must be an integer, got ${String(axis)}`);
    }
    this.axis = axis;
    this.momentum = assertNumberIn(options.momentum ?? 0.99, 'momentum', 0, 1, true);
    this.epsilon = assertNumberIn(options.epsilon ?? 0.001, 'epsilon', 0, Number.POSITIVE_INFINITY, false);
    this.center = options.center ?? true;
    this.scale = options.scale ?? true;
    const context = 'BatchNormalization';
    this.gammaSettings = new WeightSettings(
      {
        initializer: options.gammaInitializer,
        regularizer: options.gammaRegularizer,
        constraint: options.gammaConstraint,
      },
      'ones',
      context,
    );
    this.betaSettings = new WeightSettings(
      {
        initializer: options.betaInitializer,
        regularizer: options.betaRegularizer,
        constraint: options.betaConstraint,
      },
      'zeros',
      context,
    );
    this.movingMeanSettings = new WeightSettings({ initializer: options.movingMeanInitializer }, 'zeros', context);
    this.movingVarianceSettings = new WeightSettings(
      { initializer: options.movingVarianceInitializer },
      'ones',
      context,
    );
  }

  /** Works per example and per step, so an input mask still describes the output. */
  protected override get supportsMasking(): boolean {
    return true;
  }

  get className(): string {
    return 'BatchNormalization';
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      ...this.gammaSettings.config('gamma'),
      ...this.betaSettings.config('beta'),
      ...this.movingMeanSettings.config('movingMean'),
      ...this.movingVarianceSettings.config('movingVariance'),
    };
  }

  override build(inputShape: SymbolicShape): void {
    const rank = inputShape.length;
    const featureAxis = this.axis < 0 ? this.axis + rank : this.axis;
    const size = inputShape[featureAxis];
    if (rank < 2 || featureAxis < 1 || featureAxis >= rank || size === null || size === undefined) {
      throw new ShapeError(
        `BatchNormalization (${this.name}): axis ${this.axis} must be a non-batch axis of known size, got input ${formatSymbolicShape(inputShape)}`,
      );
    }
    this.featureAxis = featureAxis;
    // Keras's order, so getWeights/setWeights line up with Keras and tfjs.
    if (this.scale) {
      this.gamma = this.addWeight('gamma', [size], this.gammaSettings.initializer, this.gammaSettings.weightOptions);
    }
    if (this.center) {
      this.beta = this.addWeight('beta', [size], this.betaSettings.initializer, this.betaSettings.weightOptions);
    }
    // Statistics, not parameters: no optimizer may touch them.
    this.movingMean = this.addWeight('moving_mean', [size], this.movingMeanSettings.initializer, { trainable: false });
    this.movingVariance = this.addWeight('moving_variance', [size], this.movingVarianceSettings.initializer, {
      trainable: false,
    });
    super.build(inputShape);
  }

  override call(input: Tensor, options: CallOptions): Tensor {
    const rank = input.rank;
    const reductionAxes = Array.from({ length: rank }, (_, axis) => axis).filter((axis) => axis !== this.featureAxis);
    // Per-feature vectors broadcast against the input only when the features are the last axis.
    const broadcastShape = input.shape.map((size, axis) => (axis === this.featureAxis ? size : 1));
    const toBroadcast = (vector: Tensor): Tensor =>
      this.featureAxis === rank - 1 ? vector : reshape(vector, broadcastShape);
    const gamma = this.gamma === undefined ? undefined : toBroadcast(this.gamma);
    const beta = this.beta === undefined ? undefined : toBroadcast(this.beta);
    const movingMean = this.movingMean as Variable;
    const movingVariance = this.movingVariance as Variable;
    // A frozen BatchNormalization runs in inference mode even during fit, as in Keras 2+: fine-tuning a
    // pretrained network must not re-estimate (and wreck) its statistics on small new batches.
    if (!options.training || !this.trainable) {
      return batchNorm(input, toBroadcast(movingMean), toBroadcast(movingVariance), beta, gamma, this.epsilon);
    }
    const batch = moments(input, reductionAxes);
    this.updateMovingAverage(movingMean, batch.mean);
    this.updateMovingAverage(movingVariance, batch.variance);
    return batchNorm(input, toBroadcast(batch.mean), toBroadcast(batch.variance), beta, gamma, this.epsilon);
  }

  /** Keras's rule: moving = moving · momentum + batch · (1 − momentum). */
  private updateMovingAverage(moving: Variable, batchValue: Tensor): void {
    tidy(() => {
      moving.assign(add(mul(moving, this.momentum), mul(batchValue, 1 - this.momentum)));
    });
  }
}
