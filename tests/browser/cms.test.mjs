// The browser editor end to end (node --test tests/browser/cms.test.mjs): on
// a copy of the Umeå site, through `goalsite serve`, Chromium opens /admin/,
// changes an assessment, a sentence of a programme's text and an indicator's
// value, and saves each; the file on disk has the change and nothing else,
// `goalsite check` is clean, and the rebuilt page shows it. A save that would
// give the site an error is refused with goalsite's message, in Swedish, and
// the file is left as it was. The forms are also used with the keyboard
// alone, and axe-core looks at them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { changedLines, copySite, goalsite, launch, REPO, serve, until } from './cms-helpers.mjs';
import { axeFindings, KNOWN_DECAP } from './cms-axe.mjs';

let site;
let server;
let browser;
let page;
/** Errors in the console, each with the test it happened in. */
const consoleErrors = [];
let phase = 'start';
const otherHosts = [];

/** The text of a file of the copy. */
const read = (rel) => fs.readFileSync(path.join(site, rel), 'utf8');

/** The preview's page at `rel`, once its HTML matches `pattern`. */
async function rebuilt(rel, pattern) {
  let html = '';
  await until(async () => {
    html = await (await fetch(new URL(rel, server.url))).text();
    return pattern.test(html);
  }, `${rel} to match ${pattern}`);
  return html;
}

/**
 * Opens an entry as an editor does: the collection's list, then the entry
 * by its name (`label`); waits for its form (the field `ready`) and its data.
 */
async function open(collection, label, ready) {
  await page.goto(`${server.url}admin/#/collections/${collection}`);
  await page.getByText(label, { exact: true }).first().click();
  await page.locator(`xpath=//label[normalize-space(text()[1])="${ready}"]`).first().waitFor();
  // The entry's data has arrived once the link to its page is there.
  await page.getByRole('link', { name: /Visa Live/ }).waitFor();
}

/** Saves the open entry as an editor does: Publicera, then Publicera nu. */
async function publish() {
  await page.getByRole('button', { name: 'Publicera', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publicera nu' }).click();
}

/** The group of fields labelled `label` (a goal, a field with languages). */
function group(label, scope = page) {
  return scope.locator(`xpath=//label[normalize-space(text()[1])="${label}"]/../..`).first();
}

/** Replaces the sentence `from` with `to` in the open Markdown editor, as typing over a selection. */
async function replaceInMarkdown(from, to) {
  const editor = page.locator('[contenteditable="true"]').first();
  await editor.waitFor();
  const found = await editor.evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return true;
      }
    }
    return false;
  }, from);
  assert.ok(found, `the sentence is in the editor: ${from}`);
  await page.keyboard.insertText(to);
}

before(async () => {
  site = copySite();
  assert.equal(goalsite(['check', '--root', site]).status, 0, 'the copy is clean to begin with');
  server = await serve(site);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'sv-SE' });
  page.on('console', async (m) => {
    if (m.type() !== 'error') return;
    // Decap logs some errors as objects: their JSON says what they are.
    const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
    consoleErrors.push({ phase, text: m.text() === 'Object' ? JSON.stringify(args).slice(0, 500) : m.text() });
  });
  page.on('pageerror', (e) => {
    consoleErrors.push({ phase, text: e.message });
  });
  if (process.env.DEBUG_CMS) {

    page.on('request', (r) => r.method() === 'POST' && console.log('>>', (r.postData() || '').slice(0, 200)));
    page.on('response', async (r) => r.request().method() === 'POST' && console.log('<<', r.status(), (await r.text()).slice(0, 120)));
  }
  // "Leave the page with unsaved changes?": yes (after the refused save).
  page.on('dialog', (d) => d.accept());
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) otherHosts.push(r.url());
  });
  await page.goto(`${server.url}admin/`);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('link', { name: 'Bedömningar' }).waitFor();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

