import { abs, add, div, maximum, mul, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertNonNegative, assertUnitInterval } from './validate-config';

export interface AdamaxOptions extends OptimizerOptions {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Adamax (Kingma & Ba, §7), as Keras and tfjs: `m = β1·m + (1-β1)·g`, `u = max(β2·u, |g|)`,
 * `w -= lr / (1 - β1^t) · m / (u + ε)`. Default learning rate 0.001 as Keras (tfjs uses 0.002).
 */
export class Adamax extends Optimizer {
  readonly name = 'adamax';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamaxOptions = {}) {
    super('adamax', options, 0.001);
    this.beta1 = assertUnitInterval('adamax', 'beta1', options.beta1 ?? 0.9);
    this.beta2 = assertUnitInterval('adamax', 'beta2', options.beta2 ?? 0.999);
    this.epsilon = assertNonNegative('adamax', 'epsilon', options.epsilon ?? 1e-7);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number, step: number): void {
    const firstMoment = this.slot(target, 'm');
    const infinityNorm = this.slot(target, 'u');
    const newFirst = add(mul(firstMoment, this.beta1), mul(gradient, 1 - this.beta1));
    const newNorm = maximum(mul(infinityNorm, this.beta2), abs(gradient));
    firstMoment.assign(newFirst);
    infinityNorm.assign(newNorm);
    const stepSize = learningRate / (1 - this.beta1 ** step);
    target.assign(sub(target, div(mul(newFirst, stepSize), add(newNorm, this.epsilon))));
  }
}

export function adamax(options: AdamaxOptions = {}): Adamax {
  return new Adamax(options);
}
