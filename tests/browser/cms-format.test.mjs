// goalsite's file formats for the browser editor (src/cms/admin/goalsite-format.js),
// without a browser (node --test tests/browser/cms-format.test.mjs): with the
// configuration `goalsite serve` makes for each example site, every file of
// every form is read and written back as the editor would save it unchanged,
// and edits are made as the forms make them.
//
// - Written back unchanged, a file differs at most in comment lines below its
//   top (lost, as the guide says) and in how a decimal is spelled (2.00 → 2.0);
//   every site so rewritten builds byte for byte the same site.
// - An edit changes only the lines it is about.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { changedLines, copySite, goalsite, REPO, serve } from './cms-helpers.mjs';

globalThis.smolToml = (await import(path.join(REPO, 'vendor/smol-toml/smol-toml.cjs'))).default;
await import(path.join(REPO, 'src/cms/admin/goalsite-format.js'));
const G = globalThis.goalsiteFormat;

const SITES = {
  umea: [REPO],
  norrvik: [path.join(REPO, 'tests/fixtures/norrvik')],
  charts: [path.join(REPO, 'tests/fixtures/charts')],
};

/** A copy of each example site with its editor's configuration and formats. */
const sites = {};

/** The editor's formats for `config`, by collection name, as Decap would hold them. */
function formats(config) {
  const { languages, markdown } = config.goalsite;
  const registered = {};
  const CMS = { registerCustomFormat: (name, _ext, format) => (registered[name] = format) };
  G.register(CMS, config, languages, markdown);
  return Object.fromEntries(config.collections.map((c) => [c.name, registered[c.format]]));
}

/** Every file of the editor's forms: { collection, entry, file }. */
function entries(config) {
  return config.collections.flatMap((c) => c.files.map((f) => ({ collection: c.name, entry: f, file: f.file })));
}

/** What the editor saves when it saves `data` (Decap adds a last newline if there is none). */
function save(format, data) {
  const raw = format.toFile(structuredClone(data));
  return raw.endsWith('\n') ? raw : `${raw}\n`;
}

before(async () => {
  for (const [name, [from]] of Object.entries(SITES)) {
    const root = copySite(from);
    const server = await serve(root);
    try {
      const config = JSON.parse(await (await fetch(`${server.url}admin/config.yml`)).text());
      sites[name] = { root, config, formats: formats(config) };
    } finally {
      await server.stop();
    }
  }
});

after(() => {
  for (const { root } of Object.values(sites)) fs.rmSync(root, { recursive: true, force: true });
});

describe('read and written back unchanged', () => {
  for (const name of Object.keys(SITES)) {
    test(`${name}: every file differs at most in comments and the spelling of decimals, and builds the same site`, () => {
      const { root, config, formats } = sites[name];
      const rewritten = copySite(root);
      let files = 0;
      for (const { collection, file } of entries(config)) {
        const at = path.join(root, file);
        if (!fs.existsSync(at)) continue;
        const text = fs.readFileSync(at, 'utf8');
        const out = save(formats[collection], formats[collection].fromFile(text));
        const { removed, added } = changedLines(text, out);
        const comment = (l) => /^\s*#/.test(l) || l.trim() === '';
        const decimals = (l) => l.replace(/(\d+\.\d*?)0+\b/g, '$1').replace(/\.(?=[,\]\s]|$)/g, '.0');
        const sameNumbers = removed.length === added.length && removed.every((l, i) => decimals(l) === decimals(added[i]));
        assert.ok(
          (removed.every(comment) && added.length === 0) || sameNumbers,
          `${file}:\n- ${removed.join('\n- ')}\n+ ${added.join('\n+ ')}`,
        );
        fs.writeFileSync(path.join(rewritten, file), out);
        files++;
      }
      assert.ok(files >= 8, `${files} files`);
      const a = goalsite(['build', '--root', root, '--output', path.join(root, 'out'), '--base-url', 'https://example.org/x/', '--quiet']);
      const b = goalsite(['build', '--root', rewritten, '--output', path.join(rewritten, 'out'), '--base-url', 'https://example.org/x/', '--quiet']);
      assert.equal(a.status, 0, a.out);
      assert.equal(b.status, 0, b.out);
      const diff = spawnSync('diff', ['-r', path.join(root, 'out'), path.join(rewritten, 'out')], { encoding: 'utf8' });
      assert.equal(diff.stdout, '', 'the same site');
      fs.rmSync(rewritten, { recursive: true, force: true });
      fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
    });
  }
});

