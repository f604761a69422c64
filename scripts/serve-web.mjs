// A static server for www/ on 127.0.0.1, with the right MIME types
// (application/wasm for the module) and the response headers of
// www/_headers (the strict Content-Security-Policy, CORS for what other
// sites load), so what is tested is what is documented for hosting.
// `node scripts/serve-web.mjs [port]` serves until stopped; tests import
// serve() and use port 0 (another root and extra headers for a test page
// on a second origin).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(here, '..', 'www');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

/// The rules of a `_headers` file: [pattern, {name: value}] in order.
/// A pattern is a path, or a prefix ending in `*`.
export function readHeaders(file) {
  const rules = [];
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return rules; }
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push([line.trim(), {}]);
    } else if (rules.length) {
      const at = line.indexOf(':');
      if (at > 0) rules[rules.length - 1][1][line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

export function headersFor(rules, pathname) {
  const out = {};
  for (const [pattern, headers] of rules) {
    const hit = pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
    if (hit) Object.assign(out, headers);
  }
  return out;
}

/// Serve `root` on 127.0.0.1:`port`. `headers(pathname)` adds or overrides
/// response headers (default: those of `root`/_headers).
export function serve(port = 0, root = WWW, { headers } = {}) {
  const rules = readHeaders(path.join(root, '_headers'));
  const extra = headers ?? ((p) => headersFor(rules, p));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...extra(url.pathname),
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://127.0.0.1:${p}/`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 8080);
  const { url } = await serve(port);
  console.log(`koers dashboard: ${url}  (Ctrl+C to stop)`);
}
