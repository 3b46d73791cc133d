import { InvalidArgumentError } from '@tessera/core';

interface ZlibLike {
  gunzipSync(input: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
}

/** True when the bytes start with gzip's magic number 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function nodeZlib(): ZlibLike | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process;
  return nodeProcess?.getBuiltinModule?.('node:zlib') as ZlibLike | undefined;
}

/**
 * Decompresses gzip with Node's zlib when present (fast, synchronous), else with the web `DecompressionStream`.
 * `maxBytes` caps the output so a gzip bomb fails instead of exhausting memory.
 */
export async function gunzip(bytes: Uint8Array, maxBytes: number, operation: string): Promise<Uint8Array> {
  const zlib = nodeZlib();
  if (zlib) {
    try {
      return new Uint8Array(zlib.gunzipSync(bytes, { maxOutputLength: maxBytes }));
    } catch (error) {
      throw new InvalidArgumentError(`${operation}: gzip data is corrupt or over ${maxBytes} bytes: ${String(error)}`);
    }
  }
  if (typeof DecompressionStream === 'undefined') {
    throw new InvalidArgumentError(
      `${operation}: gzip input needs node:zlib or DecompressionStream, neither is available`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new InvalidArgumentError(`${operation}: gzip data expands past the ${maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError(`${operation}: gzip data is corrupt: ${String(error)}`);
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
