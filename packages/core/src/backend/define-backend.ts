import { InvalidArgumentError } from '../errors';
import type { Backend, BackendDefinition } from './backend-definition';
import { REQUIRED_KERNELS } from './kernel-specs';

/**
 * Validates a backend definition and returns the backend object to pass to `registerBackend`. The type system
 * already demands every required kernel; the run-time check catches plain-JavaScript backends.
 */
export function defineBackend(definition: BackendDefinition): Backend {
  if (definition.specVersion !== 1) {
    throw new InvalidArgumentError(
      `defineBackend: specVersion must be 1 (this @tessera/core implements kernel table version 1), got ${String(definition.specVersion)}`,
    );
  }
  if (typeof definition.name !== 'string' || definition.name.length === 0) {
    throw new InvalidArgumentError(`defineBackend: name must be a non-empty string, got ${String(definition.name)}`);
  }
  const missing = REQUIRED_KERNELS.filter((kernelName) => typeof definition.kernels?.[kernelName] !== 'function');
  if (missing.length > 0) {
    throw new InvalidArgumentError(
      `defineBackend: backend '${definition.name}' is missing required kernels: ${missing.join(', ')}`,
    );
  }
  return { ...definition, isTesseraBackend: true };
}
