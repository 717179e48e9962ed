// A small static file server on 127.0.0.1 for browser tests, optionally under a path prefix,
// answering missing files with the site's 404 page as static hosts do. With `gzip`, it
// compresses text (HTML, CSS, scripts, JSON) as most static hosts do, and leaves Pagefind's
// index files and WebAssembly as they are (already compressed); `sent` logs the bytes of every
// response body. With `revalidate`, it sends an ETag and `Cache-Control: no-cache`, as a host set
// up as the README says, and answers a request for a file the browser has with a 304 and no body.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types a static host compresses; everything else goes out as it is on disk. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt']);

export interface SentResponse {
  /** The path requested (without the query). */
  path: string;
  status: number;
  /** Bytes of the response body as sent: compressed when the server compressed it. */
  bytes: number;
}

export interface StaticServer {
  origin: string;
  /** Paths requested, for asserting what a page loaded. */
  requests: string[];
  /** Every response, logged when its body was sent, in that order. */
  sent: SentResponse[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, pathPrefix = '/', options: { gzip?: boolean; revalidate?: boolean } = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const sent: SentResponse[] = [];
  // Sends a file, compressed when the host would; logs what went out.
  const send = async (response: http.ServerResponse, request: http.IncomingMessage, file: string, status: number, requested: string) => {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (options.revalidate && status === 200) {
      const etag = `"${createHash('sha1').update(await readFile(file)).digest('hex')}"`;
      response.setHeader('etag', etag);
      response.setHeader('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304);
        response.end(() => sent.push({ path: requested, status: 304, bytes: 0 }));
        return;
      }
    }
    if (options.gzip && COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(await readFile(file), { level: 6 });
      response.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body, () => sent.push({ path: requested, status, bytes: body.length }));
      return;
    }
    const bytes = (await stat(file)).size;
    response.writeHead(status, { 'content-type': type, 'content-length': bytes });
    createReadStream(file)
      .on('error', () => response.end())
      .on('end', () => sent.push({ path: requested, status, bytes }))
      .pipe(response);
  };
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(pathPrefix)) {
      response.writeHead(404).end();
      return;
    }
    pathname = `/${pathname.slice(pathPrefix.length)}`;
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch (error) {
      // Only a file that is not there is a 404; anything else (EMFILE under load) is this
      // server's failure, and says so rather than passing for a missing file.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`test server: ${String(error)}`);
        return;
      }
      await send(response, request, path.join(root, '404.html'), 404, url.pathname).catch(() => response.writeHead(404).end());
      return;
    }
    await send(response, request, file, 200, url.pathname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
