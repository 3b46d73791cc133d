import { InvalidArgumentError, type Tensor, type Variable } from '@tessera/core';
import { createOptimizer, type OptimizerName, type OptimizerState } from '@tessera/optimizers';

/** What training needs from an optimizer; `@tessera/optimizers`' `Optimizer` satisfies it. */
export interface OptimizerLike {
  step(gradients: Record<string, Tensor> | Map<Variable, Tensor>): void;
  /** A number, or a schedule of the step count; callbacks such as reduceLROnPlateau change it. */
  learningRate?: number | ((step: number) => number);
  /** Save/restore, so `model.save(url, { includeOptimizer: true })` can resume training exactly. */
  getState?(): Promise<OptimizerState>;
  setState?(state: OptimizerState): Promise<void>;
  dispose?(): void;
}

/** A registry name gets that optimizer with its default settings; an optimizer object is used as given. */
export function resolveOptimizer(identifier: OptimizerName | OptimizerLike): OptimizerLike {
  if (typeof identifier === 'string') return createOptimizer(identifier);
  if (typeof identifier === 'object' && identifier !== null && typeof identifier.step === 'function') {
    return identifier;
  }
  throw new InvalidArgumentError(
    `compile: optimizer must be a name ('adam', 'sgd', ...) or an object with a step(gradients) method, got ${String(identifier)}`,
  );
}
