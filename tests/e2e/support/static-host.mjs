// A plain static web host for the browser tests of a per-SWV build: serves a
// built site under a sub-path (`/ondersteuning/aanvragen/`), as an SWV's own
// web server would, with the headers docs/handleiding-swv.md tells it to set
// (the CSP with the build's frame-ancestors.txt). Not our server: nothing
// here knows the site, so a test on it proves the site works from any path on
// any static host. Loopback only.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** The CSP of the guide, with the build's own frame-ancestors. */
export function guideCsp(root) {
  const file = path.join(root, 'frame-ancestors.txt');
  const frame = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : "'none'";
  return (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    `connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors ${frame}`
  );
}

/**
 * Serves the files of `root` under `prefix` on `host` (127.0.0.1 or
 * localhost) at `port` (0: a free one). `files` adds fixed pages
 * (`{ '/path': { type, body } }`), for a test's own embedding page.
 * @returns {Promise<{origin: string, url: string, close: () => Promise<void>}>}
 */
export async function serveStatic({ root = null, prefix = '/', host = '127.0.0.1', port = 0, files = {}, headers = {} }) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const fixed = files[urlPath];
    if (fixed) {
      res.writeHead(200, { 'Content-Type': fixed.type, 'Cache-Control': 'no-store' }).end(fixed.body);
      return;
    }
    if (!root || !urlPath.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Niet gevonden');
      return;
    }
    let file = path.normalize(path.join(root, urlPath.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Niet gevonden');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': guideCsp(root),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        ...headers,
      });
      res.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The per-SWV build a test needs, with how to make it when it is missing. */
export function swvDist(repoRoot, swv, buildArgs = '') {
  const dir = path.join(repoRoot, 'site', `dist-${swv}`);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html missing: run ./x.sh build --swv ${swv} ${buildArgs}`.trim());
  }
  return dir;
}
