import { InvalidArgumentError } from '../errors';
import { tidy } from '../memory/tidy';
import type { Tensor } from '../tensor';
import { registeredVariables, type Variable } from '../variable';
import { recordAndDifferentiate } from './value-and-grads';

/**
 * The value of `f()` and its gradient with respect to `variables` (all trainable variables by default),
 * keyed by variable name: what optimizers consume.
 */
export function variableGrads(
  f: () => Tensor,
  variables?: readonly Variable[],
): { value: Tensor; grads: Record<string, Tensor> } {
  if (typeof f !== 'function') throw new InvalidArgumentError('variableGrads: expected a function');
  const watched = variables ?? registeredVariables().filter((candidate) => candidate.trainable);
  if (watched.length === 0) {
    throw new InvalidArgumentError('variableGrads: there are no trainable variables to differentiate with respect to');
  }
  return tidy(() => {
    const { value, grads: gradientList } = recordAndDifferentiate('variableGrads', f, watched);
    const byName: Record<string, Tensor> = {};
    watched.forEach((variable, index) => {
      byName[variable.name] = gradientList[index];
    });
    return { value, grads: byName };
  });
}
