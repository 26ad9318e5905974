/**
 * A minimal static file server for the built site, mounted under the
 * deployment base path like a real host (directory URLs serve index.html).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { IMMUTABLE, REVALIDATE, isContentHashed } from '../../src/site/integrations/cache-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** A running server and its origin (`http://127.0.0.1:PORT`). */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** What the server may do besides serving files. */
export interface ServeOptions {
  /**
   * Send the Cache-Control of the build's `_headers` (cache-headers.ts):
   * content-hashed files cached for a year, the rest revalidated on every
   * use. No validators are sent, so a revalidated file comes again whole.
   */
  cacheHeaders?: boolean;
  /** Called for every file served (a 200), with the request's path and the file. */
  onServe?: (requestPath: string, file: string) => void;
}

/** Serves `dir` at `base` on a free local port. */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file: string | null = null;
    if (url.pathname.startsWith(base)) {
      const rel = decodeURIComponent(url.pathname.slice(base.length));
      const candidate = path.join(dir, rel);
      if (candidate.startsWith(dir)) {
        file = existsSync(candidate) && statSync(candidate).isDirectory() ? path.join(candidate, 'index.html') : candidate;
      }
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      createReadStream(path.join(dir, '404.html')).pipe(res);
      options.onServe?.(url.pathname, path.join(dir, '404.html'));
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (options.cacheHeaders) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      headers['Cache-Control'] = isContentHashed(rel) ? IMMUTABLE : REVALIDATE;
    }
    options.onServe?.(url.pathname, file);
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
