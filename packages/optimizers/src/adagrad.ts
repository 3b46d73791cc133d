import { add, div, mul, sqrt, square, sub, type Tensor, type Variable } from '@tessera/core';
import { Optimizer, type OptimizerOptions } from './optimizer';
import { assertNonNegative } from './validate-config';

export interface AdagradOptions extends OptimizerOptions {
  /** Starting value of the squared-gradient sum; > 0 keeps the first steps finite. */
  initialAccumulatorValue?: number;
  epsilon?: number;
}

/** Adagrad (Duchi et al.), as Keras and tfjs: `acc += g²; w -= lr·g / sqrt(acc + ε)`. */
export class Adagrad extends Optimizer {
  readonly name = 'adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  constructor(options: AdagradOptions = {}) {
    super('adagrad', options, 0.001);
    this.initialAccumulatorValue = assertNonNegative(
      'adagrad',
      'initialAccumulatorValue',
      options.initialAccumulatorValue ?? 0.1,
    );
    this.epsilon = assertNonNegative('adagrad', 'epsilon', options.epsilon ?? 1e-7);
  }

  protected ownConfig(): Record<string, number | boolean> {
    return { initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }

  protected applyUpdate(target: Variable, gradient: Tensor, learningRate: number): void {
    const accumulator = this.slot(target, 'accumulator', this.initialAccumulatorValue);
    const newAccumulator = add(accumulator, square(gradient));
    accumulator.assign(newAccumulator);
    const update = div(mul(gradient, learningRate), sqrt(add(newAccumulator, this.epsilon)));
    target.assign(sub(target, update));
  }
}

export function adagrad(options: AdagradOptions = {}): Adagrad {
  return new Adagrad(options);
}
