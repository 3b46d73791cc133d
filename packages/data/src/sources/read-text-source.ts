import { InvalidArgumentError } from '@tessera/core';
import { nodeFileSystem } from './node-modules';

/** Text given directly, or a file to read (Node only): `{ path }` or a `file:` URL. */
export type TextSource = string | URL | { path: string };

/** Resolves a `TextSource` to its text; files are read when a pass starts, so a dataset can be built before they exist. */
export async function readTextSource(source: TextSource, operation: string): Promise<string> {
  if (typeof source === 'string') return source;
  let path: string | URL;
  if (source instanceof URL) {
    if (source.protocol !== 'file:') {
      throw new InvalidArgumentError(`${operation}: only file: URLs can be read, got ${source.protocol}`);
    }
    path = source;
  } else if (source !== null && typeof source === 'object' && typeof source.path === 'string') {
    path = source.path;
  } else {
    throw new InvalidArgumentError(`${operation}: expected text, a { path } or a file: URL, got ${typeof source}`);
  }
  const fileSystem = nodeFileSystem() as
    | { promises: { readFile(path: string | URL, encoding: 'utf8'): Promise<string> } }
    | undefined;
  if (!fileSystem) throw new InvalidArgumentError(`${operation}: reading files needs Node's fs module`);
  try {
    return await fileSystem.promises.readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`${operation}: cannot read ${String(path)}: ${(error as Error).message}`);
  }
}

export function assertTextSource(source: unknown, operation: string): asserts source is TextSource {
  const valid =
    typeof source === 'string' ||
    source instanceof URL ||
    (source !== null && typeof source === 'object' && typeof (source as { path?: unknown }).path === 'string');
  if (!valid) {
    throw new InvalidArgumentError(`${operation}: expected text, a { path } or a file: URL, got ${typeof source}`);
  }
}
