// Checks in a real browser: Debian's Chromium driven by playwright-core visits
// every page of the site, served by the test server.
//  - axe: axe-core with the WCAG 2.0/2.1 A and AA rules and best practices,
//    at 1280 px wide, and at 320 px on the pages in the site's first
//    language and the site-wide ones: 0 violations (in other languages the
//    narrow run repeats the first's on the same templates and style sheet;
//    what a language changes at 320 px is what the checks below measure);
//  - reflow-320: at 320 CSS px wide nothing scrolls sideways (WCAG 1.4.10);
//  - charts: every chart text is at least 12 px at 1280 px and 11 px at
//    320 px, inside its drawing, covers no other text, and is crossed by
//    no drawn line and covered by no marker;
//  - overview: the first programme's tally is in the first screen at
//    1280×800 and 390×844 (pages with an overview);
//  - tables-320: no table column outside the viewport at 320 px but in a
//    table that scrolls with a cue and a fixed first column (and no table
//    of up to three columns scrolls at all); tables stay
//    tables for screen readers;
//  - console: no errors in the console and no uncaught exceptions;
//  - requests: every request to the site itself succeeds;
//  - search: the search pages find what they should under a strict
//    Content-Security-Policy (check-search.mjs).
// Only 127.0.0.1 is reachable: requests for the base URL's host are answered
// from the site's files, every other host is blocked.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AXE_PATH, runAxe } from './axe.mjs';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { measureCharts } from './check-charts.mjs';
import { measureOverview, measureTables } from './check-layout.mjs';
import { checkSearch } from './check-search.mjs';
import { respond } from './server.mjs';

export { AXE_PATH, AXE_TAGS } from './axe.mjs';
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };
// The first screens the overview must fit in: a laptop and a common phone.
const FIRST_SCREENS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
const NAV_TIMEOUT_MS = 30_000;

/** Measures sideways overflow at the current viewport; names the widest culprits. */
async function measureReflow(page) {
  return page.evaluate(async () => {
    if (document.fonts && document.fonts.ready) await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const vw = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      const cls = typeof el.className === 'string' ? el.className.trim() : (el.getAttribute('class') || '').trim();
      if (cls) s += `.${cls.split(/\s+/).join('.')}`;
      const parent = el.parentElement && el.parentElement !== document.body ? el.parentElement : null;
      return parent ? `${describe(parent).split(' > ').slice(-1)[0]} > ${s}` : s;
    };
    const offenders = [];
    if (scrollWidth > window.innerWidth) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right <= vw + 0.5) continue;
        // Report the outermost element that overflows (its children follow it).
        let p = el.parentElement;
        let parentOverflows = false;
        while (p && p !== document.body) {
          if (p.getBoundingClientRect().right > vw + 0.5) { parentOverflows = true; break; }
          p = p.parentElement;
        }
        if (!parentOverflows) offenders.push(`${describe(el)} (right edge at ${Math.round(r.right)} px, ${Math.round(r.width)} px wide)`);
        if (offenders.length >= 5) break;
      }
    }
    return { scrollWidth, innerWidth: window.innerWidth, offenders };
  });
}

