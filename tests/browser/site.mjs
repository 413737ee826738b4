// The built site on disk and the mapping between its files and its URLs.

import fs from 'node:fs';
import path from 'node:path';

/** All files under `root`, as sorted '/'-separated paths relative to it. */
export function listFiles(root) {
  const out = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(abs, r);
      else if (entry.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

export class Site {
  /**
   * @param {string} root  the folder the site was built into
   * @param {string} baseUrl  its public address, e.g. https://www.umea.se/uppfoljning/
   */
  constructor(root, baseUrl) {
    this.root = path.resolve(root);
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    this.prefix = this.base.pathname; // always starts and ends with '/'
    this.files = listFiles(this.root);
    this.fileSet = new Set(this.files);
    this.htmlFiles = this.files.filter((f) => f.endsWith('.html'));
  }

  /** The URL path (under the prefix) a file is served at: sv/index.html -> /prefix/sv/ */
  pathOfFile(rel) {
    if (rel === 'index.html') return this.prefix;
    if (rel.endsWith('/index.html')) return this.prefix + rel.slice(0, -'index.html'.length);
    return this.prefix + rel;
  }

  /** The public URL of a file. */
  publicUrlOfFile(rel) {
    return new URL(this.pathOfFile(rel), this.base).href;
  }

  /**
   * Maps a URL path to a file of the site, the way the test server and any
   * ordinary static server do: a directory (with or without its trailing
   * slash) serves its index.html.
   * Returns { file, redirect } or null when nothing is there; `redirect` is
   * true for a directory asked for without its trailing slash.
   */
  fileOfPath(urlPath) {
    if (!urlPath.startsWith(this.prefix)) {
      if (`${urlPath}/` === this.prefix) return { file: 'index.html', redirect: true };
      return null;
    }
    let rel;
    try {
      rel = decodeURIComponent(urlPath.slice(this.prefix.length));
    } catch {
      return null;
    }
    if (rel.split('/').some((seg) => seg === '..' || seg === '.') || rel.includes('\0') || rel.includes('\\')) return null;
    if (rel === '' || rel.endsWith('/')) {
      const f = `${rel}index.html`;
      return this.fileSet.has(f) ? { file: f, redirect: false } : null;
    }
    if (this.fileSet.has(rel)) return { file: rel, redirect: false };
    if (this.fileSet.has(`${rel}/index.html`)) return { file: `${rel}/index.html`, redirect: true };
    return null;
  }

  read(rel) {
    return fs.readFileSync(path.join(this.root, rel), 'utf8');
  }
}
