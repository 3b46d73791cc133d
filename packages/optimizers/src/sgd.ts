import { add, mul, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertBoolean, assertNonNegative } from './validate-config';

export interface SgdOptions extends OptimizerOptions {
  /** Default 0.01, as Keras. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Velocity decay; 0 is plain gradient descent. */
  momentum?: number;
  /** Look-ahead momentum (Sutskever et al.): the step uses the velocity one step ahead. */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent with optional (Nesterov) momentum, in Keras's form:
 * `v = momentum * v - lr * g; w += v` (Nesterov: `w += momentum * v - lr * g`). With a constant rate this
 * equals tfjs's `v = momentum * v + g; w -= lr * v`; Keras's form keeps a schedule's change out of the
 * accumulated velocity.
 */
export class SGD extends Optimizer {
  readonly name = 'sgd';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SgdOptions = {}) {
    super('sgd', options, 0.01);
    this.momentum = assertNonNegative('sgd', 'momentum', options.momentum ?? 0);
    this.nesterov = assertBoolean('sgd', 'nesterov', options.nesterov ?? false);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { momentum: this.momentum, nesterov: this.nesterov };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number): void {
    if (this.momentum === 0) {
      target.assign(sub(target, mul(gradient, learningRate)));
      return;
    }
    const velocity = this.slot(target, 'momentum');
    const newVelocity = sub(mul(velocity, this.momentum), mul(gradient, learningRate));
    velocity.assign(newVelocity);
    const change = this.nesterov ? sub(mul(newVelocity, this.momentum), mul(gradient, learningRate)) : newVelocity;
    target.assign(add(target, change));
  }
}

export function sgd(options: SgdOptions = {}): SGD {
  return new SGD(options);
}
