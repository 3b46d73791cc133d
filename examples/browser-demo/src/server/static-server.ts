import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.bin': 'application/octet-stream',
};

export interface RunningServer {
  /** http://localhost:PORT/ — localhost is a secure context, which navigator.gpu requires. */
  url: string;
  close(): Promise<void>;
}

/** Serves the files of one folder over HTTP on localhost (port 0 picks a free one). GET and HEAD only. */
export function startStaticServer(rootDirectory: string, port = 0): Promise<RunningServer> {
  const root = normalize(rootDirectory + sep);
  const server: Server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const filePath = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    // Refuse anything that escapes the folder (../ in the path).
    const isFile = filePath.startsWith(root) && statSync(filePath, { throwIfNoEntry: false })?.isFile() === true;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
    } else if (!isFile) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}\n`);
    } else {
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(filePath).pipe(response);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      const { port: boundPort } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${boundPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
