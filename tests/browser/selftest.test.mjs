// Tests of the harness itself (node --test tests/browser/selftest.test.mjs):
// a small fixture site with known faults must be reported exactly where they
// are, and its clean pages must pass. This keeps a green browser suite from
// meaning "the checks silently did nothing".

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fragmentTargets, references, scanTags } from './html.mjs';
import { startServer } from './server.mjs';
import { Site } from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BASE = 'https://www.example.org/prefix/';

const head = (lang, title, alternates = '') => `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="canonical" href="${BASE}${lang}/">
${alternates}
<link rel="stylesheet" href="/prefix/style.css">
</head>`;

const clean = (lang, other) => `${head(lang, `Clean ${lang}`, `<link rel="alternate" hreflang="${lang}" href="${BASE}${lang}/">
<link rel="alternate" hreflang="${other}" href="${BASE}${other}/">`)}
<body>
<a href="#main">Skip</a>
<main id="main">
<h1>Clean ${lang}</h1>
<p><a href="/prefix/${other}/">Other language</a> <a href="../${other}/#main">Other main</a> <a href="${BASE}${lang}/#main">Self</a>
<a href="https://elsewhere.example/">Elsewhere</a> <a href="mailto:a@example.org">Mail</a></p>
<p><img src="../pixel.svg" alt="A pixel" width="10" height="10">
<img src="${BASE}pixel.svg" alt="The same pixel, by its public URL" width="10" height="10"></p>
<section class="overview"><h2>Overview</h2><ul><li class="overview__programme"><h3>Programme</h3><ul class="tally__list"><li>1 Yes</li></ul></li></ul></section>
<table><caption>Narrow</caption><thead><tr><th>Goal</th><th>Status</th></tr></thead><tbody><tr><th>A</th><td>Yes</td></tr></tbody></table>
</main>
</body>
</html>
`;

const bad = `${head('sv', 'Bad', `<link rel="alternate" hreflang="sv" href="${BASE}sv/bad/">
<link rel="alternate" hreflang="en" href="${BASE}en/">
<link rel="alternate" hreflang="de" href="${BASE}de/">`)}
<body>
<main>
<h1>Bad</h1>
<h3>Skipped heading level</h3>
<p><img src="/prefix/pixel.svg"></p>
<p><a href="/prefix/sv/nope/">Broken</a> <a href="#nowhere">Bad fragment</a> <a href="/prefix/en/#missing-id">Bad fragment elsewhere</a>
<a href="/other-site/">Leaves the prefix</a></p>
<div style="width: 600px; background: #eee">Too wide</div>
<p style="color: #bbb; background: #fff">Low contrast text</p>
<img src="https://cdn.example.net/remote.png" alt="Remote">
<img src="${BASE}absent.png" alt="Absent, by its public URL">
<svg class="chart__svg" viewBox="0 0 640 100" width="640" role="img" aria-label="A bad chart"><title>Bad chart</title>
<text x="10" y="20" font-size="6">tiny</text><text x="100" y="50" font-size="14">Umeå</text><text x="110" y="52" font-size="14">Luleå</text>
<text x="630" y="90" font-size="14">cut off</text>
<text x="300" y="80" font-size="14" text-anchor="end">61</text><text x="300.5" y="80" font-size="14">63</text>
<text x="400" y="30" font-size="14">crossed</text><line x1="380" y1="25" x2="480" y2="25" stroke="#000" stroke-width="2"/>
<line x1="380" y1="45" x2="480" y2="45" stroke="#ccc" stroke-width="1"/><text x="400" y="50" font-size="14">on the grid</text>
<text x="520" y="30" font-size="14">covered</text><circle cx="535" cy="25" r="4" fill="#000"/></svg>
<div style="height: 1200px">Much text before the overview</div>
<section class="overview"><h2>Overview</h2><ul><li class="overview__programme"><h3>Programme</h3><ul class="tally__list"><li>1 Yes</li></ul></li></ul></section>
<table><caption>Too wide</caption><thead><tr><th>Goal</th><th>Target</th><th>Assessment</th></tr></thead>
<tbody><tr><th>A</th><td><span style="display: inline-block; width: 400px">A long target</span></td><td>Yes</td></tr></tbody></table>
<div class="table-scroll" style="overflow-x: auto"><table><caption>Scrolls without a cue</caption>
<thead><tr><th>Year</th><th>Value</th></tr></thead><tbody><tr><th>2024</th><td><span style="display: inline-block; width: 500px">1</span></td></tr></tbody></table></div>
<table role="presentation"><tr><td>Layout, not data</td></tr></table>
<script src="/prefix/missing.js"></script>
<script>throw new Error('boom from the fixture');</script>
</div>
</main>
</body>
</html>
`;

