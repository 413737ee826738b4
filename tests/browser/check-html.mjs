// The Nu HTML Checker (vnu.jar from the vnu-jar npm package, run with the
// machine's java) over every .html file of the site: 0 errors required.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VNU_JAR = path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function location(m) {
  const line = m.lastLine ?? m.firstLine;
  const col = m.firstColumn ?? m.lastColumn;
  if (line === undefined) return '';
  return col !== undefined ? `${line}:${col}` : `${line}`;
}

/** Runs vnu over all HTML files in one JVM; records one 'html' check per file. */
export async function checkHtml(site, results, { java = process.env.JAVA || 'java' } = {}) {
  if (!fs.existsSync(VNU_JAR)) {
    results.record('html', '(Nu HTML Checker)', [`${VNU_JAR} is missing: run scripts/install-test-deps`]);
    return;
  }
  const files = site.htmlFiles.map((f) => path.join(site.root, f));
  // Only the JVM's quick compiler: a run of a few seconds never repays the
  // optimising one (Norrvik's 236 pages: 2.2 CPU seconds against 4.9).
  const r = await run(java, ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--exit-zero-always', ...files]);
  let report;
  try {
    report = JSON.parse(r.stderr.trim() || r.stdout.trim());
  } catch {
    results.record('html', '(Nu HTML Checker)', [`could not run or read vnu (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}):\n${(r.stderr || r.stdout).slice(0, 2000)}`]);
    return;
  }
  const byFile = new Map(site.htmlFiles.map((f) => [pathToFileURL(path.join(site.root, f)).href, []]));
  const general = [];
  for (const m of report.messages || []) {
    // With --errors-only vnu reports only errors, fatal errors and
    // non-document errors (e.g. a file it could not read).
    if (m.type === 'info') continue;
    let key = m.url;
    if (key && !byFile.has(key)) {
      try {
        key = pathToFileURL(fileURLToPath(key)).href;
      } catch { /* keep as is */ }
    }
    const loc = location(m);
    const extract = m.extract ? `\n    ${JSON.stringify(m.extract.replace(/\s+/g, ' ').trim())}` : '';
    const text = `${loc ? `line ${loc}: ` : ''}${m.type === 'non-document-error' ? '[non-document error] ' : m.subType === 'fatal' ? '[fatal] ' : ''}${m.message}${extract}`;
    if (key && byFile.has(key)) byFile.get(key).push(text);
    else general.push(`${m.url || ''} ${text}`);
  }
  for (const f of site.htmlFiles) {
    const problems = byFile.get(pathToFileURL(path.join(site.root, f)).href);
    results.record('html', f, problems.map((p) => `${f}:${p.replace(/^line /, '')}`));
  }
  if (general.length) results.record('html', '(Nu HTML Checker)', general);
}
