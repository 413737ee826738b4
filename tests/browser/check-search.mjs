// search: the search pages work, in a real browser, under a strict
// Content-Security-Policy (STRICT_CSP, sent with every answer, as the host
// docs recommend). A search page is a page with an element #gs-search; its
// form has a search field, and the element says how the last search went in
// data-state ("done" or "failed") and holds the result links.
//
// For every query (from --search FILE, and one made up for each search page
// from its own list of pages: a word of the first programme's title, which
// must find that programme):
//  - the page is opened with ?q=QUERY (what the search field in the header
//    sends): the search must finish, list a result that links to the
//    expected page, and list only pages of the search page's own language
//    (the first segment of its path);
//  - no console errors (the console shows what the CSP blocked) and no
//    failed requests.
// And once on each search page, with its first query: the query typed into
// the field and sent must do the same, and axe finds nothing with the
// results shown; with its first query that fills more than one page of
// results, "show more" pressed twice adds each result once. (The same page
// and script serve every query: run for each query, these checks made the
// Umeå suite's search checks take 12.5 s alone, against 8.2 s.)
// And each search page without JavaScript shows its note and its links.
//
// FILE is JSON: [{ "page": "sv/sok/", "query": "bostäder", "expect": "sv/tillvaxt/bostadsbyggande/" }],
// with paths under the site's base URL; "found": N also requires exactly N results.

import fs from 'node:fs';
import { runAxe } from './axe.mjs';
import { startServer } from './server.mjs';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TIMEOUT_MS = 20_000;

/** The queries of a --search FILE; throws with a readable message. */
export function readQueries(file) {
  let list;
  try {
    list = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`--search ${file}: ${e.message}`);
  }
  const ok = Array.isArray(list) && list.every((q) => q && ['page', 'query', 'expect'].every((k) => typeof q[k] === 'string'));
  if (!ok) throw new Error(`--search ${file}: expected [{ "page": "…", "query": "…", "expect": "…" }, …]`);
  return list;
}

/** The site's search pages (files with #gs-search), as paths under the base (`sv/sok/`). */
export function searchPages(site) {
  return site.htmlFiles
    .filter((f) => f !== '404.html' && site.read(f).includes('id="gs-search"'))
    .map((f) => f.replace(/index\.html$/, ''));
}

/** A query made from a search page's own list: a word of its first programme's title. */
function madeUpQuery(site, page) {
  const html = site.read(`${page}index.html`);
  const first = /<h3><a href="([^"]+)">([^<]+)<\/a><\/h3>/.exec(html.slice(html.indexOf('class="sitemap"')));
  if (!first) return null;
  const words = first[2].split(/[\s\u00a0,.:;()–-]+/).filter((w) => w.length >= 4);
  const word = words.sort((a, b) => b.length - a.length)[0];
  const expect = first[1].startsWith(site.prefix) ? first[1].slice(site.prefix.length) : first[1];
  return word ? { page, query: word.toLowerCase(), expect, madeUp: true } : null;
}

