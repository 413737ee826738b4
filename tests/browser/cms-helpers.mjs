// Helpers for the browser editor's tests (cms*.test.mjs): a copy of a site to
// edit, `goalsite serve` on it, `goalsite check` and `build`, and Chromium.
//
// GOALSITE names the goalsite binary (scripts/test sets it to the one its
// Rust tests built; default: target/release/goalsite); CHROMIUM the browser
// (default /usr/bin/chromium), started with the flags of chromium.mjs.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GOALSITE = process.env.GOALSITE || path.join(REPO, 'target/release/goalsite');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** A fresh copy of the site in `from` (its site.toml, content/, themes/ and logo): the folder. */
export function copySite(from = REPO, files = ['site.toml', 'content', 'themes', 'logo.svg']) {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'goalsite-cms-'));
  for (const f of files) {
    if (fs.existsSync(path.join(from, f))) fs.cpSync(path.join(from, f), path.join(to, f), { recursive: true });
  }
  return to;
}

/** Runs goalsite with `args`: { status, out } (stdout and stderr together). */
export function goalsite(args, env = {}) {
  const r = spawnSync(GOALSITE, args, { encoding: 'utf8', env: { ...process.env, GOALSITE_LANG: 'en', ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * `goalsite serve` on `root` and a free port, once it serves: { url, lines,
 * stop() }. `lines` are what it printed (rebuilds, saves).
 */
export async function serve(root) {
  const child = spawn(GOALSITE, ['serve', '--root', root, '--port', '0'], {
    env: { ...process.env, GOALSITE_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`goalsite serve did not start:\n${lines.join('\n')}`)), 120_000);
    let buffered = '';
    const take = (chunk) => {
      buffered += chunk;
      let i;
      while ((i = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, i);
        buffered = buffered.slice(i + 1);
        lines.push(line);
        const m = /^Serving (http:\/\/\S+\/)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', (c) => lines.push(String(c).trimEnd()));
    child.on('exit', (code) => reject(new Error(`goalsite serve stopped (${code}):\n${lines.join('\n')}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  return { url, lines, stop, pid: child.pid };
}

/** Chromium, as the project's other browser tests start it. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, chromiumSandbox: false });
}

/** Waits until `probe()` is true (polling), or fails with `what`. */
export async function until(probe, what, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The lines of `after` that differ from `before` (a small line diff: removed and added). */
export function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}
