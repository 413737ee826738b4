// goalsite serve's error box in Chromium, on a copy of the Umeå site: an
// editor's slip (a status written `Delvis`) saved while a Swedish and an
// English page are open reloads both into the box, each in its page's
// language (the Swedish one with no English word), over the last good build;
// fixing the slip takes the box away again.
//
//   node --test tests/browser/overlay.test.mjs   (GOALSITE: the binary, see cms-helpers.mjs)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { copySite, launch, serve } from './cms-helpers.mjs';

const ASSESSMENTS = 'content/tillvaxt/assessments/2024.toml';

function edit(root, rel, from, to) {
  const file = path.join(root, rel);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${rel} has ${from}`);
  fs.writeFileSync(file, text.replace(from, to));
}

test('the error box follows each page\'s language and goes once the slip is fixed', async () => {
  const root = copySite(undefined, ['site.toml', 'content']);
  const server = await serve(root);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const sv = await context.newPage();
    const en = await context.newPage();
    await sv.goto(`${server.url}sv/tillvaxt/befolkningsmal/`);
    await en.goto(`${server.url}en/growth/population/`);
    assert.equal(await sv.locator('#goalsite-overlay').count(), 0, 'no box while the site builds');

    edit(root, ASSESSMENTS, 'status = "delvis"', 'status = "Delvis"');
    // Live reload brings the box to both open pages.
    const svBox = sv.locator('#goalsite-overlay');
    const enBox = en.locator('#goalsite-overlay');
    await svBox.waitFor({ state: 'visible', timeout: 20000 });
    await enBox.waitFor({ state: 'visible', timeout: 20000 });

    assert.equal(await svBox.getAttribute('lang'), 'sv');
    assert.equal(await svBox.getAttribute('role'), 'alert');
    const svText = await svBox.innerText();
    assert.match(svText, /Webbplatsen har fel/);
    assert.match(svText, /content\/tillvaxt\/assessments\/2024\.toml:\d+:\d+: `Delvis` är inte en av bedömningarna/);
    assert.match(svText, /tips: skriv bedömningen med små bokstäver/);
    for (const english of ['error', 'hint', 'is not one of', 'The site has errors']) {
      assert.ok(!svText.includes(english), `no "${english}" in the Swedish box:\n${svText}`);
    }
    const box = await svBox.boundingBox();
    assert.ok(box.width >= 320 && box.height >= 640, 'the box covers the page at 320 px');

    assert.equal(await enBox.getAttribute('lang'), 'en');
    const enText = await enBox.innerText();
    assert.match(enText, /The site has errors/);
    assert.match(enText, /`Delvis` is not one of the assessments/);
    assert.match(enText, /hint: write the assessment in lowercase/);
    // Behind the box: the last good build.
    assert.equal(await sv.locator('.assessment--partly').count() > 0, true);

    edit(root, ASSESSMENTS, 'status = "Delvis"', 'status = "delvis"');
    await svBox.waitFor({ state: 'detached', timeout: 20000 });
    await enBox.waitFor({ state: 'detached', timeout: 20000 });
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
