// Layout a reader on a phone depends on, measured as Chromium lays it out:
//  - overview: on a page with an overview (.overview), the first programme's
//    tally of this year's assessments (or, for a programme without goals,
//    its title) lies within the first screen;
//  - tables-320: at 320 px no table cell lies outside the viewport, unless
//    its table scrolls inside a .table-scroll box; a table of up to three
//    columns never scrolls (it fits the screen); a table that does scroll
//    keeps its first column in place (position: sticky) and shows a cue (a
//    shadow gradient on the box); every table is still a table with rows and
//    headers in the accessibility tree (stacked tables keep their semantics).

const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Problems with the overview in the first screen at the current viewport; null if the page has none. */
export async function measureOverview(page) {
  return page.evaluate(async () => {
    if (document.fonts && document.fonts.ready) await document.fonts.ready;
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const overview = document.querySelector('.overview');
    if (!overview) return null;
    const first = overview.querySelector('.overview__programme');
    if (!first) return ['the overview lists no programme'];
    const target = first.querySelector('.tally__list') || first.querySelector('h2, h3');
    const r = target.getBoundingClientRect();
    const what = target.matches('.tally__list') ? "the first programme's tally" : "the first programme's title";
    if (r.height === 0) return [`${what} is not shown`];
    if (r.bottom > window.innerHeight) {
      return [`${what} ends ${Math.round(r.bottom)} px down, below the first screen (${window.innerWidth}×${window.innerHeight})`];
    }
    return [];
  });
}

/** Problems of the tables at the current (narrow) viewport. */
export async function measureTables(page) {
  const problems = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const vw = document.documentElement.clientWidth;
    const out = [];
    const name = (t) => (t.caption ? t.caption.textContent.trim().replace(/\s+/g, ' ') : t.className || 'a table').slice(0, 80);
    for (const table of document.querySelectorAll('table')) {
      if (table.getClientRects().length === 0) continue;
      const box = table.closest('.table-scroll');
      const scrolls = box && box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        const columns = Math.max(...[...table.rows].map((row) => row.cells.length));
        if (columns <= 3) out.push(`"${name(table)}" has ${columns} columns but scrolls sideways: a table this narrow should fit the screen`);
        const firstCells = [...table.rows].map((row) => row.cells[0]).filter(Boolean);
        const loose = firstCells.filter((c) => getComputedStyle(c).position !== 'sticky');
        if (loose.length) out.push(`"${name(table)}" scrolls sideways but its first column does not stay put (${loose.length} cells not sticky)`);
        const bg = getComputedStyle(box).backgroundImage;
        if (!/gradient/.test(bg)) out.push(`"${name(table)}" scrolls sideways with no visible cue (no shadow on its scroll box)`);
        if (box.classList.contains('table-scroll--stacks')) out.push(`"${name(table)}" should stack its rows at this width but scrolls instead`);
        continue;
      }
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const r = cell.getBoundingClientRect();
          if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) {
            const header = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[cell.cellIndex];
            const column = header ? header.textContent.trim() : `column ${cell.cellIndex + 1}`;
            out.push(`"${name(table)}": the column "${column}" reaches ${Math.round(r.right)} px at a ${vw} px wide viewport`);
            break;
          }
        }
      }
    }
    return out;
  });
  // What a screen reader gets: the accessibility tree of each visible table.
  const tables = page.locator('table:visible');
  const count = await tables.count();
  for (let i = 0; i < count; i++) {
    const tree = await tables.nth(i).ariaSnapshot();
    const first = tree.split('\n')[0];
    if (!/^- table\b/.test(first) || !/- row\b/.test(tree) || !/- (columnheader|rowheader)\b/.test(tree)) {
      problems.push(`table ${i + 1} is not a table with rows and headers for screen readers:\n${tree.split('\n').slice(0, 6).join('\n')}`);
    }
  }
  return problems;
}
