import { InvalidArgumentError } from '@tessera/core';
import { binaryCrossentropy } from './binary-crossentropy';
import { categoricalCrossentropy } from './categorical-crossentropy';
import type { LossFunction } from './loss-function';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanSquaredError } from './mean-squared-error';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

export type LossName =
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy';

const losses: Record<LossName, LossFunction> = {
  meanSquaredError,
  meanAbsoluteError,
  binaryCrossentropy: (yTrue, yPred) => binaryCrossentropy(yTrue, yPred),
  categoricalCrossentropy: (yTrue, yPred) => categoricalCrossentropy(yTrue, yPred),
  sparseCategoricalCrossentropy: (yTrue, yPred) => sparseCategoricalCrossentropy(yTrue, yPred),
};

export function getLoss(identifier: LossName | LossFunction, context: string): LossFunction {
  if (typeof identifier === 'function') return identifier;
  const loss = Object.hasOwn(losses, identifier) ? losses[identifier] : undefined;
  if (loss === undefined) {
    throw new InvalidArgumentError(
      `${context}: unknown loss '${String(identifier)}', expected one of ${Object.keys(losses).join(', ')} or a function`,
    );
  }
  return loss;
}
