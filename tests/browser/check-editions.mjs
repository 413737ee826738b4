#!/usr/bin/env node
// Walks a site with more than one edition the way a reader does, in Chromium.
//
//   node tests/browser/check-editions.mjs SITE_DIR --base-url URL
//
// SITE_DIR is a site built with `goalsite build` after at least one
// `goalsite new-year`. Found in the site itself, with nothing named:
//   - archived editions: top-level year folders whose pages carry the
//     edition banner (`.edition-banner`);
//   - permanent addresses of the current edition: year folders without it.
// Checks:
//   banner      every archived page shows its banner, on screen, with a link;
//               the link leads to a page of the current edition (status 200,
//               no banner, outside every year folder) in the same language
//   language    every archived page's language links stay in its edition and
//               land on a page in that language with the banner; the current
//               page reached from the banner switches language outside the
//               year folders
//   address     every permanent address of the current edition lands on the
//               same page of the current edition
//   editions    each language's list of editions (`ul.editions`) links to
//               every archived edition's front page in that language, and
//               each link opens
// Prints every problem, then `N passed, M failed` alone on the last line.
// Exits 1 if any check failed, 2 on a usage error.

import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { Results } from './results.mjs';
import { startServer } from './server.mjs';
import { Site } from './site.mjs';

const WORKERS = Number(process.env.BROWSER_WORKERS || 2);

function usage(msg) {
  if (msg) process.stderr.write(`check-editions.mjs: ${msg}\n`);
  process.stderr.write('usage: node tests/browser/check-editions.mjs SITE_DIR --base-url URL\n');
  process.exit(2);
}

function parseArgs(argv) {
  let siteDir = null;
  let baseUrl = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') baseUrl = argv[++i];
    else if (a.startsWith('--base-url=')) baseUrl = a.slice('--base-url='.length);
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!siteDir) siteDir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!siteDir || !baseUrl) usage('SITE_DIR and --base-url are required');
  if (!fs.existsSync(siteDir)) usage(`${siteDir} does not exist`);
  return { siteDir, baseUrl };
}

/** The site's year folders, split into archived editions and permanent addresses. */
function yearFolders(site) {
  const years = new Map();
  for (const f of site.htmlFiles) {
    const m = /^(\d{4})\//.exec(f);
    if (!m) continue;
    if (!years.has(m[1])) years.set(m[1], []);
    years.get(m[1]).push(f);
  }
  const archived = [];
  const addresses = [];
  for (const [year, files] of [...years].sort()) {
    const bannered = files.some((f) => site.read(f).includes('class="edition-banner"'));
    (bannered ? archived : addresses).push({ year, files });
  }
  return { archived, addresses };
}

/** What a reader sees of a page: its path, status, language, banner and language links. */
async function look(page) {
  return page.evaluate(() => {
    const banner = document.querySelector('.edition-banner');
    let bannerShown = false;
    if (banner) {
      const r = banner.getBoundingClientRect();
      const style = getComputedStyle(banner);
      bannerShown = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    }
    return {
      path: location.pathname,
      lang: document.documentElement.lang,
      banner: Boolean(banner),
      bannerShown,
      bannerLink: banner?.querySelector('a')?.getAttribute('href') ?? null,
      languageLinks: [...document.querySelectorAll('a[hreflang]')]
        .filter((a) => !a.closest('head'))
        .map((a) => ({ href: a.getAttribute('href'), hreflang: a.getAttribute('hreflang') })),
    };
  });
}

/** Opens `url` in `tab` and says the answer's status. */
async function open(tab, url) {
  const response = await tab.goto(url, { waitUntil: 'load' });
  return response?.status() ?? 0;
}

function inYearFolder(site, urlPath, years) {
  const rest = urlPath.startsWith(site.prefix) ? urlPath.slice(site.prefix.length) : urlPath;
  return years.some((y) => rest.startsWith(`${y}/`));
}

/** Opens each language link of `from` (seen at `url`); `expect(there, link)` lists what is wrong. */
async function followLanguageLinks(tab, from, url, expect) {
  const problems = [];
  for (const link of from.languageLinks) {
    const status = await open(tab, new URL(link.href, url).href);
    const there = await look(tab);
    if (status !== 200) problems.push(`${link.href} answers ${status}`);
    if (there.lang !== link.hreflang) problems.push(`${link.href} has lang="${there.lang}", not ${link.hreflang}`);
    problems.push(...expect(there, link));
  }
  return problems;
}

