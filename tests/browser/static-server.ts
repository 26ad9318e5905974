/**
 * A minimal static file server for the built site, mounted under the
 * deployment base path like a real host (directory URLs serve index.html).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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

/** Serves `dir` at `base` on a free local port; `onServe`, if given, hears of every file served (its full path). */
export async function serveStatic(dir: string, base = '/', onServe?: (file: string) => void): Promise<StaticServer> {
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
      onServe?.(path.join(dir, '404.html'));
      return;
    }
    onServe?.(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