function formatViolation(v, viewports) {
  const first = v.nodes[0];
  const more = v.nodes.length > 1 ? ` (+${v.nodes.length - 1} more element${v.nodes.length > 2 ? 's' : ''})` : '';
  const html = first && first.html ? `\n    element: ${first.html.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  const summary = first && first.summary ? `\n    ${first.summary.replace(/\s*\n\s*/g, ' ').slice(0, 400)}` : '';
  return `${v.id} [${v.impact}] ${v.help}: ${first ? first.target : '(no element)'}${more}${viewports}${html}${summary}`;
}

/**
 * Waits until `pending()` has been 0 for QUIET_MS in a row (at most 5 s):
 * Playwright's 'networkidle' waits 500 ms after the last request of every
 * page, which is most of a visit on a static page.
 */
const QUIET_MS = 100;
async function quiet(pending) {
  const end = Date.now() + 5_000;
  let since = Date.now();
  while (Date.now() < end) {
    if (pending() > 0) since = Date.now();
    else if (Date.now() - since >= QUIET_MS) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until `done()` holds, at most `ms`. */
async function until(done, ms) {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** What one visit saw: its requests, their failures, the console. */
function newSighting(expectStatus = undefined) {
  return {
    requests: new Set(), // the requests made since the visit began
    consoleErrors: [],
    failedRequests: [],
    blocked: new Set(),
    heldNavigations: [],
    aborted: new Set(),
    answeredBadly: new Set(),
    inflight: new Set(),
    mainDocument: null,
    started: false, // the visit's own navigation has begun
    expectStatus,
  };
}

/**
 * A worker's browser tab: one page that visits one URL after another (a new
 * page per visit cost twice the visit: the renderer, and axe-core compiled
 * anew each time). Its handlers record into the current visit's sighting;
 * a request begun before the visit (the last page's) is not the visit's.
 */
async function openTab(context, site, server) {
  const serverHost = new URL(server.origin).host;
  const baseHost = site.base.host;
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const tab = { page, seen: newSighting(), axeUrl: server.axeUrl };
  const ours = (u) => {
    try {
      const h = new URL(u).host;
      return h === serverHost || h === baseHost;
    } catch {
      return false;
    }
  };

  await page.route('**/*', async (route) => {
    const seen = tab.seen;
    const req = route.request();
    const url = new URL(req.url());
    const isMainNav = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (isMainNav && !seen.started) {
      // The last page navigating on its own (a timer) before this visit's
      // own navigation: not the page to audit.
      seen.aborted.add(req);
      await route.abort('aborted');
      return;
    }
    if (isMainNav) {
      if (seen.mainDocument === null) {
        seen.mainDocument = req;
      } else {
        // A second navigation of the page (meta refresh, script): keep the
        // page being audited where it is, deterministically.
        seen.heldNavigations.push(req.url());
        seen.aborted.add(req);
        await route.abort('aborted');
        return;
      }
    }
    if (url.host === serverHost) {
      await route.continue();
    } else if ((url.protocol === 'https:' || url.protocol === 'http:') && url.host === baseHost) {
      const r = respond(site, url.pathname, req.method());
      await route.fulfill({ status: r.status, headers: r.headers, body: r.body });
    } else {
      seen.blocked.add(`${url.protocol}//${url.host}`);
      seen.aborted.add(req);
      await route.abort('blockedbyclient');
    }
  });

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Failed loads are reported by the requests check (same-origin) or as a
    // blocked external request.
    if (/^Failed to load resource\b/.test(text)) return;
    const loc = msg.location();
    tab.seen.consoleErrors.push(`console error: ${text}${loc && loc.url ? ` (${loc.url}${loc.lineNumber ? `:${loc.lineNumber}` : ''})` : ''}`);
  });
  page.on('pageerror', (err) => tab.seen.consoleErrors.push(`uncaught exception: ${err.message}`));
  // Requests still under way, for the wait after load (late requests come in
  // before the checks).
  page.on('request', (req) => {
    tab.seen.requests.add(req);
    tab.seen.inflight.add(req);
  });
  page.on('requestfinished', (req) => tab.seen.inflight.delete(req));
  page.on('response', (res) => {
    const seen = tab.seen;
    const req = res.request();
    if (!seen.requests.has(req) || !ours(res.url())) return;
    if (req === seen.mainDocument && seen.expectStatus !== undefined) return;
    if (res.status() >= 400) {
      seen.answeredBadly.add(req);
      seen.failedRequests.push(`${req.method()} ${res.url()} answered ${res.status()} (${req.resourceType()})`);
    }
  });
  page.on('requestfailed', (req) => {
    const seen = tab.seen;
    seen.inflight.delete(req);
    if (!seen.requests.has(req) || seen.aborted.has(req) || seen.answeredBadly.has(req) || !ours(req.url())) return;
    // A request can fail after its answer came (e.g. a 404 page blocked for
    // its MIME type): name the server's status then.
    const path = new URL(req.url()).pathname;
    const served = [...server.requests].reverse().find((r) => r.path === path);
    const status = served ? ` (the server answered ${served.status})` : '';
    seen.failedRequests.push(`${req.method()} ${req.url()} failed: ${req.failure()?.errorText}${status} (${req.resourceType()})`);
  });
  return tab;
}

