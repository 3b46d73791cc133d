import { zeros } from '@tessera/core';
import type { Initializer } from './initializer';

export function zerosInitializer(): Initializer {
  return (shape) => zeros(shape);
}