async function checkArchivedPage(tab, site, server, file, year, years, results) {
  const url = server.origin + site.pathOfFile(file);
  const status = await open(tab, url);
  const seen = await look(tab);
  const problems = [];
  if (status !== 200) problems.push(`status ${status}`);
  if (!seen.banner) problems.push('no edition banner');
  else if (!seen.bannerShown) problems.push('the edition banner is not shown');
  if (seen.banner && !seen.bannerLink) problems.push('the edition banner has no link to the current edition');
  let current = null;
  if (seen.bannerLink) {
    const linkStatus = await open(tab, new URL(seen.bannerLink, url).href);
    current = await look(tab);
    if (linkStatus !== 200) problems.push(`the banner's link ${seen.bannerLink} answers ${linkStatus}`);
    if (current.banner) problems.push(`the banner's link ${seen.bannerLink} leads to a page with a banner`);
    if (inYearFolder(site, current.path, years)) problems.push(`the banner's link leads into a year folder: ${current.path}`);
    if (current.lang !== seen.lang) problems.push(`the banner's link leads from lang="${seen.lang}" to lang="${current.lang}"`);
  }
  results.record('banner', file, problems);

  const language = await followLanguageLinks(tab, seen, url, (there, link) => [
    ...(there.path.startsWith(`${site.prefix}${year}/`) ? [] : [`${link.href} leaves the ${year} edition`]),
    ...(there.banner ? [] : [`${link.href} has no edition banner`]),
  ]);
  if (current) {
    const fromCurrent = await followLanguageLinks(tab, current, server.origin + current.path, (there, link) =>
      inYearFolder(site, there.path, years) ? [`${link.href} leads into a year folder`] : []);
    language.push(...fromCurrent.map((p) => `current edition: ${p}`));
  }
  if (seen.languageLinks.length === 0 && current?.languageLinks.length) language.push('no language links on the archived page');
  results.record('language', file, language);
}

async function checkAddress(tab, site, server, file, year, results) {
  const status = await open(tab, server.origin + site.pathOfFile(file));
  // A permanent address forwards with <meta http-equiv="refresh"> right after load.
  await tab.waitForURL((u) => !inYearFolder(site, u.pathname, [year]), { timeout: 5000 }).catch(() => {});
  const there = await look(tab);
  const expected = site.pathOfFile(file.slice(year.length + 1));
  const problems = [];
  if (status !== 200) problems.push(`status ${status}`);
  if (there.path !== expected) problems.push(`lands on ${there.path}, not ${expected}`);
  if (there.banner) problems.push('lands on a page with an edition banner');
  results.record('address', file, problems);
}

async function checkEditionsPage(tab, site, server, file, archived, results) {
  const url = server.origin + site.pathOfFile(file);
  await open(tab, url);
  const { lang, links } = await tab.evaluate(() => ({
    lang: document.documentElement.lang,
    links: [...document.querySelectorAll('ul.editions a')].map((a) => a.getAttribute('href')),
  }));
  const problems = [];
  for (const { year } of archived) {
    const front = `${site.prefix}${year}/${lang}/`;
    if (!links.some((h) => new URL(h, url).pathname === front)) problems.push(`no link to ${front}`);
  }
  for (const href of links) {
    const status = await open(tab, new URL(href, url).href);
    if (status !== 200) problems.push(`${href} answers ${status}`);
  }
  results.record('editions', file, problems);
}

async function main() {
  const { siteDir, baseUrl } = parseArgs(process.argv.slice(2));
  const site = new Site(siteDir, baseUrl);
  const results = new Results();
  const { archived, addresses } = yearFolders(site);
  if (archived.length === 0) results.record('editions', '(site)', ['no archived edition: no year folder has pages with .edition-banner']);
  const years = [...archived, ...addresses].map((e) => e.year);
  const server = await startServer(site);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    chromiumSandbox: false,
  });
  const t0 = Date.now();
  const lists = site.htmlFiles.filter((f) => !/^\d{4}\//.test(f) && site.read(f).includes('class="editions"'));
  if (lists.length === 0) results.record('editions', '(site)', ['no page lists the editions (ul.editions)']);
  const tasks = [
    ...archived.flatMap(({ year, files }) => files.map((f) => (tab) => checkArchivedPage(tab, site, server, f, year, years, results))),
    ...addresses.flatMap(({ year, files }) => files.map((f) => (tab) => checkAddress(tab, site, server, f, year, results))),
    ...lists.map((f) => (tab) => checkEditionsPage(tab, site, server, f, archived, results)),
  ];
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    let next = 0;
    const worker = async () => {
      const tab = await context.newPage();
      while (next < tasks.length) await tasks[next++](tab);
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  results.print();
  process.stdout.write(`\nEditions walk took ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${results.passed} passed, ${results.failed} failed\n`);
  process.exitCode = results.failed > 0 || results.checks.length === 0 ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`check-editions.mjs: ${e.stack || e}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
