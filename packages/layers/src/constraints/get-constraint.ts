import { InvalidArgumentError } from '@tessera/core';
import type { Constraint } from './constraint';
import type { ConstraintAxis } from './constraint-axis';
import { maxNorm } from './max-norm';
import { minMaxNorm } from './min-max-norm';
import { nonNeg } from './non-neg';
import { unitNorm } from './unit-norm';

export type ConstraintName = 'maxNorm' | 'nonNeg' | 'unitNorm' | 'minMaxNorm';

/** The serialized form of a constraint, as its `config` (`{ name: 'maxNorm', maxValue: 2, axis: 0 }`). */
export type ConstraintConfig = Constraint['config'];

/** What a layer option accepts: a name (default settings), a saved config, or a constraint function. */
export type ConstraintIdentifier = ConstraintName | ConstraintConfig | Constraint;

/** Resolves a constraint name, config or function; `context` names the caller in errors. */
export function getConstraint(identifier: ConstraintIdentifier, context: string): Constraint {
  if (typeof identifier === 'function') {
    if (typeof identifier.config?.name !== 'string') {
      throw new InvalidArgumentError(
        `${context}: a constraint function needs a config with a name, as maxNorm() makes`,
      );
    }
    return identifier;
  }
  const config: ConstraintConfig | undefined =
    typeof identifier === 'string'
      ? { name: identifier }
      : identifier !== null && typeof identifier === 'object'
        ? identifier
        : undefined;
  // The factories validate every field, so a hand-edited config gets their precise messages.
  const settings = { ...config } as Record<string, unknown>;
  const axis = settings.axis as ConstraintAxis | undefined;
  switch (config?.name) {
    case 'maxNorm':
      return maxNorm({ maxValue: settings.maxValue as number | undefined, axis });
    case 'nonNeg':
      return nonNeg();
    case 'unitNorm':
      return unitNorm({ axis });
    case 'minMaxNorm':
      return minMaxNorm({
        minValue: settings.minValue as number | undefined,
        maxValue: settings.maxValue as number | undefined,
        rate: settings.rate as number | undefined,
        axis,
      });
    default:
      throw new InvalidArgumentError(
        `${context}: unknown constraint ${JSON.stringify(identifier)}, expected 'maxNorm', 'nonNeg', 'unitNorm', 'minMaxNorm', a config { name, ... } or a constraint`,
      );
  }
}
