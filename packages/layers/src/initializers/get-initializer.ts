import { InvalidArgumentError } from '@tessera/core';
import { glorotNormal } from './glorot-normal';
import { glorotUniform } from './glorot-uniform';
import { heNormal } from './he-normal';
import { heUniform } from './he-uniform';
import type { Initializer } from './initializer';
import { lecunNormal } from './lecun-normal';
import { onesInitializer } from './ones-initializer';
import { orthogonal } from './orthogonal';
import { randomNormalInitializer } from './random-normal-initializer';
import { randomUniformInitializer } from './random-uniform-initializer';
import { truncatedNormalInitializer } from './truncated-normal-initializer';
import { varianceScaling } from './variance-scaling';
import { zerosInitializer } from './zeros-initializer';

export type InitializerName =
  | 'glorotUniform'
  | 'glorotNormal'
  | 'heNormal'
  | 'heUniform'
  | 'lecunNormal'
  | 'zeros'
  | 'ones'
  | 'randomNormal'
  | 'randomUniform'
  | 'truncatedNormal'
  | 'orthogonal'
  | 'varianceScaling';

const factories: Record<InitializerName, () => Initializer> = {
  glorotUniform: () => glorotUniform(),
  glorotNormal: () => glorotNormal(),
  heNormal: () => heNormal(),
  heUniform: () => heUniform(),
  lecunNormal: () => lecunNormal(),
  zeros: zerosInitializer,
  ones: onesInitializer,
  randomNormal: () => randomNormalInitializer(),
  randomUniform: () => randomUniformInitializer(),
  truncatedNormal: () => truncatedNormalInitializer(),
  orthogonal: () => orthogonal(),
  varianceScaling: () => varianceScaling(),
};

export const initializerNames = Object.keys(factories) as InitializerName[];

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
