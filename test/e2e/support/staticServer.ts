/**
 * A plain static host for the embedding tests: files under `root` served at `prefix`, with a
 * content type and nothing else: no CORS headers, no COOP/COEP, no rewrites. Extra `pages` are
 * served from memory (host pages written by the tests).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticHost {
  origin: string;
  /** Every path asked for with its status, to check for 404s. */
  requests: { path: string; status: number }[];
  pages: Map<string, string>;
  close(): Promise<void>;
}

export async function startStaticHost(root: string | null, prefix = '/'): Promise<StaticHost> {
  const requests: { path: string; status: number }[] = [];
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, type?: string) => {
      requests.push({ path, status });
      res.writeHead(status, type ? { 'content-type': type } : {});
    };
    const page = pages.get(path);
    if (page !== undefined) {
      send(200, TYPES['.html']);
      res.end(page);
      return;
    }
    if (root && path.startsWith(prefix)) {
      let rel = normalize(path.slice(prefix.length));
      if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
      if (!rel.startsWith('..')) {
        const file = join(root, rel);
        try {
          if (statSync(file).isFile()) {
            send(200, TYPES[extname(file)] ?? 'application/octet-stream');
            createReadStream(file).pipe(res);
            return;
          }
        } catch {
          // not found below
        }
      }
    }
    send(404, 'text/plain');
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
