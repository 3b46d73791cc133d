import { abs, add, InvalidArgumentError, mul, scalar, square, sum, type Tensor, tidy } from '@tessera/core';
import type { Regularizer } from './regularizer';

export interface L1L2Options {
  /** Weight of the sum of absolute values. Default 0.01. */
  l1?: number;
  /** Weight of the sum of squares. Default 0.01. */
  l2?: number;
}

function assertFactor(value: unknown, option: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(`${context}: ${option} must be a non-negative finite number, got ${String(value)}`);
  }
  return value;
}

/** Keras' L1L2 penalty: `l1 · Σ|w| + l2 · Σw²`; `name` is what `config` records (`l1`, `l2` or `l1l2`). */
export function makeL1L2(l1: number, l2: number, name: 'l1' | 'l2' | 'l1l2'): Regularizer {
  assertFactor(l1, 'l1', name);
  assertFactor(l2, 'l2', name);
  const penalty = (weight: Tensor): Tensor =>
    tidy(() => {
      const absolute = mul(scalar(l1), sum(abs(weight)));
      const squared = mul(scalar(l2), sum(square(weight)));
      return add(absolute, squared);
    });
  const config: Regularizer['config'] = name === 'l1' ? { name, l1 } : name === 'l2' ? { name, l2 } : { name, l1, l2 };
  return Object.assign(penalty, { config });
}

/** Both penalties: `l1 · Σ|w| + l2 · Σw²`, each factor 0.01 unless given (as Keras). */
export function l1l2(options: L1L2Options = {}): Regularizer {
  return makeL1L2(options.l1 ?? 0.01, options.l2 ?? 0.01, 'l1l2');
}
