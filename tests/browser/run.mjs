#!/usr/bin/env node
// The browser/standards suite for a built goalsite site.
//
//   node tests/browser/run.mjs SITE_DIR --base-url URL [--workers N] [--json FILE]
//                              [--only html,links,browser] [--search QUERIES.json]
//                              [--pages PREFIX,...]
//
// SITE_DIR is a site built with `goalsite build --output SITE_DIR --base-url URL`.
// Checks, each counted per page (or file) and category:
//   html        Nu HTML Checker: 0 errors
//   links       internal href/src and #fragments resolve (pages and CSS)
//   hreflang    <link rel="alternate" hreflang> targets exist and are reciprocal
//   sitemap     sitemap.xml <loc>s exist
//   axe         axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice): 0 violations
//   reflow-320  no horizontal scrolling at 320 px
//   charts      chart text at least 12 px (1280) and 11 px (320), inside, not overlapping,
//               not crossed by a line nor covered by a marker
//   console     no console errors or uncaught exceptions
//   requests    no failed request to the site itself
//   search      each search page finds what it should, in its own language only,
//               under a strict Content-Security-Policy; QUERIES.json lists
//               [{ "page": "sv/sok/", "query": "bostäder", "expect": "sv/tillvaxt/bostadsbyggande/" }]
//               (paths under the base URL); one query per search page is made
//               up from its own list of pages
// --pages limits the checks in the browser (axe, reflow, charts, console,
// requests, search) to the pages whose file starts with one of the prefixes (e.g.
// `2024/sv/tillvaxt/`); the HTML, link, hreflang and sitemap checks still
// cover every page.
// Prints every problem, then `N passed, M failed` alone on the last line.
// Exits 1 if any check failed, 2 on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { checkInBrowser } from './check-browser.mjs';
import { checkHtml } from './check-html.mjs';
import { checkLinks } from './check-links.mjs';
import { readQueries } from './check-search.mjs';
import { Results } from './results.mjs';
import { startServer } from './server.mjs';
import { Site } from './site.mjs';

function usage(msg) {
  if (msg) process.stderr.write(`run.mjs: ${msg}\n`);
  process.stderr.write('usage: node tests/browser/run.mjs SITE_DIR --base-url URL [--workers N] [--json FILE] [--only html,links,browser] [--search QUERIES.json] [--pages PREFIX,...]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { workers: 2, only: null, json: null, baseUrl: null, siteDir: null, search: null, pages: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--base-url' || a.startsWith('--base-url=')) opts.baseUrl = value();
    else if (a === '--workers' || a.startsWith('--workers=')) opts.workers = Number(value());
    else if (a === '--json' || a.startsWith('--json=')) opts.json = value();
    else if (a === '--only' || a.startsWith('--only=')) opts.only = value().split(',').map((s) => s.trim());
    else if (a === '--search' || a.startsWith('--search=')) opts.search = value();
    else if (a === '--pages' || a.startsWith('--pages=')) opts.pages = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.siteDir === null) opts.siteDir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.siteDir) usage('SITE_DIR is required');
  if (!opts.baseUrl) usage('--base-url is required');
  if (!Number.isInteger(opts.workers) || opts.workers < 1) usage('--workers must be a positive integer');
  if (opts.search) {
    try {
      opts.searchQueries = readQueries(opts.search);
    } catch (e) {
      usage(e.message);
    }
  }
  try {
    const u = new URL(opts.baseUrl);
    if (!/^https?:$/.test(u.protocol)) usage('--base-url must be an http(s) URL');
  } catch {
    usage(`--base-url ${opts.baseUrl} is not a URL`);
  }
  const known = ['html', 'links', 'browser'];
  for (const o of opts.only || []) if (!known.includes(o)) usage(`--only takes ${known.join(', ')}`);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.siteDir, 'index.html')) && !fs.existsSync(opts.siteDir)) usage(`${opts.siteDir} does not exist`);
  const site = new Site(opts.siteDir, opts.baseUrl);
  const want = (what) => !opts.only || opts.only.includes(what);
  const log = (s) => process.stderr.write(`${s}\n`);
  const results = new Results();
  const t0 = Date.now();
  log(`Checking ${site.htmlFiles.length} HTML pages (${site.files.length} files) in ${site.root} as ${site.base.href}`);
  if (site.htmlFiles.length === 0) results.record('site', site.root, ['no .html files: was the site built?']);

  // The Nu checker runs in its own JVM while the browser works.
  const timed = async (name, fn) => {
    const t = Date.now();
    await fn();
    log(`  ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const htmlDone = want('html') ? timed('Nu HTML Checker', () => checkHtml(site, results)) : Promise.resolve();
  if (want('links')) {
    await timed('link check', async () => {
      const { externalCount, externalHosts } = checkLinks(site, results);
      log(`  ${externalCount} links to other sites not followed (${externalHosts.join(', ') || 'none'})`);
    });
  }
  if (want('browser')) {
    const server = await startServer(site);
    log(`  serving ${site.root} at ${server.url}`);
    try {
      const searchQueries = opts.searchQueries || [];
      await timed('browser checks', () => checkInBrowser(site, server, results, { workers: opts.workers, log, searchQueries, pages: opts.pages }));
    } finally {
      await server.close();
    }
  }
  await htmlDone;

  // Sort by category order of appearance, then subject, for a stable report.
  const order = ['site', 'html', 'links', 'hreflang', 'sitemap', 'browser', 'axe', 'reflow-320', 'charts', 'console', 'requests', 'search'];
  results.checks.sort((a, b) => (order.indexOf(a.category) - order.indexOf(b.category)) || a.subject.localeCompare(b.subject));
  results.print();
  if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nBrowser suite took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${results.passed} passed, ${results.failed} failed\n`);
  process.exitCode = results.failed > 0 || results.checks.length === 0 ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`run.mjs: ${e.stack || e}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