const root = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=/prefix/sv/">
<title>Redirect</title>
</head>
<body><main><h1>Redirect</h1><p><a href="/prefix/sv/">Svenska</a></p></main></body>
</html>
`;

const notFound = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Not found</title>
<link rel="stylesheet" href="style.css">
</head>
<body><main><h1>Not found</h1><p><a href="/prefix/sv/">Start</a></p></main></body>
</html>
`;

// A search page whose search (a stub, not Pagefind) finds "clean" on the
// Swedish page, finds nothing else, and for "mixed" a page in English too.
const search = `${head('sv', 'Sök')}
<body>
<main id="main">
<h1>Sök</h1>
<form id="gs-search-form" role="search" action="/prefix/sv/sok/" method="get">
<label for="q">Sök</label> <input id="q" type="search" name="q"> <button type="submit">Sök</button>
</form>
<div id="gs-search"><p role="status"></p><ol></ol></div>
<p class="note">Sökningen behöver JavaScript.</p>
<section class="sitemap" aria-labelledby="all"><h2 id="all">Alla sidor</h2>
<h3><a href="/prefix/sv/">Clean sv</a></h3>
</section>
<script src="/prefix/search-stub.js"></script>
</main>
</body>
</html>
`;

const searchStub = `(() => {
  const root = document.getElementById('gs-search');
  const form = document.getElementById('gs-search-form');
  const field = form.querySelector('input');
  const answers = { clean: ['/prefix/sv/'], mixed: ['/prefix/sv/', '/prefix/en/'] };
  const search = (q) => {
    const url = new URL(window.location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    root.querySelector('ol').replaceChildren();
    if (!q) { delete root.dataset.state; return; }
    const found = answers[q.trim().toLowerCase()] || [];
    for (const href of found) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = href;
      li.append(a);
      root.querySelector('ol').append(li);
    }
    root.querySelector('[role="status"]').textContent = found.length + ' träffar';
    root.dataset.state = 'done';
  };
  field.addEventListener('input', () => search(field.value));
  form.addEventListener('submit', (e) => { e.preventDefault(); search(field.value); });
  const asked = new URLSearchParams(window.location.search).get('q');
  if (asked) { field.value = asked; search(asked); }
})();
`;

// The first query on a search page is also typed into its field: the one
// that finds nothing, so that both ways of searching are seen to fail.
export const SEARCH_QUERIES = [
  { page: 'sv/sok/', query: 'bostäder', expect: 'sv/' },
  { page: 'sv/sok/', query: 'clean', expect: 'sv/' },
  { page: 'sv/sok/', query: 'mixed', expect: 'sv/' },
];

const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${BASE}sv/</loc></url>
  <url><loc>${BASE}en/</loc></url>
  <url><loc>${BASE}gone/</loc></url>
</urlset>
`;

export function writeFixture(dir) {
  const files = {
    'index.html': root,
    // A year's permanent addresses, which only lead on: one is visited.
    '2024/sv/index.html': root,
    '2024/sv/bad/index.html': root.replace('url=/prefix/sv/', 'url=/prefix/sv/bad/'),
    '404.html': notFound,
    'sv/index.html': clean('sv', 'en'),
    'en/index.html': clean('en', 'sv'),
    'sv/bad/index.html': bad,
    'sv/sok/index.html': search,
    'search-stub.js': searchStub,
    'search-queries.json': JSON.stringify(SEARCH_QUERIES),
    'style.css': 'body { font-family: sans-serif; margin: 0 1rem; } .x { background: url("missing.png"); }\n',
    'pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
    'sitemap.xml': sitemap,
    'robots.txt': `Sitemap: ${BASE}sitemap.xml\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

let dir;
let report;
let stdout;
let status;

const check = (category, subject) => {
  const c = report.checks.find((x) => x.category === category && x.subject === subject);
  assert.ok(c, `no ${category} check for ${subject}`);
  return c;
};
const problemsOf = (category, subject) => check(category, subject).problems.join('\n');

describe('the html scanner', () => {
  test('finds references and ids outside comments and scripts', () => {
    const tags = scanTags('<!-- <a href="no1"> --><script>"<a href=no2>"</script><a id="x&amp;y" href="/a#b">a</a>'
      + '<img srcset="a.png 1x, b.png 2x" src="c.png" alt=""><title><a href="no3"></title>');
    assert.deepEqual(references(tags).map((r) => r.url), ['/a#b', 'c.png', 'a.png', 'b.png']);
    assert.deepEqual([...fragmentTargets(tags)], ['x&y']);
  });
});

