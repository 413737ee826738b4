// The browser editor as a site publishes it (node --test tests/browser/cms-published.test.mjs):
// the Umeå site with [cms] connected to a GitLab server, built and served the
// way docs/deploy.md says, with the public pages' strict policy and the
// editor's own at /admin/.
//
// - admin/ is all the build adds: every other file is as without [cms], so no
//   sitemap, search index or page changes.
// - Under the policy of docs/deploy.md, Decap CMS starts, in Swedish, with no
//   policy violation and no request to another host; GitLab's login is the
//   PKCE code flow with the site's application and its /admin/ as the return
//   address. Under the public pages' policy it cannot start (it needs
//   'unsafe-eval'), which is why /admin/ has a policy of its own.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { STRICT_CSP } from './check-search.mjs';
import { axeFindings, KNOWN_DECAP } from './cms-axe.mjs';
import { copySite, goalsite, launch } from './cms-helpers.mjs';
import { startServer } from './server.mjs';
import { Site } from './site.mjs';

const BASE = 'https://www.umea.se/uppfoljning/';
const GITLAB = 'https://gitlab.example.se';

/** The policy docs/deploy.md gives /admin/ (§12), for a GitLab server at GITLAB. */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${GITLAB}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CMS = `[cms]
backend = "gitlab"
repo = "kommunikation/uppfoljning"
base_url = "${GITLAB}"
app_id = "goalsite-test-application"
`;

/** `site.toml`'s text with its [cms] table (if any) replaced by `cms` (or removed). */
export function withCms(text, cms = '') {
  const without = text.replace(/^\[cms\]\n(?:(?!\[)[^\n]*\n?)*/m, '');
  return cms ? `${without.trimEnd()}\n\n${cms}` : without;
}

let root;
let built;
let plain;
let browser;

before(async () => {
  root = copySite();
  const config = path.join(root, 'site.toml');
  const text = fs.readFileSync(config, 'utf8');
  fs.writeFileSync(config, withCms(text, CMS));
  built = path.join(root, 'out-cms');
  const a = goalsite(['build', '--root', root, '--output', built, '--quiet']);
  assert.equal(a.status, 0, a.out);
  fs.writeFileSync(config, withCms(text));
  plain = path.join(root, 'out-plain');
  const b = goalsite(['build', '--root', root, '--output', plain, '--quiet']);
  assert.equal(b.status, 0, b.out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Opens the built site's /admin/ under `policyOf(path)`: { page, errors, otherHosts, server }. */
async function openAdmin(policyOf, { bypassCSP = false } = {}) {
  const server = await startServer(new Site(built, BASE), { csp: policyOf });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', bypassCSP });
  const errors = [];
  const otherHosts = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    otherHosts.push(url);
    return route.fulfill({ status: 200, contentType: 'text/plain', body: 'elsewhere' });
  });
  await page.goto(`${server.url}admin/`);
  return { page, errors, otherHosts, server };
}

describe('the published editor (Umeå with [cms] on GitLab)', () => {
  test('admin/ is all that [cms] adds to the published site', () => {
    const diff = spawnSync('diff', ['-rq', plain, built], { encoding: 'utf8' });
    assert.equal(diff.stdout.trim(), `Only in ${built}: admin`);
    const files = fs.readdirSync(path.join(built, 'admin')).sort();
    assert.deepEqual(files, ['config.yml', 'decap-cms.js', 'decap-cms.js.LICENSE.txt', 'goalsite-cms.js', 'goalsite-format.js', 'index.html', 'smol-toml.js']);
    const page = fs.readFileSync(path.join(built, 'admin/index.html'), 'utf8');
    assert.match(page, /<meta name="robots" content="noindex, nofollow">/);
    assert.match(page, /<html lang="sv">/);
    assert.doesNotMatch(page, /<script>|style=/, 'no inline script or style');
    const config = JSON.parse(fs.readFileSync(path.join(built, 'admin/config.yml'), 'utf8'));
    assert.deepEqual(config.backend, {
      name: 'gitlab',
      repo: 'kommunikation/uppfoljning',
      branch: 'main',
      auth_type: 'pkce',
      app_id: 'goalsite-test-application',
      base_url: GITLAB,
      api_root: `${GITLAB}/api/v4`,
    });
    assert.equal(config.publish_mode, 'editorial_workflow', 'review before publishing, unless [cms] review = false');
    assert.equal(config.local_backend, undefined);
    assert.doesNotMatch(fs.readFileSync(path.join(built, 'sitemap.xml'), 'utf8'), /admin/);
  });

  test("under the editor's own policy Decap starts in Swedish, and GitLab's login is PKCE", async () => {
    const { page, errors, otherHosts, server } = await openAdmin((p) => (p.includes('/admin/') ? ADMIN_CSP : STRICT_CSP));
    try {
      const login = page.getByRole('button', { name: 'Logga in med GitLab' });
      await login.waitFor();
      assert.deepEqual(errors, [], 'no policy violation or other error');
      assert.deepEqual(otherHosts, [], 'nothing from another host before the login');
      await login.click();
      await page.waitForURL(`${GITLAB}/**`);
      const authorize = new URL(page.url());
      assert.equal(authorize.pathname, '/oauth/authorize');
      const params = Object.fromEntries(authorize.searchParams);
      assert.equal(params.client_id, 'goalsite-test-application');
      assert.equal(params.response_type, 'code');
      assert.equal(params.code_challenge_method, 'S256');
      assert.ok(params.code_challenge?.length >= 43, 'a code challenge');
      assert.equal(params.redirect_uri, `${server.url}admin/`);
    } finally {
      await page.close();
      await server.close();
    }
  });

  test('axe-core finds nothing on the login page beyond what Decap CMS itself lacks', async () => {
    // axe is injected as an inline script, which the policy refuses: this page ignores it.
    const { page, server } = await openAdmin(() => ADMIN_CSP, { bypassCSP: true });
    try {
      await page.getByRole('button', { name: 'Logga in med GitLab' }).waitFor();
      const findings = await axeFindings(page);
      for (const f of findings) console.log(`axe: login page: ${f.id} (${f.impact}) ×${f.nodes}: ${f.target}`);
      assert.deepEqual(findings.filter((f) => !KNOWN_DECAP.some((k) => k.id === f.id)), []);
    } finally {
      await page.close();
      await server.close();
    }
  });

  test("under the public pages' policy Decap cannot start: /admin/ needs its own", async () => {
    const { page, errors, server } = await openAdmin(() => STRICT_CSP);
    try {
      await page.waitForTimeout(3000);
      assert.equal(await page.getByRole('button', { name: 'Logga in med GitLab' }).count(), 0);
      assert.ok(errors.some((e) => /unsafe-eval/.test(e)), errors.join('\n'));
    } finally {
      await page.close();
      await server.close();
    }
  });
});
