import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertNonNegative, assertUnitInterval } from './validate-config';

export interface AdadeltaOptions extends OptimizerOptions {
  rho?: number;
  epsilon?: number;
}

/**
 * Adadelta (Zeiler), as Keras and tfjs: `Eg² = ρ·Eg² + (1-ρ)·g²`,
 * `Δ = sqrt(EΔ² + ε) / sqrt(Eg² + ε) · g`, `EΔ² = ρ·EΔ² + (1-ρ)·Δ²`, `w -= lr·Δ`.
 */
export class Adadelta extends Optimizer {
  readonly name = 'adadelta';
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: AdadeltaOptions = {}) {
    super('adadelta', options, 0.001);
    this.rho = assertUnitInterval('adadelta', 'rho', options.rho ?? 0.95, true);
    this.epsilon = assertNonNegative('adadelta', 'epsilon', options.epsilon ?? 1e-7);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { rho: this.rho, epsilon: this.epsilon };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number): void {
    const gradientAverage = this.slot(target, 'accumulated_grad');
    const updateAverage = this.slot(target, 'accumulated_update');
    const newGradientAverage = add(mul(gradientAverage, this.rho), mul(square(gradient), 1 - this.rho));
    gradientAverage.assign(newGradientAverage);
    const update = mul(
      div(sqrt(add(updateAverage, this.epsilon)), sqrt(add(newGradientAverage, this.epsilon))),
      gradient,
    );
    updateAverage.assign(add(mul(updateAverage, this.rho), mul(square(update), 1 - this.rho)));
    target.assign(sub(target, mul(update, learningRate)));
  }
}

export function adadelta(options: AdadeltaOptions = {}): Adadelta {
  return new Adadelta(options);
}