/** Opens `url` in a fresh context; returns { page, context, errors } with console errors and failed requests collected. */
async function open(browser, url, { javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', javaScriptEnabled: javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const errors = [];
  page.on('console', (msg) => {
    // Failed loads of the page's own requests are reported by the handlers below.
    if (msg.type() === 'error' && !/^Failed to load resource\b/.test(msg.text())) errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`${req.url()} failed: ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.url()} answered ${res.status()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors };
}

/** Waits for the search to finish; returns { state, status, links } */
async function finished(page) {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.getElementById('gs-search')?.dataset.state), null, { timeout: TIMEOUT_MS });
  return page.evaluate(() => {
    const root = document.getElementById('gs-search');
    return {
      state: root.dataset.state,
      status: (root.querySelector('[role="status"]')?.textContent || '').trim(),
      found: Number(root.dataset.found),
      links: [...root.querySelectorAll('ol a[href]')].map((a) => new URL(a.getAttribute('href'), window.location.href).pathname),
    };
  });
}

/** What is wrong with one search's outcome. */
function judge(site, q, outcome, how) {
  const problems = [];
  if (outcome.state !== 'done') {
    problems.push(`${how}: the search did not finish (${outcome.state}: "${outcome.status}")`);
    return problems;
  }
  const expected = site.prefix + q.expect;
  if (!outcome.links.includes(expected)) {
    problems.push(`${how}: no result links to ${expected} ("${outcome.status}"; results: ${outcome.links.slice(0, 8).join(', ') || 'none'})`);
  }
  if (q.found !== undefined && outcome.found !== q.found) {
    problems.push(`${how}: ${outcome.found} results, expected ${q.found} ("${outcome.status}")`);
  }
  const own = site.prefix + q.page.split('/')[0] + '/';
  const foreign = outcome.links.filter((l) => !l.startsWith(own));
  if (foreign.length) problems.push(`${how}: results from outside ${own}: ${foreign.join(', ')}`);
  return problems;
}

/**
 * One query on its search page; `once` holds what is still to be checked on
 * that page (`typed`: the typed search, then axe; `more`: "show more"), and
 * loses what this query checked.
 */
async function checkQuery(browser, site, server, q, results, once) {
  const subject = `${q.page} "${q.query}"${q.madeUp ? ' (from the page list)' : ''}`;
  const problems = [];
  const notes = [];
  const base = server.origin + site.prefix + q.page;
  let opened;
  try {
    opened = await open(browser, `${base}?q=${encodeURIComponent(q.query)}`);
    const { page } = opened;
    let outcome = await finished(page);
    problems.push(...judge(site, q, outcome, 'opened with ?q='));
    notes.push(`results: ${outcome.links.slice(0, 5).join(', ')}${outcome.links.length > 5 ? ', …' : ''}`);
    const typed = once.typed;
    if (typed) {
      once.typed = false;
      outcome = await typedAndSent(page, site, q, problems);
    }
    if (once.more && await page.locator('#gs-search .search__more').isVisible()) {
      once.more = false;
      await showMore(page, outcome, problems, notes);
    }
    if (typed) {
      // axe with the results on screen, loaded from the test server: the
      // strict policy allows scripts of the page's own origin, not inline ones.
      const axe = await runAxe(page, server.axeUrl);
      problems.push(...axe.violations.map((v) => `axe with results shown: ${v.id} [${v.impact}] ${v.help}: ${v.nodes[0]?.target || ''}`));
    }
    await page.waitForTimeout(50);
    problems.push(...opened.errors);
  } catch (e) {
    problems.push(`could not search: ${e.message.split('\n')[0]}`, ...(opened ? opened.errors : []));
  } finally {
    if (opened) await opened.context.close();
  }
  results.record('search', subject, problems, notes);
}

/** The query typed into the page's field and sent; returns the outcome. */
async function typedAndSent(page, site, q, problems) {
  const field = page.locator('main form[role="search"] input[type="search"]');
  await field.fill('');
  await page.waitForFunction(() => !document.getElementById('gs-search').dataset.state);
  await field.fill(q.query);
  await field.press('Enter');
  const outcome = await finished(page);
  problems.push(...judge(site, q, outcome, 'typed'));
  if (new URL(page.url()).searchParams.get('q') !== q.query) problems.push(`typed: the address does not keep the query (${page.url()})`);
  return outcome;
}

/** "Show more", pressed twice before the first batch arrives, adds each result once. */
async function showMore(page, before, problems, notes) {
  await page.evaluate(() => {
    const more = document.querySelector('#gs-search .search__more');
    more.click();
    more.click();
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const after = await finished(page);
  const twice = after.links.filter((l, i) => after.links.indexOf(l) !== i);
  if (twice.length) problems.push(`"show more" pressed twice shows results twice: ${[...new Set(twice)].join(', ')}`);
  if (after.links.length <= before.links.length) problems.push('"show more" added no results');
  notes.push(`show more: ${before.links.length} → ${after.links.length} results`);
}

async function checkWithoutJavaScript(browser, site, server, pagePath, results) {
  const problems = [];
  let opened;
  try {
    opened = await open(browser, `${server.origin}${site.prefix}${pagePath}?q=test`, { javaScript: false });
    const seen = await opened.page.evaluate(() => ({
      note: [...document.querySelectorAll('main .note')].some((n) => n.offsetParent !== null && /JavaScript/.test(n.textContent)),
      links: document.querySelectorAll('main section a[href]').length,
    }));
    if (!seen.note) problems.push('without JavaScript no note says that search needs it');
    if (seen.links === 0) problems.push('without JavaScript the page lists no pages');
    problems.push(...opened.errors);
  } catch (e) {
    problems.push(`could not open: ${e.message.split('\n')[0]}`);
  } finally {
    if (opened) await opened.context.close();
  }
  results.record('search', `${pagePath} without JavaScript`, problems);
}

/** Runs the search checks with `browser` on every search page of `site` (or those starting with one of `prefixes`), and the `queries` of those. */
export async function checkSearch(browser, site, results, { queries = [], log = () => {}, prefixes = null } = {}) {
  const every = searchPages(site);
  for (const q of queries) {
    if (!every.includes(q.page)) results.record('search', `${q.page} "${q.query}"`, [`${q.page} is not a search page of the site (search pages: ${every.join(', ') || 'none'})`]);
  }
  // With --pages, the search pages among those.
  const pages = prefixes ? every.filter((p) => prefixes.some((x) => `${p}index.html`.startsWith(x))) : every;
  if (pages.length === 0) return;
  const all = [...queries.filter((q) => pages.includes(q.page))];
  for (const page of pages) {
    const q = madeUpQuery(site, page);
    if (q) all.push(q);
  }
  const server = await startServer(site, { csp: STRICT_CSP });
  log(`  search: ${pages.length} search pages, ${all.length} queries, served with Content-Security-Policy: ${STRICT_CSP}`);
  try {
    const todo = new Map(pages.map((p) => [p, { typed: true, more: true }]));
    for (const q of all) await checkQuery(browser, site, server, q, results, todo.get(q.page));
    for (const page of pages) await checkWithoutJavaScript(browser, site, server, page, results);
  } finally {
    await server.close();
  }
}
