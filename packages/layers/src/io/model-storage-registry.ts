import { InvalidArgumentError } from '@tessera/core';
import { fileStorageHandler } from './file-storage-handler';
import { httpStorageHandler } from './http-storage-handler';
import { indexedDBStorageHandler } from './indexeddb-storage-handler';
import type { ModelStorageHandler } from './model-storage-handler';

const handlers = new Map<string, ModelStorageHandler>([
  ['file', fileStorageHandler],
  ['http', httpStorageHandler],
  ['https', httpStorageHandler],
  ['indexeddb', indexedDBStorageHandler],
]);

const SCHEME_PATTERN = /^[a-z][a-z0-9+.-]*$/;

/**
 * Makes `save`/`load` understand `<scheme>://...` URLs through your own handler (cloud storage, a database...).
 * Registering a built-in scheme again replaces it.
 */
export function registerModelStorageHandler(scheme: string, handler: ModelStorageHandler): void {
  const normalized = scheme.toLowerCase().replace(/:(\/\/)?$/, '');
  if (!SCHEME_PATTERN.test(normalized)) {
    throw new InvalidArgumentError(`registerModelStorageHandler: '${scheme}' is not a URL scheme such as 'gs'`);
  }
  if (typeof handler?.save !== 'function' || typeof handler.load !== 'function') {
    throw new InvalidArgumentError(`registerModelStorageHandler: the handler for '${normalized}' needs save and load`);
  }
  handlers.set(normalized, handler);
}

/** The schemes `save`/`load` understand, built-in and registered. */
export function listModelStorageSchemes(): string[] {
  return [...handlers.keys()];
}

export function modelStorageHandlerFor(url: string, caller: string): ModelStorageHandler {
  const known = [...handlers.keys()].map((scheme) => `'${scheme}://'`).join(', ');
  const match = typeof url === 'string' ? /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url) : null;
  const handler = match ? handlers.get(match[1].toLowerCase()) : undefined;
  if (handler === undefined) {
    throw new InvalidArgumentError(
      `${caller}: cannot tell where to store '${String(url)}'; its URL must start with one of ${known} ` +
        '(or register a handler with registerModelStorageHandler)',
    );
  }
  return handler;
}
