import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InvalidArgumentError } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFiles } from './download-files';
import { DEBIAN_FASHION_MNIST_DIRECTORY, FASHION_MNIST_FILES, fashionMnist } from './fashion-mnist';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const content = new TextEncoder().encode('not really IDX, but bytes to check');
const served = new Map<string, Uint8Array>([['/files/small.gz', new Uint8Array(gzipSync(content))]]);
const debianInstalled = existsSync(join(DEBIAN_FASHION_MNIST_DIRECTORY, 'train-images-idx3-ubyte.gz'));
if (debianInstalled) {
  for (const file of FASHION_MNIST_FILES) {
    served.set(`/fashion/${file.name}`, readFileSync(join(DEBIAN_FASHION_MNIST_DIRECTORY, file.name)));
  }
}

let server: Server;
let baseUrl = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = served.get(request.url ?? '');
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function withFolder(run: (folder: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tessera-download-'));
    try {
      await run(join(folder, 'cache'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
}

describe('downloadFiles against a local server', () => {
  it(
    'writes a verified file into the cache',
    withFolder(async (cache) => {
      await downloadFiles({
        operation: 'test',
        baseUrl: `${baseUrl}/files/`,
        files: [{ name: 'small.gz', sha256: sha256(content) }],
        directory: cache,
      });
      expect(readdirSync(cache)).toEqual(['small.gz']);
      expect(new Uint8Array(gunzipSync(readFileSync(join(cache, 'small.gz'))))).toEqual(content);
    }),
  );

  it(
    'rejects a checksum mismatch and leaves nothing behind',
    withFolder(async (cache) => {
      const attempt = downloadFiles({
        operation: 'fashionMnist',
        baseUrl: `${baseUrl}/files/`,
        files: [{ name: 'small.gz', sha256: '0'.repeat(64) }],
        directory: cache,
      });
      await expect(attempt).rejects.toThrow(InvalidArgumentError);
      await expect(attempt).rejects.toThrow(
        /fashionMnist: checksum mismatch for .*small\.gz: expected SHA-256 0{64}, got [0-9a-f]{64}/,
      );
      expect(readdirSync(cache)).toEqual([]);
    }),
  );

  it(
    'reports HTTP errors, unreachable servers and oversized bodies',
    withFolder(async (cache) => {
      const file = { name: 'missing.gz', sha256: '0'.repeat(64) };
      await expect(
        downloadFiles({ operation: 'test', baseUrl: `${baseUrl}/files/`, files: [file], directory: cache }),
      ).rejects.toThrow(/test: downloading .*missing\.gz failed with HTTP 404/);
      await expect(
        downloadFiles({ operation: 'test', baseUrl: 'http://127.0.0.1:1/', files: [file], directory: cache }),
      ).rejects.toThrow(/test: cannot download http:\/\/127\.0\.0\.1:1\/missing\.gz/);
      await expect(
        downloadFiles({
          operation: 'test',
          baseUrl: `${baseUrl}/files/`,
          files: [{ name: 'small.gz', sha256: sha256(content) }],
          directory: cache,
          maxBytes: 10,
        }),
      ).rejects.toThrow(/over the 10-byte limit/);
      expect(readdirSync(cache)).toEqual([]);
    }),
  );

  it.skipIf(!debianInstalled)(
    'the pinned Fashion-MNIST checksums match the real files, which then load from the cache',
    withFolder(async (cache) => {
      await downloadFiles({
        operation: 'fashionMnist',
        baseUrl: `${baseUrl}/fashion/`,
        files: FASHION_MNIST_FILES,
        directory: cache,
      });
      const data = await fashionMnist({ directory: cache, download: false });
      expect(data.train.images.shape).toEqual([60000, 28, 28]);
      expect(data.test.labels.shape).toEqual([10000]);
      for (const split of [data.train, data.test]) {
        split.images.dispose();
        split.labels.dispose();
      }
    }),
  );
});
