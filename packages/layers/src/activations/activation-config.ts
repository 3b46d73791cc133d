import { InvalidArgumentError } from '@tessera/core';
import type { ActivationFunction, ActivationName } from './get-activation';

/**
 * The activation as a layer config records it: its name. A custom function has no portable form, so saving the
 * layer fails here, naming the layer, rather than writing a model that cannot be loaded.
 */
export function activationConfig(
  identifier: ActivationName | ActivationFunction,
  layerDescription: string,
): ActivationName {
  if (typeof identifier === 'function') {
    throw new InvalidArgumentError(
      `${layerDescription}: getConfig cannot serialize a custom activation function; pass an activation name such as 'relu'`,
    );
  }
  return identifier;
}