describe('the browser editor on goalsite serve (Umeå)', () => {
  test('the editor speaks Swedish and lists the site', async () => {
    await page.goto(`${server.url}admin/#/collections/texts`);
    for (const name of ['Texter', 'Bedömningar', 'Indikatorer', 'Program']) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await page.getByText('Program tillväxt – Svenska').waitFor();
    const config = await (await fetch(`${server.url}admin/config.yml`)).text();
    assert.doesNotMatch(config, /editions\//, 'archived editions are not in the editor');
  });

  test('an assessment: Bostadsbyggande 2024 becomes Delvis with a new motivation', async () => {
    const file = 'content/tillvaxt/assessments/2024.toml';
    const before = read(file);
    const motivation = 'Planberedskapen är bättre, men det byggs fortfarande för få bostäder. Ändrat i webbläsaren.';
    await open('assessments', 'Program tillväxt 2024', 'Bostadsbyggande');
    const goal = group('Bostadsbyggande');
    await goal.getByLabel('Bedömning').click();
    await page.keyboard.type('Delvis');
    await page.keyboard.press('Enter');
    await group('Motivering', goal).getByLabel('Svenska').fill(motivation);
    await publish();
    await until(() => read(file) !== before, `${file} to be saved`);
    const after = read(file);
    const { removed, added } = changedLines(before, after);
    assert.deepEqual(removed, [
      'status = "nej"',
      before.split('\n').find((l) => l.startsWith('motivation = { sv = "Planberedskapen')),
    ]);
    assert.deepEqual(added, ['status = "delvis"', `motivation = { sv = "${motivation}", en = "The supply of land with approved plans for housing has improved markedly in recent times. Even so, too few homes are being built, at present mainly because of the economic situation." }`]);
    assert.match(after, /^# Bedömningar av delmålen/, 'the comment lines at the top stay');
    const check = goalsite(['check', '--root', site]);
    assert.equal(check.status, 0, check.out);
    const html = await rebuilt('sv/tillvaxt/bostadsbyggande/', /Ändrat i webbläsaren/);
    assert.match(html, /assessment--partly"><span class="assessment__icon" aria-hidden="true">◐<\/span> Delvis<\/span>/);
  });

  test("a sentence of Program tillväxt's Swedish text", async () => {
    const file = 'content/tillvaxt/_index.sv.md';
    const before = read(file);
    const old = 'Just nu beror det till stor del på konjunkturläget.';
    const sentence = 'Just nu beror det mest på konjunkturläget (ändrat i webbläsaren).';
    await open('texts', 'Program tillväxt – Svenska', 'Text');
    await replaceInMarkdown(old, sentence);
    await publish();
    await until(() => read(file) !== before, `${file} to be saved`);
    assert.equal(read(file), before.replace(old, sentence), 'only the sentence changed: no front matter block, no rewritten Markdown');
    const english = 'content/tillvaxt/_index.en.md';
    assert.equal(read(english), fs.readFileSync(path.join(REPO, english), 'utf8'), 'the English text is untouched');
    const check = goalsite(['check', '--root', site]);
    assert.equal(check.status, 0, check.out);
    await rebuilt('sv/tillvaxt/', /ändrat i webbläsaren/);
  });

  test("an indicator's value: territorial emissions 2022, 286 → 290", async () => {
    const file = 'content/klimatneutrala-umea-2040/indicators/territoriella-utslapp.toml';
    const before = read(file);
    await open('indicators', 'Program för klimatneutrala Umeå 2040: Territoriella utsläpp', 'Rubrik');
    const row = page.locator('xpath=//*[normalize-space(text())="2022: 286"]/..').first();
    await row.getByRole('button').first().click();
    const value = row.locator('input[type="number"]');
    assert.equal(await value.inputValue(), '286');
    await value.fill('290');
    await publish();
    await until(() => read(file) !== before, `${file} to be saved`);
    assert.deepEqual(changedLines(before, read(file)), { removed: ['  286,'], added: ['  290,'] });
    const check = goalsite(['check', '--root', site]);
    assert.equal(check.status, 0, check.out);
    await rebuilt('sv/klimatneutrala-umea-2040/territoriella-utslapp/', />290</);
  });

  test('a save that would give the site an error is refused, in Swedish, and nothing is written', async () => {
    phase = 'refused';
    const file = 'content/om-uppfoljningen.sv.md';
    const before = read(file);
    await open('texts', 'Om uppföljningen – Svenska', 'Beskrivning');
    await page.getByLabel('Adress').fill('Om Uppföljningen!');
    await publish();
    const toast = page.getByText(/Inte sparat: ändringen skulle ge webbplatsen/);
    await toast.waitFor();
    assert.match(await toast.innerText(), /content\/om-uppfoljningen\.sv\.md:\d+:\d+: /);
    assert.equal(read(file), before, 'the file is as it was');
    await page.getByText('Osparade ändringar', { exact: false }).first().waitFor();
  });

  test('the forms work with the keyboard alone', async () => {
    phase = 'keyboard';
    const file = 'content/tillvaxt/assessments/2024.toml';
    const before = read(file);
    await open('assessments', 'Program tillväxt 2024', 'Etableringar');
    const status = group('Etableringar').getByLabel('Bedömning');
    // From the page's start, Tab until the status of Etableringar has the focus.
    await page.locator('body').focus();
    let tabs = 0;
    while (!(await status.evaluate((e) => e === document.activeElement)) && tabs < 80) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    assert.ok(tabs < 80, 'the status can be reached with Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Nej');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.type(' Ändrat med tangentbordet.');
    // Back to the toolbar with Shift+Tab, to Publicera; Enter opens its menu, Enter saves.
    const publishButton = page.getByRole('button', { name: 'Publicera', exact: true });
    let back = 0;
    while (!(await publishButton.evaluate((e) => e === document.activeElement)) && back < 120) {
      await page.keyboard.press('Shift+Tab');
      back++;
    }
    assert.ok(back < 120, 'Publicera can be reached with Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Publicera nu' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await until(() => read(file) !== before, `${file} to be saved`);
    assert.match(read(file), /\[etableringar\]\nstatus = "nej"\nmotivation = \{ sv = "[^"]*Ändrat med tangentbordet\./);
    assert.equal(goalsite(['check', '--root', site]).status, 0);
  });

  test('axe-core finds nothing in the forms beyond what Decap CMS itself lacks', async () => {
    const findings = [];
    await page.goto(`${server.url}admin/#/collections/texts`);
    await page.getByText('Startsidan – Svenska').waitFor();
    for (const f of await axeFindings(page)) findings.push({ view: 'texts', ...f });
    const views = [
      ['assessments', 'Program tillväxt 2024', 'Bostadsbyggande'],
      ['indicators', 'Program social hållbarhet: Kommunen är en bra plats att bo och leva på', 'Rubrik'],
      ['indicators', 'Program för klimatneutrala Umeå 2040: Territoriella utsläpp', 'Rubrik'],
      ['texts', 'Program tillväxt – Svenska', 'Text'],
      ['programmes', 'Program tillväxt', 'Titel'],
    ];
    for (const [collection, label, ready] of views) {
      await open(collection, label, ready);
      for (const f of await axeFindings(page)) findings.push({ view: label, ...f });
    }
    for (const f of findings) console.log(`axe: ${f.view}: ${f.id} (${f.impact}) ×${f.nodes}: ${f.target}`);
    const unknown = findings.filter((f) => !KNOWN_DECAP.some((k) => k.id === f.id));
    assert.deepEqual(unknown, [], 'every finding is one of Decap CMS\'s own, listed in cms-axe.mjs');
  });

  test('no errors in the console, and no request to another host', async () => {
    // The refused save answers 422, which Chromium logs as a failed request,
    // and Decap CMS logs its error and lets the rejected save go uncaught ("Object").
    const refusal = /status of 422|Inte sparat|^Object$/;
    const own = consoleErrors.filter((e) => !(e.phase === 'refused' && refusal.test(e.text)));
    assert.deepEqual(own, []);
    assert.deepEqual(otherHosts, [], 'everything the editor needs comes from the preview');
  });
});
