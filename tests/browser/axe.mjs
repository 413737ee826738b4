// axe-core in a page: the WCAG 2.0/2.1 A and AA rules and best practices.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const AXE_PATH = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe in the page (loaded from `url` if given: a script the browser
 * compiles once for a tab's every page; else injected). Returns
 * { violations, incomplete }: the violations with all their elements, and
 * the rules axe could not decide ("needs review", e.g. contrast of text over
 * an image), which are reported as notes.
 */
export async function runAxe(page, url = null) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag(url ? { url } : { path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    const message = (n) => [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] || '';
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary || '', html: n.html })),
      })),
      incomplete: r.incomplete.map((v) => ({ id: v.id, target: v.nodes[0] ? v.nodes[0].target.join(' ') : '', message: v.nodes[0] ? message(v.nodes[0]) : '' })),
    };
  }, AXE_TAGS);
}

