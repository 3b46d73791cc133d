import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertBoolean, assertNonNegative, assertUnitInterval } from './validate-config';

export interface RmspropOptions extends OptimizerOptions {
  /** Decay of the running mean of squared gradients (tfjs calls it `decay`). */
  rho?: number;
  momentum?: number;
  epsilon?: number;
  /** Normalize by the estimated variance (mean of g² minus the squared mean of g) instead of the raw mean of g². */
  centered?: boolean;
}

/**
 * RMSprop (Hinton), as Keras and tfjs: `ms = ρ·ms + (1-ρ)·g²`, `increment = lr·g / sqrt(ms + ε)`
 * (centered: `sqrt(ms - mg² + ε)`), then with momentum `mom = momentum·mom + increment; w -= mom`.
 */
export class RMSprop extends Optimizer {
  readonly name = 'rmsprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;

  constructor(options: RmspropOptions = {}) {
    super('rmsprop', options, 0.001);
    this.rho = assertUnitInterval('rmsprop', 'rho', options.rho ?? 0.9, true);
    this.momentum = assertNonNegative('rmsprop', 'momentum', options.momentum ?? 0);
    this.epsilon = assertNonNegative('rmsprop', 'epsilon', options.epsilon ?? 1e-7);
    this.centered = assertBoolean('rmsprop', 'centered', options.centered ?? false);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number): void {
    const meanSquare = this.slot(target, 'rms');
    const newMeanSquare = add(mul(meanSquare, this.rho), mul(square(gradient), 1 - this.rho));
    meanSquare.assign(newMeanSquare);
    let denominator = newMeanSquare;
    if (this.centered) {
      const meanGradient = this.slot(target, 'mg');
      const newMeanGradient = add(mul(meanGradient, this.rho), mul(gradient, 1 - this.rho));
      meanGradient.assign(newMeanGradient);
      denominator = sub(newMeanSquare, square(newMeanGradient));
    }
    const increment = div(mul(gradient, learningRate), sqrt(add(denominator, this.epsilon)));
    if (this.momentum === 0) {
      target.assign(sub(target, increment));
      return;
    }
    const velocity = this.slot(target, 'momentum');
    const newVelocity = add(mul(velocity, this.momentum), increment);
    velocity.assign(newVelocity);
    target.assign(sub(target, newVelocity));
  }
}

export function rmsprop(options: RmspropOptions = {}): RMSprop {
  return new RMSprop(options);
}
