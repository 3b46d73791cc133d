import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tensor } from '@tessera/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadModelArtifacts, type ModelArtifacts, saveModelArtifacts } from './model-artifacts';
import { ModelFormatError } from './model-format-error';

/** What the test server serves, by path; POSTs to /upload/<folder> store their parts under /<folder>/. */
const files = new Map<string, Uint8Array>();
const requests: Array<{ method: string; path: string; authorization?: string }> = [];
let server: Server;
let base: string;

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization });
    if (request.method === 'POST' && path.startsWith('/upload/')) {
      // Node's own multipart parser checks that the client sent well-formed form data.
      const form = await new Response(new Uint8Array(await bodyOf(request)), {
        headers: { 'content-type': request.headers['content-type'] ?? '' },
      }).formData();
      const folder = path.slice('/upload'.length);
      const parts: Array<[string, FormDataEntryValue]> = [];
      form.forEach((part, name) => {
        parts.push([name, part]);
      });
      for (const [name, part] of parts) {
        files.set(`${folder}/${name}`, new Uint8Array(await (part as Blob).arrayBuffer()));
      }
      response.writeHead(200).end('saved');
      return;
    }
    if (path === '/endless/model.json') {
      // No content-length: the client must stop reading on its own.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(' '.repeat(4096));
      response.end(' '.repeat(4096));
      return;
    }
    const body = files.get(path);
    if (body === undefined) {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

function artifacts(): ModelArtifacts {
  return {
    modelTopology: { className: 'Sequential' },
    weights: [
      {
        name: 'dense/kernel',
        tensor: tensor([
          [1, -2],
          [3.5, Number.NaN],
        ]),
      },
      { name: 'dense/bias', tensor: tensor([7, 8], [2], 'int32') },
    ],
  };
}

async function saveSample(folder: string): Promise<void> {
  const sample = artifacts();
  await saveModelArtifacts(`${base}/upload/${folder}`, sample);
  for (const entry of sample.weights) entry.tensor.dispose();
}

describe('http(s):// storage', () => {
  it('saves with a multipart POST and loads model.json then the weights beside it', async () => {
    await saveSample('one');
    expect(requests).toEqual([{ method: 'POST', path: '/upload/one', authorization: undefined }]);
    expect([...files.keys()].filter((key) => key.startsWith('/one/')).sort()).toEqual([
      '/one/model.json',
      '/one/weights.safetensors',
    ]);
    const loaded = await loadModelArtifacts(`${base}/one/model.json`);
    expect(requests.slice(1).map((request) => request.path)).toEqual(['/one/model.json', '/one/weights.safetensors']);
    expect(loaded.weights[0].tensor.arraySync()).toEqual([
      [1, -2],
      [3.5, Number.NaN],
    ]);
    expect(loaded.weights[1].tensor.dtype).toBe('int32');
    for (const entry of loaded.weights) entry.tensor.dispose();
  });

  it('treats a URL not ending in .json as the folder holding model.json', async () => {
    await saveSample('folder');
    const loaded = await loadModelArtifacts(`${base}/folder`);
    expect(requests.at(-2)?.path).toBe('/folder/model.json');
    for (const entry of loaded.weights) entry.tensor.dispose();
  });

  it('uses the injected fetch and request init', async () => {
    await saveSample('auth');
    requests.length = 0;
    const seen: string[] = [];
    const loaded = await loadModelArtifacts(`${base}/auth/model.json`, {
      fetch: (input, init) => {
        seen.push(input);
        return fetch(input, init);
      },
      requestInit: { headers: { authorization: 'Bearer token' } },
    });
    expect(seen).toEqual([`${base}/auth/model.json`, `${base}/auth/weights.safetensors`]);
    expect(requests.map((request) => request.authorization)).toEqual(['Bearer token', 'Bearer token']);
    for (const entry of loaded.weights) entry.tensor.dispose();
  });

  it('reports a missing model with the status and URL', async () => {
    const error = await loadModelArtifacts(`${base}/absent/model.json`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as ModelFormatError).reason).toBe('NOT_FOUND');
    expect((error as Error).message).toContain(`${base}/absent/model.json: server answered 404 Not Found`);
  });

  it('reports a failed save with the status', async () => {
    await expect(saveModelArtifacts(`${base}/not-an-upload-path`, { modelTopology: {}, weights: [] })).rejects.toThrow(
      /not-an-upload-path: server answered 404/,
    );
  });

  it('refuses a body whose content-length is above the cap before reading it', async () => {
    await saveSample('capped');
    await expect(loadModelArtifacts(`${base}/capped`, { maxWeightsBytes: 20 })).rejects.toThrow(
      /weights\.safetensors: is \d+ bytes, above the 20-byte limit/,
    );
  });

  it('stops reading a body without content-length once it passes the cap', async () => {
    await expect(loadModelArtifacts(`${base}/endless/model.json`, { maxModelJsonBytes: 5000 })).rejects.toThrow(
      /is more than 5000 bytes, above the 5000-byte limit/,
    );
  });

  it('rejects a malformed URL with a typed error', async () => {
    await expect(loadModelArtifacts('http://exa mple.com:99999/model')).rejects.toThrow(/is not a valid URL/);
  });

  it('never fetches a weightsFile outside the model folder', async () => {
    await saveSample('escape');
    const modelJson = JSON.parse(new TextDecoder().decode(files.get('/escape/model.json')));
    modelJson.weightsFile = '../../etc/passwd';
    files.set('/escape/model.json', new TextEncoder().encode(JSON.stringify(modelJson)));
    await expect(loadModelArtifacts(`${base}/escape`)).rejects.toThrow(/weightsFile must be a plain file name/);
    expect(requests.at(-1)?.path).toBe('/escape/model.json');
  });
});
