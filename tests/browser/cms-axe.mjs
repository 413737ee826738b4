// axe-core on the browser editor's pages, and what it finds in Decap CMS's
// own markup (which goalsite's configuration cannot change), with why.

import { runAxe } from './axe.mjs';

/** axe's violations on the page, one per rule: { id, impact, nodes, target }. */
export async function axeFindings(page) {
  const { violations } = await runAxe(page);
  return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target ?? '' }));
}

/**
 * What axe finds in Decap CMS 3.16.3 itself. docs/authoring.md (chapter 18)
 * and the notes of issue 26 say what each means for an editor.
 */
export const KNOWN_DECAP = [
  {
    id: 'button-name',
    why: 'a list item\'s buttons (expand, remove) are icons without a name: a screen reader says only "button"',
  },
  {
    id: 'aria-command-name',
    why: 'a list item\'s drag handle (role="button", for reordering) has no name',
  },
  {
    id: 'aria-input-field-name',
    why: 'the Markdown editor (a contenteditable textbox) is not tied to its label "Text"',
  },
  {
    id: 'color-contrast',
    why: 'the grey link to the site in the header and the text of the notices ("Inlägg sparat") are too light',
  },
  {
    id: 'region',
    why: 'the editor\'s toolbar, notices and login button are outside any landmark',
  },
  {
    id: 'landmark-one-main',
    why: 'the login page has no <main> (the collections\' pages have one)',
  },
  {
    id: 'page-has-heading-one',
    why: 'the login page has no heading (the collections\' pages have one)',
  },
];
