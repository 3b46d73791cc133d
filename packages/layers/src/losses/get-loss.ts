import { InvalidArgumentError } from '@tessera/core';
import { binaryCrossentropy } from './binary-crossentropy';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { categoricalHinge } from './categorical-hinge';
import { cosineSimilarity } from './cosine-similarity';
import { hinge } from './hinge';
import { huber } from './huber';
import { kullbackLeiblerDivergence } from './kullback-leibler-divergence';
import { logCosh } from './log-cosh';
import type { LossFunction } from './loss-function';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanSquaredError } from './mean-squared-error';
import { meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

export type LossName =
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'huber'
  | 'kullbackLeiblerDivergence'
  | 'cosineSimilarity'
  | 'logCosh'
  | 'meanSquaredLogarithmicError'
  | 'hinge'
  | 'categoricalHinge';

const losses: Record<LossName, LossFunction> = {
  meanSquaredError,
  meanAbsoluteError,
  binaryCrossentropy: (yTrue, yPred) => binaryCrossentropy(yTrue, yPred),
  categoricalCrossentropy: (yTrue, yPred) => categoricalCrossentropy(yTrue, yPred),
  sparseCategoricalCrossentropy: (yTrue, yPred) => sparseCategoricalCrossentropy(yTrue, yPred),
  huber: huber(),
  kullbackLeiblerDivergence,
  cosineSimilarity: cosineSimilarity(),
  logCosh,
  meanSquaredLogarithmicError,
  hinge,
  categoricalHinge,
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
