import { InvalidArgumentError } from '@tessera/core';
import { glorotNormal } from './glorot-normal';
import { glorotUniform } from './glorot-uniform';
import { heNormal } from './he-normal';
import { heUniform } from './he-uniform';
import type { Initializer } from './initializer';
import { lecunNormal } from './lecun-normal';
import { onesInitializer } from './ones-initializer';
import { randomNormalInitializer } from './random-normal-initializer';
import { zerosInitializer } from './zeros-initializer';

export type InitializerName =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heNormal'
  | 'heUniform'
  | 'lecunNormal'
  | 'zeros'
  | 'ones'
  | 'randomNormal';

const factories: Record<InitializerName, () => Initializer> = {
  glorotUniform: () => glorotUniform(),
  glorotNormal: () => glorotNormal(),
  heNormal: () => heNormal(),
  heUniform: () => heUniform(),
  lecunNormal: () => lecunNormal(),
  zeros: zerosInitializer,
  ones: onesInitializer,
  randomNormal: () => randomNormalInitializer(),
};

/** Accepts a name or an initializer function; `context` names the caller in errors. */
export function getInitializer(identifier: InitializerName | Initializer, context: string): Initializer {
  if (typeof identifier === 'function') return identifier;
  const factory = Object.hasOwn(factories, identifier) ? factories[identifier] : undefined;
  if (factory === undefined) {
    throw new InvalidArgumentError(
      `${context}: unknown initializer '${String(identifier)}', expected one of ${Object.keys(factories).join(', ')} or a function`,
    );
  }
  return factory();
}
