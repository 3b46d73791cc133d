import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium.mjs';
import type { FashionMnistArrays } from '../inputs/fashion-mnist-layout';
import type { BrowserBenchReport, BrowserBenchRequest } from './bench-page';

/** The page's script: the bench page and everything it imports, bundled for the browser. */
async function bundlePage(): Promise<string> {
  const entry = fileURLToPath(new URL('./bench-page.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

/** The training set as one file: a uint32 example count, then the images and the labels as float32. */
function fashionMnistFile(data: FashionMnistArrays): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32LE(data.count, 0);
  return Buffer.concat([
    header,
    Buffer.from(data.images.buffer, data.images.byteOffset, data.count * 784 * 4),
    Buffer.from(data.labels.buffer, data.labels.byteOffset, data.count * 4),
  ]);
}

/** Serves the page, its bundle, tfjs's wasm binaries and the data on a free port of 127.0.0.1. */
async function servePage(
  script: string,
  data: FashionMnistArrays | undefined,
): Promise<{ server: Server; url: string }> {
  const require = createRequire(import.meta.url);
  const wasmFolder = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const dataFile = data === undefined ? undefined : fashionMnistFile(data);
  const page =
    '<!doctype html><meta charset="utf-8"><title>Tessera bench</title><script type="module" src="/bench.js"></script>';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (type: string, body: string | Buffer) => {
      // Cross-origin isolation: SharedArrayBuffer, hence Web Workers for Tessera's CPU backend (and tfjs wasm's threads).
      response.writeHead(200, {
        'content-type': type,
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    };
    if (url.pathname === '/') return send('text/html', page);
    if (url.pathname === '/bench.js') return send('text/javascript', script);
    if (url.pathname === '/data/fashion-mnist.bin' && dataFile !== undefined)
      return send('application/octet-stream', dataFile);
    const wasmName = url.pathname.startsWith('/tfjs-wasm/') ? path.basename(url.pathname) : undefined;
    if (wasmName !== undefined && /^[\w.-]+\.wasm$/.test(wasmName) && existsSync(path.join(wasmFolder, wasmName))) {
      return send('application/wasm', readFileSync(path.join(wasmFolder, wasmName)));
    }
    // The browser asks for a favicon; anything else missing is worth a line on stderr.
    if (url.pathname !== '/favicon.ico') console.error(`bench page server: 404 for ${url.pathname}`);
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bench: the page server has no port');
  // localhost is a secure context, as WebAssembly and performance.now's resolution want.
  return { server, url: `http://localhost:${address.port}/` };
}

/** Runs the bench page in headless Chromium and returns its report; progress goes to stderr. */
export async function runInChromium(
  chromiumPath: string,
  request: BrowserBenchRequest,
  data: FashionMnistArrays | undefined,
): Promise<BrowserBenchReport> {
  const script = await bundlePage();
  const { server, url } = await servePage(script, data);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_FLAGS], headless: true });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.error(message.text()));
    page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(
      () => typeof (globalThis as { runBrowserBench?: unknown }).runBrowserBench === 'function',
    );
    return await page.evaluate(
      (pageRequest) =>
        (
          globalThis as unknown as { runBrowserBench: (request: BrowserBenchRequest) => Promise<BrowserBenchReport> }
        ).runBrowserBench(pageRequest),
      request,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
