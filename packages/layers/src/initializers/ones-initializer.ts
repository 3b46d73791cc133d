import { ones } from '@tessera/core';
import type { Initializer } from './initializer';

export function onesInitializer(): Initializer {
  return (shape) => ones(shape);
}