/**
 * Visits one URL in the worker's tab and records its checks.
 * `visit` = { subject, url, audit (run axe + reflow), narrowAxe (axe at 320 px too), expectStatus }
 */
async function visitPage(tab, visit, results) {
  const { page } = tab;
  const seen = newSighting(visit.expectStatus);
  tab.seen = seen;
  await page.setViewportSize(DESKTOP);
  const { consoleErrors, failedRequests, blocked, heldNavigations, inflight } = seen;

  const problemsNav = [];
  let response = null;
  try {
    seen.started = true;
    response = await page.goto(visit.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    await quiet(() => inflight.size);
    // A page that leads on (meta refresh) is held where it is: wait for its
    // next navigation, so that the note says so whatever the machine's load.
    if (await page.$('meta[http-equiv="refresh" i]').catch(() => null)) {
      await until(() => heldNavigations.length > 0, 3_000);
    }
  } catch (e) {
    problemsNav.push(`could not load ${visit.url}: ${e.message.split('\n')[0]}`);
  }
  const status = response ? response.status() : null;
  const expected = visit.expectStatus ?? 200;
  if (response && status !== expected) problemsNav.push(`${visit.url} answered ${status}, expected ${expected}`);
  const notes = [];
  if (heldNavigations.length) notes.push(`the page navigates on its own (to ${heldNavigations.join(', ')}); it was audited where it is`);
  if (blocked.size) notes.push(`blocked requests to other hosts: ${[...blocked].sort().join(', ')}`);

  if (visit.audit && problemsNav.length === 0) {
    // axe at desktop width, then at 320 px (in the first language); the
    // reflow check at 320 px.
    const violations = new Map(); // id|target -> { v, viewports:Set }
    const addAll = (list, label) => {
      for (const v of list) {
        const key = `${v.id}|${v.nodes.map((n) => n.target).join(',')}`;
        if (!violations.has(key)) violations.set(key, { v, viewports: new Set() });
        violations.get(key).viewports.add(label);
      }
    };
    let axeError = null;
    const review = new Map();
    try {
      const r = await runAxe(page, tab.axeUrl);
      addAll(r.violations, `${DESKTOP.width}px`);
      for (const i of r.incomplete) if (!review.has(i.id)) review.set(i.id, i);
    } catch (e) {
      axeError = `axe failed at ${DESKTOP.width}px: ${e.message.split('\n')[0]}`;
    }
    const chartProblems = [];
    let charts = 0;
    const measure = async (minPx, label) => {
      try {
        const m = await measureCharts(page, minPx);
        charts = Math.max(charts, m.count);
        chartProblems.push(...m.problems.map((p) => `at ${label}: ${p}`));
      } catch (e) {
        chartProblems.push(`could not measure the charts at ${label}: ${e.message.split('\n')[0]}`);
      }
    };
    await measure(12, `${DESKTOP.width}px`);
    const overviewProblems = [];
    const overview = await page.$('.overview').catch(() => null);
    for (const screen of overview ? FIRST_SCREENS : []) {
      await page.setViewportSize(screen);
      try {
        const found = (await measureOverview(page)) || [];
        overviewProblems.push(...found.map((p) => `at ${screen.width}×${screen.height}: ${p}`));
      } catch (e) {
        overviewProblems.push(`could not measure at ${screen.width}×${screen.height}: ${e.message.split('\n')[0]}`);
      }
    }
    if (overview) results.record('overview', visit.subject, overviewProblems);
    await page.setViewportSize(NARROW);
    await measure(11, `${NARROW.width}px`);
    if (charts > 0 || chartProblems.length > 0) results.record('charts', visit.subject, chartProblems);
    try {
      results.record('tables-320', visit.subject, await measureTables(page));
    } catch (e) {
      results.record('tables-320', visit.subject, [`could not measure: ${e.message.split('\n')[0]}`]);
    }
    let reflow = null;
    try {
      reflow = await measureReflow(page);
    } catch (e) {
      results.record('reflow-320', visit.subject, [`could not measure: ${e.message.split('\n')[0]}`]);
    }
    if (reflow) {
      const problems = [];
      if (reflow.scrollWidth > NARROW.width) {
        problems.push(`document.documentElement.scrollWidth is ${reflow.scrollWidth} px at a ${NARROW.width} px wide viewport: the page scrolls sideways`
          + (reflow.offenders.length ? `\n  overflowing: ${reflow.offenders.join('\n               ')}` : ''));
      }
      results.record('reflow-320', visit.subject, problems);
    }
    // axe's narrow run repeats the first language's on the same templates
    // and style sheet: what a language changes at 320 px (longer words, its
    // text in tables and charts) is what the checks above measure.
    if (visit.narrowAxe) {
      try {
        const r = await runAxe(page, tab.axeUrl);
        addAll(r.violations, `${NARROW.width}px`);
        for (const i of r.incomplete) if (!review.has(i.id)) review.set(i.id, i);
      } catch (e) {
        axeError = axeError || `axe failed at ${NARROW.width}px: ${e.message.split('\n')[0]}`;
      }
    }
    const both = visit.narrowAxe ? 2 : 1;
    const axeProblems = [...violations.values()].map(({ v, viewports }) =>
      formatViolation(v, viewports.size === both ? '' : ` (at ${[...viewports].join(', ')} only)`));
    if (axeError) axeProblems.push(axeError);
    const reviewNotes = [...review.values()].map((i) => `needs review (axe could not decide): ${i.id} at ${i.target}: ${i.message}`);
    results.record('axe', visit.subject, axeProblems, reviewNotes);
  } else if (visit.audit) {
    results.record('axe', visit.subject, problemsNav);
    results.record('reflow-320', visit.subject, ['not measured: the page did not load']);
  }

  // Give late console messages and responses a moment to arrive.
  await page.waitForTimeout(50);
  results.record('console', visit.subject, consoleErrors);
  results.record('requests', visit.subject, [...problemsNav, ...failedRequests], notes);
}

/**
 * The site's first language: that of its root page, which leads to it.
 */
function firstLanguage(site) {
  try {
    return htmlLang(fs.readFileSync(path.join(site.root, 'index.html'), 'utf8')) || null;
  } catch {
    return null;
  }
}

/** The language a page's `<html lang>` says ('' without one). */
function htmlLang(html) {
  return (html.match(/<html[^>]*\blang="([^"]*)"/i) || [])[1] || '';
}

/**
 * The language folder a page is in (`sv/tillvaxt/index.html`, and a year's
 * `2024/sv/…`: `sv`), or null for the site-wide pages (404, the root page).
 */
function pageLanguage(file) {
  const m = file.match(/^(?:\d{4}\/)?([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\//);
  return m ? m[1] : null;
}

/**
 * The pages to visit of `files`: of a year's permanent addresses that only
 * lead elsewhere (`2025/sv/…` with a meta refresh: one template, seen for
 * an instant), the first of each language; the others are noted.
 * The HTML, link and hreflang checks read every page all the same.
 */
function onePerLanguageOfRedirects(site, files, results) {
  const seen = new Set();
  const left = [];
  const chosen = files.filter((f) => {
    if (!/^\d{4}\//.test(f)) return true;
    const html = fs.readFileSync(path.join(site.root, f), 'utf8');
    if (!/<meta http-equiv="refresh"/i.test(html)) return true;
    const lang = htmlLang(html);
    if (seen.has(lang)) {
      left.push(f);
      return false;
    }
    seen.add(lang);
    return true;
  });
  if (left.length) {
    results.record('browser', '(pages that lead elsewhere)', [], [
      `${left.length} more permanent addresses that only lead elsewhere (meta refresh, one template) were not visited: one per language was`,
    ]);
  }
  return chosen;
}

/**
 * Visits every HTML page (or those starting with one of `pages`, and a missing URL) with `workers` pages at a time,
 * then checks the search pages (of those) with `searchQueries` (check-search.mjs).
 */
export async function checkInBrowser(site, server, results, { executablePath, workers = 2, log = () => {}, searchQueries = [], pages = null } = {}) {
  const exe = executablePath || process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(exe)) {
    results.record('browser', '(chromium)', [`${exe} not found: run scripts/install-test-deps`]);
    return;
  }
  if (!fs.existsSync(AXE_PATH)) {
    results.record('browser', '(axe-core)', [`${AXE_PATH} is missing: run scripts/install-test-deps`]);
    return;
  }
  const listed = pages ? site.htmlFiles.filter((f) => pages.some((p) => f.startsWith(p))) : site.htmlFiles;
  if (pages && listed.length === 0) results.record('browser', '(--pages)', [`no page starts with ${pages.join(', ')}`]);
  const chosen = onePerLanguageOfRedirects(site, listed, results);
  const first = firstLanguage(site);
  const visits = chosen.map((f) => ({
    subject: f,
    url: server.origin + site.pathOfFile(f),
    audit: true,
    narrowAxe: [null, first].includes(pageLanguage(f)),
    expectStatus: f === '404.html' ? 200 : undefined,
  }));
  const wideOnly = visits.filter((v) => !v.narrowAxe).length;
  if (wideOnly) {
    log(`  axe at ${DESKTOP.width} px only on ${wideOnly} page${wideOnly === 1 ? '' : 's'} not in ${first || 'the first language'} (at both widths on its pages; the other checks at 320 px on every page)`);
  }
  // The 404 page as a visitor meets it: for a missing URL a few levels deep,
  // with status 404, and with its style sheet and images still loading.
  if (site.fileSet.has('404.html')) {
    const missing = `${site.prefix}no-such-page/deeper/still/`;
    visits.push({ subject: `(missing URL ${missing})`, url: server.origin + missing, audit: false, expectStatus: 404 });
  }

  // Playwright starts Chromium with a fresh temporary profile of its own.
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: exe,
      headless: true,
      args: CHROMIUM_ARGS,
      chromiumSandbox: false,
      timeout: 60_000,
    });
  } catch (e) {
    results.record('browser', '(chromium)', [`could not start ${exe}: ${e.message.split('\n').slice(0, 5).join('\n')}`]);
    return;
  }
  log(`  browser: ${exe} (Chromium ${browser.version()}), ${visits.length} visits, ${workers} at a time`);
  try {
    let next = 0;
    const worker = async () => {
      const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', javaScriptEnabled: true });
      let tab = await openTab(context, site, server);
      while (next < visits.length) {
        const v = visits[next++];
        const t0 = Date.now();
        try {
          if (tab.page.isClosed()) tab = await openTab(context, site, server);
          await visitPage(tab, v, results);
        } catch (e) {
          results.record('browser', v.subject, [`visit failed: ${e.message.split('\n')[0]}`]);
        }
        log(`  visited ${v.subject} in ${Date.now() - t0} ms`);
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
    const t0 = Date.now();
    await checkSearch(browser, site, results, { queries: searchQueries, log, prefixes: pages });
    log(`  search checks done in ${Date.now() - t0} ms`);
  } finally {
    await browser.close().catch(() => {});
  }
}
