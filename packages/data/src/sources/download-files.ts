import { InvalidArgumentError } from '@tessera/core';
import { gunzip, isGzip } from '../idx/gunzip';
import { joinPath, nodeFileSystem } from './node-modules';

export interface RemoteFile {
  /** File name on the server and in the cache. */
  name: string;
  /**
   * SHA-256 of the file's decompressed content (hex). Hashing the content rather than the .gz keeps the check valid
   * for mirrors that recompress.
   */
  sha256: string;
}

export interface DownloadOptions {
  operation: string;
  /** Address the file names are appended to; ends with '/'. */
  baseUrl: string;
  files: readonly RemoteFile[];
  /** Cache folder the verified files are written to. */
  directory: string;
  /** Largest download (and decompressed size) accepted per file. Default 256 MiB. */
  maxBytes?: number;
}

async function readLimited(response: Response, maxBytes: number, what: string, operation: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new InvalidArgumentError(`${operation}: ${what} is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InvalidArgumentError(`${operation}: ${what} exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads each file, verifies its checksum, and only then moves it into the cache under its own name: a failed or
 * tampered download never leaves a file the loaders would pick up.
 */
export async function downloadFiles(options: DownloadOptions): Promise<void> {
  const { operation, baseUrl, files, directory } = options;
  const maxBytes = options.maxBytes ?? 256 * 2 ** 20;
  const fileSystem = nodeFileSystem();
  if (!fileSystem) throw new InvalidArgumentError(`${operation}: downloading into the cache needs Node's fs module`);
  await fileSystem.promises.mkdir(directory, { recursive: true });
  for (const file of files) {
    const address = `${baseUrl}${file.name}`;
    let response: Response;
    try {
      response = await fetch(address);
    } catch (error) {
      throw new InvalidArgumentError(`${operation}: cannot download ${address}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      throw new InvalidArgumentError(`${operation}: downloading ${address} failed with HTTP ${response.status}`);
    }
    const bytes = await readLimited(response, maxBytes, address, operation);
    const content = isGzip(bytes) ? await gunzip(bytes, maxBytes, operation) : bytes;
    const actual = await sha256Hex(content);
    if (actual !== file.sha256) {
      throw new InvalidArgumentError(
        `${operation}: checksum mismatch for ${address}: expected SHA-256 ${file.sha256}, got ${actual}`,
      );
    }
    const target = joinPath(directory, file.name);
    const partial = `${target}.partial-${Math.random().toString(36).slice(2)}`;
    try {
      await fileSystem.promises.writeFile(partial, bytes);
      await fileSystem.promises.rename(partial, target);
    } finally {
      await fileSystem.promises.rm(partial, { force: true });
    }
  }
}