describe('the test server', () => {
  let server;
  const get = (p) => new Promise((resolve, reject) => {
    http.get(server.origin + p, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', reject);
  });
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'goalsite-selftest-'));
    writeFixture(dir);
    server = await startServer(new Site(dir, BASE));
  });
  after(async () => server && server.close());

  test('serves index.html for a directory, with the right MIME types', async () => {
    const r = await get('/prefix/sv/');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(r.body, /Clean sv/);
    assert.equal((await get('/prefix/style.css')).headers['content-type'], 'text/css; charset=utf-8');
    assert.equal((await get('/prefix/pixel.svg')).headers['content-type'], 'image/svg+xml');
    assert.equal((await get('/prefix/sitemap.xml')).headers['content-type'], 'application/xml; charset=utf-8');
  });
  test('redirects a directory without its slash', async () => {
    const r = await get('/prefix/sv');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/prefix/sv/');
  });
  test('answers 404 with 404.html for missing files and paths outside the prefix', async () => {
    for (const p of ['/prefix/nope.html', '/prefix/a/b/c/', '/elsewhere/', '/prefix/../etc/passwd', '/prefix/%2e%2e/x']) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.match(r.body, /Not found/, p);
    }
  });
});

describe('the suite on a fixture site with known faults', () => {
  before(() => {
    dir = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'goalsite-selftest-'));
    writeFixture(dir);
    const json = path.join(dir, '..', `${path.basename(dir)}-report.json`);
    const queries = path.join(dir, 'search-queries.json');
    const r = spawnSync(process.execPath, [path.join(here, 'run.mjs'), dir, '--base-url', BASE, '--json', json, '--search', queries], { encoding: 'utf8', timeout: 170_000 });
    status = r.status;
    stdout = r.stdout;
    if (r.status === null || !fs.existsSync(json)) {
      throw new Error(`run.mjs did not finish (status ${r.status}, ${r.signal || ''}):\n${r.stdout}\n${r.stderr}`);
    }
    report = JSON.parse(fs.readFileSync(json, 'utf8'));
    fs.rmSync(json, { force: true });
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test('fails, ending with the plain summary line', () => {
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[lines.length - 1], /^\d+ passed, \d+ failed$/);
    assert.equal(lines[lines.length - 1], `${report.passed} passed, ${report.failed} failed`);
  });
  test('clean pages pass every check', () => {
    for (const page of ['sv/index.html', 'en/index.html']) {
      for (const category of ['html', 'links', 'axe', 'reflow-320', 'console', 'requests']) {
        assert.deepEqual(check(category, page).problems, [], `${category} ${page}`);
      }
    }
  });
  test('the Nu HTML Checker reports errors with file:line', () => {
    const p = problemsOf('html', 'sv/bad/index.html');
    assert.match(p, /sv\/bad\/index\.html:\d+(:\d+)?: .*alt/);
    assert.match(p, /Stray end tag .*div/);
    assert.deepEqual(check('html', 'sv/index.html').problems, []);
  });
  test('broken links, fragments and paths outside the prefix are reported', () => {
    const p = problemsOf('links', 'sv/bad/index.html');
    assert.match(p, /nothing at \/prefix\/sv\/nope\//);
    assert.match(p, /id="nowhere"/);
    assert.match(p, /id="missing-id" in en\/index\.html/);
    assert.match(p, /outside the site's base path/);
    assert.match(p, /nothing at \/prefix\/absent\.png/);
    assert.match(problemsOf('links', '404.html'), /relative URL in 404\.html/);
    assert.match(problemsOf('links', 'style.css'), /missing\.png/);
  });
  test('non-reciprocal and missing hreflang alternates are reported', () => {
    const p = problemsOf('hreflang', 'sv/bad/index.html');
    assert.match(p, /en\/index\.html does not list this page/);
    assert.match(p, /hreflang="de".*no page at that URL/);
    assert.deepEqual(check('hreflang', 'sv/index.html').problems, []);
  });
  test('sitemap locs that do not exist are reported', () => {
    assert.match(problemsOf('sitemap', 'sitemap.xml'), /gone\/: no page/);
  });
  test('axe violations are reported with rule, impact and target', () => {
    const p = problemsOf('axe', 'sv/bad/index.html');
    assert.match(p, /image-alt \[critical\].*img/);
    assert.match(p, /color-contrast \[serious\]/);
    assert.match(p, /heading-order \[moderate\]/);
  });
  test('chart text that is too small, cut off or overlapping is reported', () => {
    const p = problemsOf('charts', 'sv/bad/index.html');
    assert.match(p, /at 1280px: "tiny" in Bad chart is 6\.0 px, less than 12 px/);
    assert.match(p, /"Umeå" and "Luleå" overlap in Bad chart/);
    assert.match(p, /"cut off" in Bad chart is cut off/);
    assert.match(p, /"61" and "63" run together in Bad chart/);
    assert.match(p, /"crossed" in Bad chart is crossed by a line/);
    assert.match(p, /"covered" in Bad chart is covered by a marker/);
    assert.doesNotMatch(p, /"on the grid"/, 'a 1-unit grid line may run behind text');
  });
  test('an overview below the first screen is reported, one within it passes', () => {
    const p = problemsOf('overview', 'sv/bad/index.html');
    assert.match(p, /at 1280×800: the first programme's tally ends \d+ px down, below the first screen/);
    assert.match(p, /at 390×844: /);
    assert.deepEqual(check('overview', 'sv/index.html').problems, []);
  });
  test('table columns outside the screen at 320 px, and scrolling tables without cue or fixed column, are reported', () => {
    const p = problemsOf('tables-320', 'sv/bad/index.html');
    assert.match(p, /"Too wide": the column "Target" reaches \d+ px at a 320 px wide viewport/);
    assert.match(p, /"Scrolls without a cue" scrolls sideways but its first column does not stay put/);
    assert.match(p, /"Scrolls without a cue" scrolls sideways with no visible cue/);
    assert.match(p, /"Scrolls without a cue" has 2 columns but scrolls sideways: a table this narrow should fit the screen/);
    assert.match(p, /is not a table with rows and headers for screen readers/);
    assert.deepEqual(check('tables-320', 'sv/index.html').problems, []);
  });
  test('horizontal scrolling at 320 px is reported', () => {
    assert.match(problemsOf('reflow-320', 'sv/bad/index.html'), /scrollWidth is \d+ px.*\n.*div/);
  });
  test('console errors and failed requests are reported, other hosts blocked', () => {
    assert.match(problemsOf('console', 'sv/bad/index.html'), /boom from the fixture/);
    assert.match(problemsOf('requests', 'sv/bad/index.html'), /missing\.js answered 404/);
    assert.match(problemsOf('requests', 'sv/bad/index.html'), /https:\/\/www\.example\.org\/prefix\/absent\.png answered 404/);
    assert.match(check('requests', 'sv/bad/index.html').notes.join('\n'), /blocked requests to other hosts: https:\/\/cdn\.example\.net/);
  });
  test('search: a search that finds nothing, or pages in another language, is reported', () => {
    assert.deepEqual(check('search', 'sv/sok/ "clean"').problems, []);
    assert.deepEqual(check('search', 'sv/sok/ "clean" (from the page list)').problems, []);
    assert.deepEqual(check('search', 'sv/sok/ without JavaScript').problems, []);
    const nothing = problemsOf('search', 'sv/sok/ "bostäder"');
    assert.match(nothing, /opened with \?q=: no result links to \/prefix\/sv\/ \("0 träffar"; results: none\)/);
    assert.match(nothing, /typed: no result links to \/prefix\/sv\//);
    assert.match(problemsOf('search', 'sv/sok/ "mixed"'), /results from outside \/prefix\/sv\/: \/prefix\/en\//);
  });
  test('the redirect page is audited in place, one permanent address per language, the 404 page at a missing URL', () => {
    assert.match(check('requests', 'index.html').notes.join('\n'), /navigates on its own/);
    assert.ok(report.checks.some((c) => c.category === 'axe' && c.subject === 'index.html'));
    // Of a year's permanent addresses in one language, the first is visited; the others are noted.
    assert.ok(report.checks.some((c) => c.category === 'axe' && c.subject === '2024/sv/bad/index.html'));
    assert.ok(!report.checks.some((c) => c.category === 'axe' && c.subject === '2024/sv/index.html'));
    assert.match(check('browser', '(pages that lead elsewhere)').notes.join('\n'), /1 more permanent addresses/);
    const missing = report.checks.find((c) => c.category === 'requests' && c.subject.startsWith('(missing URL'));
    assert.ok(missing, 'no visit of a missing URL');
    assert.match(missing.problems.join('\n'), /deeper\/still\/style\.css (answered 404|failed)/);
  });
});
