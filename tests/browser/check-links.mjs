// Static checks of the built files, without a browser:
//  - links: every internal href/src (relative, root-relative under the prefix,
//    or absolute on the base URL) of every page resolves to a file of the
//    site, and every #fragment exists as an id in its target; url()s in CSS too;
//  - hreflang: <link rel="alternate" hreflang> targets exist and are reciprocal;
//  - sitemap: every <loc> (and xhtml:link alternate) of sitemap.xml exists,
//    and robots.txt's Sitemap: lines point to an existing file.

import { decodeEntities, fragmentTargets, hreflangLinks, references, scanTags } from './html.mjs';

const SCHEME_RE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
// ASCII whitespace that browsers strip from URL attributes.
const trimUrl = (s) => s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');

/**
 * Resolves a reference found in `fromFile` (served at `fromUrl`).
 * Returns one of:
 *   { kind: 'skip', why }                    not a web URL (mailto:, tel:, data:, …)
 *   { kind: 'external', url }                another site (or the base host outside the prefix)
 *   { kind: 'outside', url }                 a relative URL that leaves the site's prefix
 *   { kind: 'internal', url, path, fragment } a URL of this site
 */
export function classify(site, raw, fromUrl) {
  const ref = trimUrl(raw);
  if (SCHEME_RE.test(ref) && !/^https?:/i.test(ref)) return { kind: 'skip', why: ref.split(':')[0] };
  let url;
  try {
    url = new URL(ref, fromUrl);
  } catch {
    return { kind: 'invalid', url: ref };
  }
  const explicitHost = SCHEME_RE.test(ref) || ref.startsWith('//');
  const onBaseHost = url.origin === site.base.origin;
  const underPrefix = url.pathname.startsWith(site.prefix) || `${url.pathname}/` === site.prefix;
  if (explicitHost && !(onBaseHost && underPrefix)) return { kind: 'external', url: url.href };
  if (!onBaseHost) return { kind: 'external', url: url.href };
  if (!underPrefix) return { kind: 'outside', url: url.href };
  let fragment = null;
  if (url.hash.length > 1) {
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      fragment = url.hash.slice(1);
    }
  }
  return { kind: 'internal', url: url.href, path: url.pathname, fragment };
}

export function checkLinks(site, results) {
  const parsed = new Map(); // file -> { tags, ids }
  const parse = (file) => {
    if (!parsed.has(file)) {
      const text = site.read(file);
      const tags = scanTags(text);
      parsed.set(file, { tags, ids: fragmentTargets(tags) });
    }
    return parsed.get(file);
  };
  const idsOf = (file) => (/\.(html|svg)$/.test(file) ? parse(file).ids : null);

  let externalCount = 0;
  const externalHosts = new Set();

  for (const file of site.htmlFiles) {
    const problems = [];
    const { tags } = parse(file);
    const base = tags.find((t) => t.name === 'base' && t.attrs.has('href'));
    const pageUrl = site.publicUrlOfFile(file);
    const baseUrl = base ? new URL(base.attrs.get('href'), pageUrl).href : pageUrl;
    const anywhere = file === '404.html'; // served at any missing URL, at any depth
    for (const ref of references(tags)) {
      const where = `line ${ref.line}: <${ref.tag} ${ref.attr}="${ref.url}">`;
      const c = classify(site, ref.url, baseUrl);
      if (c.kind === 'skip') continue;
      if (c.kind === 'invalid') {
        problems.push(`${where}: not a valid URL`);
        continue;
      }
      if (c.kind === 'external') {
        externalCount++;
        externalHosts.add(new URL(c.url).host);
        continue;
      }
      if (c.kind === 'outside') {
        problems.push(`${where}: resolves to ${c.url}, outside the site's base path ${site.prefix}`);
        continue;
      }
      const refTrim = trimUrl(ref.url);
      if (anywhere && !SCHEME_RE.test(refTrim) && !refTrim.startsWith('/') && !refTrim.startsWith('#') && refTrim !== '') {
        problems.push(`${where}: a relative URL in 404.html breaks when the page is served for a missing URL at another depth; use a root-relative or absolute URL`);
        continue;
      }
      const found = site.fileOfPath(c.path);
      if (!found) {
        problems.push(`${where}: broken link, nothing at ${c.path}`);
        continue;
      }
      if (c.fragment !== null) {
        const ids = idsOf(found.file);
        const isTop = c.fragment === '' || c.fragment.toLowerCase() === 'top';
        if (ids && !ids.has(c.fragment) && !isTop) {
          problems.push(`${where}: no element with id="${c.fragment}" in ${found.file}`);
        }
      }
    }
    results.record('links', file, problems);
  }

  // url() and @import references of style sheets.
  for (const file of site.files.filter((f) => f.endsWith('.css'))) {
    const problems = [];
    const text = site.read(file).replace(/\/\*[\s\S]*?\*\//g, '');
    const cssUrl = site.publicUrlOfFile(file);
    const refs = [];
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g)) refs.push(m[1] ?? m[2] ?? m[3]);
    for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) refs.push(m[1] ?? m[2]);
    for (const raw of refs) {
      if (!raw || raw.startsWith('#')) continue;
      const c = classify(site, raw, cssUrl);
      if (c.kind === 'invalid') problems.push(`url(${raw}): not a valid URL`);
      else if (c.kind === 'outside') problems.push(`url(${raw}): resolves to ${c.url}, outside the site's base path`);
      else if (c.kind === 'internal' && !site.fileOfPath(c.path)) problems.push(`url(${raw}): broken, nothing at ${c.path}`);
    }
    results.record('links', file, problems);
  }

  checkHreflang(site, results, parse);
  checkSitemap(site, results);
  return { externalCount, externalHosts: [...externalHosts].sort() };
}

