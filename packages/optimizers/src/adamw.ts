import { mul, sub, type Tensor, type Variable } from '@tessera/core';
import { Adam, type AdamOptions } from './adam';
import { assertNonNegative } from './validate-config';

export interface AdamWOptions extends AdamOptions {
  weightDecay?: number;
}

/**
 * AdamW (Loshchilov & Hutter): weight decay decoupled from the gradient, `w -= lr * weightDecay * w`
 * applied to the weights before the Adam step, so the decay is not rescaled by the adaptive denominator.
 * Decay uses the same scheduled learning rate as Keras's AdamW.
 */
export class AdamW extends Adam {
  override readonly name: string = 'adamw';
  readonly weightDecay: number;

  constructor(options: AdamWOptions = {}) {
    super(options, 'adamw');
    this.weightDecay = assertNonNegative('adamw', 'weightDecay', options.weightDecay ?? 0.01);
  }

  protected override ownConfig(): Record<string, number | boolean> {
    return { ...super.ownConfig(), weightDecay: this.weightDecay };
  }

  protected override applyUpdate(target: Variable, gradient: Tensor, learningRate: number, step: number): void {
    if (this.weightDecay !== 0) target.assign(sub(target, mul(target, learningRate * this.weightDecay)));
    super.applyUpdate(target, gradient, learningRate, step);
  }
}

export function adamw(options: AdamWOptions = {}): AdamW {
  return new AdamW(options);
}
