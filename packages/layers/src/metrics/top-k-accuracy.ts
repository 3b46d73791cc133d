import { cast, greater, InvalidArgumentError, less, mean, mul, oneHot, sum, Tensor, tidy } from '@tessera/core';
import type { MetricFunction } from './get-metric';

export interface TopKOptions {
  /** How many of the highest scores count as a hit. */
  k?: number;
}

/** What sets one top-k metric apart: its name, its bound metric function and how it reads the true classes. */
export interface TopKVariant {
  functionName: string;
  /** Wraps checked options as a metric function; each variant names its own, as metric logs are keyed on it. */
  bind: (options: TopKOptions) => MetricFunction;
  /** The true class index of each example, after checking yTrue against yPred. */
  targets: (yTrue: Tensor, yPred: Tensor) => Tensor;
}

/**
 * The body both top-k metrics share: called with options it returns a bound metric function; called with
 * (yTrue, yPred, options) it returns the fraction of examples whose true class is among the k highest scores.
 */
export function topKAccuracy(
  variant: TopKVariant,
  first: Tensor | TopKOptions | undefined,
  yPred: Tensor | undefined,
  options: TopKOptions,
): Tensor | MetricFunction {
  const { functionName } = variant;
  if (!(first instanceof Tensor)) {
    const bound = first ?? {};
    checkK(bound, functionName);
    return variant.bind(bound);
  }
  if (!(yPred instanceof Tensor)) {
    throw new InvalidArgumentError(`${functionName}: yPred must be a Tensor, got ${String(yPred)}`);
  }
  const k = checkK(options, functionName);
  return tidy(() => inTopK(variant.targets(first, yPred), yPred, k));
}

/** The mean over examples of "fewer than k classes score strictly above the target class". */
function inTopK(targets: Tensor, yPred: Tensor, k: number): Tensor {
  const classes = yPred.shape[yPred.rank - 1];
  const targetScore = sum(mul(oneHot(targets, classes, 1, 0, 'float32'), yPred), -1, true);
  const strictlyHigher = sum(cast(greater(yPred, targetScore), 'float32'), -1);
  return mean(cast(less(strictlyHigher, k), 'float32'));
}

function checkK(options: TopKOptions, functionName: string): number {
  const k = options.k ?? 5;
  if (!(Number.isInteger(k) && k >= 1)) {
    throw new InvalidArgumentError(`${functionName}: k must be a positive integer, got ${k}`);
  }
  return k;
}