const LANG_RE = /^(x-default|[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?)$/;

function checkHreflang(site, results, parse) {
  // file -> [{ hreflang, href, line, target (file or null) }]
  const alternates = new Map();
  for (const file of site.htmlFiles) {
    const pageUrl = site.publicUrlOfFile(file);
    const list = hreflangLinks(parse(file).tags).map((l) => {
      const c = classify(site, l.href, pageUrl);
      const found = c.kind === 'internal' ? site.fileOfPath(c.path) : null;
      return { ...l, kind: c.kind, url: c.url, target: found ? found.file : null };
    });
    alternates.set(file, list);
  }
  for (const [file, list] of alternates) {
    if (list.length === 0) continue;
    const problems = [];
    const seen = new Map();
    for (const l of list) {
      const where = `line ${l.line}: hreflang="${l.hreflang}" href="${l.href}"`;
      if (!LANG_RE.test(l.hreflang)) problems.push(`${where}: "${l.hreflang}" is not a valid language code`);
      const key = l.hreflang.toLowerCase();
      if (seen.has(key) && seen.get(key) !== l.target) problems.push(`${where}: hreflang="${l.hreflang}" is listed twice with different targets`);
      seen.set(key, l.target);
      if (l.kind !== 'internal') {
        problems.push(`${where}: does not point to a page of this site (${l.kind})`);
        continue;
      }
      if (!l.target) {
        problems.push(`${where}: no page at that URL`);
        continue;
      }
      if (l.hreflang.toLowerCase() === 'x-default' || l.target === file) continue;
      const back = alternates.get(l.target) || [];
      if (!back.some((b) => b.target === file && b.hreflang.toLowerCase() !== 'x-default')) {
        problems.push(`${where}: ${l.target} does not list this page (${site.publicUrlOfFile(file)}) as an alternate in return`);
      }
    }
    results.record('hreflang', file, problems);
  }
}

function checkSitemap(site, results) {
  const problems = [];
  if (!site.fileSet.has('sitemap.xml')) {
    results.record('sitemap', 'sitemap.xml', ['the site has no sitemap.xml']);
    return;
  }
  const xml = site.read('sitemap.xml');
  const locs = [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => decodeEntities(m[1]));
  const alts = [...xml.matchAll(/<xhtml:link\b[^>]*\bhref\s*=\s*"([^"]*)"/g)].map((m) => decodeEntities(m[1]));
  if (locs.length === 0) problems.push('sitemap.xml lists no <loc>');
  const sitemapUrl = site.publicUrlOfFile('sitemap.xml');
  const seen = new Set();
  for (const [what, list] of [['<loc>', locs], ['<xhtml:link href>', alts]]) {
    for (const u of list) {
      if (what === '<loc>') {
        if (seen.has(u)) problems.push(`${what} ${u} is listed twice`);
        seen.add(u);
      }
      if (!/^https?:\/\//.test(u)) {
        problems.push(`${what} ${u} is not an absolute URL`);
        continue;
      }
      const c = classify(site, u, sitemapUrl);
      if (c.kind !== 'internal') problems.push(`${what} ${u} is not under the base URL ${site.base.href}`);
      else if (!site.fileOfPath(c.path)) problems.push(`${what} ${u}: no page at that URL`);
    }
  }
  if (site.fileSet.has('robots.txt')) {
    for (const m of site.read('robots.txt').matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)) {
      const c = classify(site, m[1], site.publicUrlOfFile('robots.txt'));
      if (c.kind !== 'internal' || !site.fileOfPath(c.path)) problems.push(`robots.txt: Sitemap: ${m[1]} does not point to a file of this site`);
    }
  }
  results.record('sitemap', 'sitemap.xml', problems);
}
