// part-queries: search queries (for run.mjs --search) that reach into every
// part of a site's search index. goalsite makes a large site's index in
// parts (pagefind/, pagefind/part1/, …) that the search page merges; for
// each part and language this takes one page the part holds (from its
// fragment files, gzip of "pagefind_dcd" and JSON) and searches its title on
// the search page of its language, expecting that page among the results.
// With --expect WORD=PATH it also searches WORD expecting PATH (a page just
// edited, say) as the only result: a word no other page has, which, in a
// part without it, Pagefind would take for a shorter word it begins with,
// had goalsite not given every part every word.
//
// usage: node tests/browser/part-queries.mjs SITE_DIR [--expect WORD=PATH]... > QUERIES.json

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [siteDir, ...rest] = process.argv.slice(2);
if (!siteDir) {
  process.stderr.write('usage: node tests/browser/part-queries.mjs SITE_DIR [--expect WORD=PATH]...\n');
  process.exit(2);
}
const bundle = path.join(siteDir, 'pagefind');
const parts = ['', ...fs.readdirSync(bundle).filter((d) => /^part\d+$/.test(d)).map((d) => `${d}/`)];
if (parts.length < 2) {
  process.stderr.write(`${bundle} has one part only: the site is too small to test merged parts\n`);
  process.exit(1);
}

// The search page of each language, from the site's own pages.
const searchPage = {};
for (const lang of fs.readdirSync(siteDir)) {
  for (const dir of ['sok', 'search']) {
    if (fs.existsSync(path.join(siteDir, lang, dir, 'index.html'))) searchPage[lang] = `${lang}/${dir}/`;
  }
}

const queries = [];
for (const part of parts) {
  const dir = path.join(bundle, part, 'fragment');
  const seen = new Set();
  for (const file of fs.readdirSync(dir).sort()) {
    const data = zlib.gunzipSync(fs.readFileSync(path.join(dir, file)));
    const fragment = JSON.parse(data.subarray('pagefind_dcd'.length).toString('utf8'));
    const url = fragment.url.replace(/^\//, '');
    const lang = url.split('/')[0];
    const title = fragment.meta?.title || '';
    // A page of the corpus: its title ends in its number, so it is found first.
    if (seen.has(lang) || !searchPage[lang] || !/\d$/.test(title)) continue;
    seen.add(lang);
    queries.push({ page: searchPage[lang], query: title, expect: url, part: part || 'first' });
  }
}
for (let i = 0; i < rest.length; i++) {
  if (rest[i] !== '--expect') continue;
  const [word, expect] = rest[++i].split('=');
  queries.push({ page: searchPage[expect.split('/')[0]], query: word, expect, found: 1 });
}
process.stdout.write(`${JSON.stringify(queries, null, 1)}\n`);