describe('edits change only what they are about', () => {
  const edit = (site, collection, file, change) => {
    const { root, formats } = sites[site];
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const data = formats[collection].fromFile(text);
    change(data);
    return changedLines(text, save(formats[collection], data));
  };

  test('an assessment: the status and the Swedish motivation', () => {
    const diff = edit('umea', 'assessments', 'content/tillvaxt/assessments/2024.toml', (d) => {
      d.universiteten.status = 'delvis';
      d.universiteten.motivation.sv = 'Ny motivering.';
    });
    assert.equal(diff.added[0], 'status = "delvis"');
    assert.ok(diff.added[1].startsWith('motivation = { sv = "Ny motivering.", en = "The work'), diff.added[1]);
    assert.deepEqual(diff.removed.map((l) => l.slice(0, 12)), ['status = "ja', 'motivation =']);
  });

  test("a category's value keeps its decimal, and a name written once stays so", () => {
    const file = 'content/social-hallbarhet/indicators/bra-plats-att-bo.toml';
    const diff = edit('umea', 'indicators', file, (d) => {
      d.category[1].value.value = 91.5;
      d.category[2].value.value = 95;
    });
    assert.deepEqual(diff, { removed: ['value = 91.0', '', '[[category]]', 'name = "Uppsala"', 'value = 90.0'], added: ['value = 91.5', '', '[[category]]', 'name = "Uppsala"', 'value = 95.0'] });
  });

  test('a text written once for every language becomes one per language when they differ', () => {
    const file = 'content/klimatneutrala-umea-2040/indicators/kommunkoncernens-utslapp.toml';
    const diff = edit('umea', 'indicators', file, (d) => {
      d.unit.en = 'kt CO2e';
    });
    assert.deepEqual(diff, { removed: ['unit = "kton CO2e"'], added: ['unit = { sv = "kton CO2e", en = "kt CO2e" }'] });
  });

  test('a value: a number, no value, and a value with a note', () => {
    const file = 'content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml';
    const { root, formats } = sites.umea;
    const data = formats.indicators.fromFile(fs.readFileSync(path.join(root, file), 'utf8'));
    assert.deepEqual(data.series[0].values.map((r) => [r.year, r.value]), [[1990, 427], [2022, 286]], 'each value row knows its year');
    assert.deepEqual(data.series[0].values[0].note, data.series[0].values[0].note);
    const diff = edit('umea', 'indicators', file, (d) => {
      d.series[0].values[1] = { year: 2022, value: '' };
    });
    assert.deepEqual(diff, { removed: ['  286,'], added: ['  "-",'] });
    const noted = edit('umea', 'indicators', file, (d) => {
      d.series[0].values[1].status = 'preliminary';
    });
    assert.deepEqual(noted, { removed: ['  286,'], added: ['  { value = 286, status = "preliminary" },'] });
  });

  test("a programme's text: one sentence, nothing else, and no front matter where there was none", () => {
    const file = 'content/tillvaxt/_index.sv.md';
    const diff = edit('umea', 'texts', file, (d) => {
      d.body = d.body.replace('Just nu beror det till stor del på konjunkturläget.', 'Ny mening.');
    });
    assert.equal(diff.removed.length, 1);
    assert.equal(diff.added.length, 1);
    assert.match(diff.added[0], /Ny mening\./);
  });

  test("a page's title in its front matter", () => {
    const diff = edit('umea', 'texts', 'content/om-uppfoljningen.sv.md', (d) => {
      d.title = 'Om den här uppföljningen';
    });
    assert.deepEqual(diff, { removed: ['title = "Om uppföljningen"'], added: ['title = "Om den här uppföljningen"'] });
  });

  test("a year's new assessments file is written as goalsite's, and goalsite reads it", () => {
    const { root, formats } = sites.umea;
    const text = save(formats.assessments, {
      bostadsbyggande: { status: 'ja', motivation: { sv: 'Bra.', en: 'Good.' } },
      befolkningsmal: { status: '', motivation: { sv: '', en: '' } },
    });
    assert.equal(text, '[bostadsbyggande]\nstatus = "ja"\nmotivation = { sv = "Bra.", en = "Good." }\n');
    const copy = copySite(root);
    fs.writeFileSync(path.join(copy, 'content/tillvaxt/assessments/2023.toml'), text);
    const check = goalsite(['check', '--root', copy]);
    fs.rmSync(copy, { recursive: true, force: true });
    assert.equal(check.status, 0, check.out);
  });
});
