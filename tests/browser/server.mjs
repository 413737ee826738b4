// A tiny static web server for a built site: serves the site's folder under the
// base URL's path prefix (e.g. /uppfoljning/) on 127.0.0.1, the way a plain
// static host would: correct MIME types, a directory serves its index.html (a
// directory without its trailing slash is redirected to it), and anything
// missing gets the site's 404.html with status 404. Optionally it sends a
// Content-Security-Policy with every answer, as a strict host would.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AXE_PATH } from './axe.mjs';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's search bundle: its WebAssembly and index files are gzip data
  // that its script unpacks itself, so any type does; these are what a plain
  // static host sends for unknown extensions.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * What the server answers for a URL path (without query or fragment):
 * { status, headers, body: Buffer }. `csp` is a Content-Security-Policy to
 * send with it, or a function of the path that gives one (a policy per path).
 */
export function respond(site, urlPath, method = 'GET', { csp = null } = {}) {
  const found = site.fileOfPath(urlPath);
  let status;
  let headers;
  let body;
  if (found && found.redirect) {
    const location = site.pathOfFile(found.file);
    status = 301;
    headers = { location, 'content-type': 'text/plain; charset=utf-8' };
    body = Buffer.from(`Moved to ${location}\n`);
  } else if (found) {
    status = 200;
    body = fs.readFileSync(path.join(site.root, found.file));
    headers = { 'content-type': mimeType(found.file) };
  } else {
    status = 404;
    if (site.fileSet.has('404.html')) {
      body = fs.readFileSync(path.join(site.root, '404.html'));
      headers = { 'content-type': MIME_TYPES['.html'] };
    } else {
      body = Buffer.from('Not found\n');
      headers = { 'content-type': 'text/plain; charset=utf-8' };
    }
  }
  headers['content-length'] = String(body.length);
  headers['cache-control'] = 'no-store';
  headers['x-content-type-options'] = 'nosniff';
  const policy = typeof csp === 'function' ? csp(urlPath) : csp;
  if (policy) headers['content-security-policy'] = policy;
  if (method === 'HEAD') body = Buffer.alloc(0);
  return { status, headers, body };
}

/**
 * Where the server answers with axe-core (outside any site's files), as a
 * script the browser may keep: a tab that loads it from here for page after
 * page compiles it once (injected as text, it was compiled for every page).
 */
export const AXE_URL_PATH = '/__test__/axe.min.js';

/**
 * Starts the server on 127.0.0.1 with a free port; `csp` is a
 * Content-Security-Policy to send with every answer (or a function of the
 * path that gives one).
 * Resolves to { origin, url (the site's root URL), axeUrl, close(), requests }.
 */
export function startServer(site, { csp = null } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (urlPath === AXE_URL_PATH && fs.existsSync(AXE_PATH)) {
      res.writeHead(200, { 'content-type': MIME_TYPES['.js'], 'cache-control': 'max-age=3600' });
      res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(AXE_PATH));
      return;
    }
    const r = respond(site, urlPath, req.method, { csp });
    requests.push({ path: urlPath, status: r.status });
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        url: origin + site.prefix,
        axeUrl: origin + AXE_URL_PATH,
        requests,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}
