import { adamUpdate, add, div, maximum, mul, sqrt, square, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertBoolean, assertNonNegative, assertUnitInterval } from './validate-config';

export interface AdamOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  /** Default 1e-7: what tfjs uses on float32 backends and Keras's default. */
  epsilon?: number;
  /** Reddi et al.: divide by the running maximum of the second moment. */
  amsgrad?: boolean;
}

/**
 * Adam (Kingma & Ba) with tfjs's placement of epsilon: `w -= lr * m̂ / (sqrt(v̂) + ε)` with bias-corrected
 * moments `m̂ = m / (1 - β1^t)`, `v̂ = v / (1 - β2^t)`. With amsgrad, `v̂` uses `max(v̂max, v)`.
 */
export class Adam extends Optimizer {
  readonly name: string = 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;

  constructor(options: AdamOptions = {}, owner = 'adam') {
    super(owner, options, 0.001);
    this.beta1 = assertUnitInterval(owner, 'beta1', options.beta1 ?? 0.9);
    this.beta2 = assertUnitInterval(owner, 'beta2', options.beta2 ?? 0.999);
    this.epsilon = assertNonNegative(owner, 'epsilon', options.epsilon ?? 1e-7);
    this.amsgrad = assertBoolean(owner, 'amsgrad', options.amsgrad ?? false);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number, step: number): void {
    const firstMoment = this.slot(target, 'm');
    const secondMoment = this.slot(target, 'v');
    // Bias corrections are computed in float64 on the host: β^t underflows nothing and costs no kernel.
    const firstCorrection = 1 - this.beta1 ** step;
    const secondCorrection = 1 - this.beta2 ** step;
    if (!this.amsgrad) {
      // One fused kernel where the backend has it (core's composite rounds the same way where it does not).
      const [newTarget, newFirst, newSecond] = adamUpdate(target, gradient, firstMoment, secondMoment, {
        beta1: this.beta1,
        beta2: this.beta2,
        epsilon: this.epsilon,
        stepSize: learningRate / firstCorrection,
        secondCorrection,
      });
      firstMoment.assign(newFirst);
      secondMoment.assign(newSecond);
      target.assign(newTarget);
      return;
    }
    const newFirst = add(mul(firstMoment, this.beta1), mul(gradient, 1 - this.beta1));
    const newSecond = add(mul(secondMoment, this.beta2), mul(square(gradient), 1 - this.beta2));
    firstMoment.assign(newFirst);
    secondMoment.assign(newSecond);
    const maximumSecond = this.slot(target, 'vhat');
    const secondForStep = maximum(maximumSecond, newSecond);
    maximumSecond.assign(secondForStep);
    const denominator = add(sqrt(div(secondForStep, secondCorrection)), this.epsilon);
    const update = div(mul(newFirst, learningRate / firstCorrection), denominator);
    target.assign(sub(target, update));
  }
}

export function adam(options: AdamOptions = {}): Adam {
  return new Adam(options);
}
