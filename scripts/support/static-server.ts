/**
 * A plain static file server for the built site, like any static host: no rewriting, no
 * compression, and an optional sub-path under which the site is served. Like most hosts, it sends
 * validators (ETag, Last-Modified) and answers a conditional request with 304 when the file is
 * unchanged; `no-cache` makes browsers revalidate every time, so a test never sees a stale file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** The site's URL, ending with `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * `compress`: gzip text responses when the browser accepts it, as most static hosts do (the
 * benchmark's Lighthouse run uses it; the tests do not need it). `port`: a fixed port, so that a
 * test can stop the server (the network is gone) and serve another build at the same URL.
 */
export async function serveStatic(
  root: string,
  basePath = '/',
  options: { compress?: boolean; port?: number } = {},
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (!pathname.startsWith(basePath)) {
        response.writeHead(404).end('Not found');
        return;
      }
      let filePath = normalize(join(root, pathname.slice(basePath.length)));
      if (!filePath.startsWith(normalize(root + sep)) && filePath !== normalize(root)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      let file: Stats;
      try {
        if ((await stat(filePath)).isDirectory()) filePath = join(filePath, 'index.html');
        file = await stat(filePath);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const type = MIME_TYPES[extname(filePath)] ?? 'application/octet-stream';
      const compressible = /^(text\/|application\/(json|xml|javascript))|svg/.test(type);
      const gzip = options.compress === true && compressible && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}${gzip ? '-gz' : ''}"`;
      const validators = { etag, 'last-modified': file.mtime.toUTCString(), 'cache-control': 'no-cache' };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, validators).end();
        return;
      }
      if (gzip) {
        response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', ...validators });
        createReadStream(filePath).pipe(createGzip()).pipe(response);
        return;
      }
      response.writeHead(200, { 'content-type': type, ...validators });
      createReadStream(filePath).pipe(response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Kept-alive connections would hold the port (and keep "serving") until they time out.
        server.closeAllConnections();
      }),
  };
}
