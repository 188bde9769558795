/**
 * A small static file server for built sites, on 127.0.0.1 and a free port,
 * serving `dir` under a base path (`/` or `/archive/`) the way a static host
 * does: `x/` serves `x/index.html`, unknown paths serve `404.html` with status
 * 404, and text (HTML, JS, CSS, JSON, SVG) is gzipped for clients that accept it.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running server: its origin and base URL, and how to stop it. */
export interface Served {
  origin: string;
  /** Origin plus base path, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

/** Serves `dir` at `base` on 127.0.0.1 (port 0 = a free one). */
export async function serve(dir: string, base = '/', port = 0): Promise<Served> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!.split('#')[0]!);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const send = async (file: string, status = 200) => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const raw = await readFile(file);
      const zip = gzip && /^(text\/|application\/json|image\/svg)/.test(type);
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
      res.end(zip ? gzipSync(raw) : raw);
    };
    try {
      if (!path.startsWith(prefix) && `${path}/` !== prefix) throw new Error('outside base');
      const rel = normalize(path.slice(prefix.length - 1)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, rel);
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` });
          res.end();
          return;
        }
        file = join(file, 'index.html');
      }
      await send(file);
    } catch {
      try {
        await send(join(dir, '404.html'), 404);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const addr = server.address();
  const origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}`;
  return { origin, url: `${origin}${prefix}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
