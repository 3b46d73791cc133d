import { InvalidArgumentError } from '@tessera/core';
import type { JsonValue } from '../util/json-value';
import { l1 } from './l1';
import { l1l2 } from './l1l2';
import { l2 } from './l2';
import type { Regularizer } from './regularizer';

export type RegularizerName = 'l1' | 'l2' | 'l1l2';

/** The serialized form of a regularizer, as its `config` (`{ name: 'l2', l2: 0.01 }`). */
export type RegularizerConfig = Regularizer['config'];

/** What a layer option accepts: a name (default factors), a saved config, or a regularizer function. */
export type RegularizerIdentifier = RegularizerName | RegularizerConfig | Regularizer;

function optionalNumber(config: RegularizerConfig, key: string, context: string): number | undefined {
  const value: JsonValue | undefined = config[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    throw new InvalidArgumentError(`${context}: regularizer ${key} must be a number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Resolves a regularizer name, config or function; `context` names the caller in errors. */
export function getRegularizer(identifier: RegularizerIdentifier, context: string): Regularizer {
  if (typeof identifier === 'function') {
    if (typeof identifier.config?.name !== 'string') {
      throw new InvalidArgumentError(`${context}: a regularizer function needs a config with a name, as l2() makes`);
    }
    return identifier;
  }
  const config: RegularizerConfig | undefined =
    typeof identifier === 'string'
      ? { name: identifier }
      : identifier !== null && typeof identifier === 'object'
        ? identifier
        : undefined;
  const name = config?.name;
  if (config === undefined || (name !== 'l1' && name !== 'l2' && name !== 'l1l2')) {
    throw new InvalidArgumentError(
      `${context}: unknown regularizer ${JSON.stringify(identifier)}, expected 'l1', 'l2', 'l1l2', a config { name, l1, l2 } or a regularizer`,
    );
  }
  const l1Factor = optionalNumber(config, 'l1', context);
  const l2Factor = optionalNumber(config, 'l2', context);
  if (name === 'l1') return l1({ l1: l1Factor });
  if (name === 'l2') return l2({ l2: l2Factor });
  return l1l2({ l1: l1Factor, l2: l2Factor });
}
