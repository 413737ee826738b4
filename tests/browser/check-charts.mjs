// Charts a resident can read: in every visible chart (svg.chart__svg), every
// text is at least `minPx` CSS px tall on screen (its font size times the
// drawing's on-screen scale), lies inside the drawing, covers no other text
// nor runs into its neighbour on the same line (2 px apart at least), and is
// neither crossed by a drawn line nor covered by a marker. A drawn line is a
// <line> at least 1.5 units wide (a series, a target; the 1-unit grid, axis
// and tick lines are meant to run behind text); a marker is a <circle> or a
// <polygon> (a series' point, the target's diamond, a legend key). Measured
// in the page as the browser lays it out.

/** Returns the problems of the charts now visible in `page`. */
export async function measureCharts(page, minPx) {
  return page.evaluate(async (min) => {
    if (document.fonts && document.fonts.ready) await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const problems = [];
    const charts = [...document.querySelectorAll('svg.chart__svg')].filter((svg) => svg.getClientRects().length > 0);
    // The box of a text as the eye reads it: its glyphs' box less 1 px on
    // each side, so that a line that only grazes the font's empty margin is
    // not counted.
    const inner = (r) => ({ left: r.left + 1, right: r.right - 1, top: r.top + 1, bottom: r.bottom - 1 });
    // Whether the segment a–b (screen px) passes through the box `r`
    // (Liang–Barsky clipping).
    const crosses = (a, b, r) => {
      let t0 = 0;
      let t1 = 1;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const edges = [[-dx, a.x - r.left], [dx, r.right - a.x], [-dy, a.y - r.top], [dy, r.bottom - a.y]];
      for (const [p, q] of edges) {
        if (p === 0) {
          if (q < 0) return false;
        } else {
          const t = q / p;
          if (p < 0) t0 = Math.max(t0, t);
          else t1 = Math.min(t1, t);
          if (t0 > t1) return false;
        }
      }
      return true;
    };
    const overlap = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
    for (const svg of charts) {
      const name = svg.querySelector('title')?.textContent || svg.id || 'a chart';
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '');
      const rects = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((t, i) => {
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (size < min - 0.05) problems.push(`"${t.textContent}" in ${name} is ${size.toFixed(1)} px, less than ${min} px`);
        const r = rects[i];
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
          problems.push(`"${t.textContent}" in ${name} is cut off by the drawing's edge`);
        }
      });
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i];
          const b = rects[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 0.5 && h > 0.5) problems.push(`"${texts[i].textContent}" and "${texts[j].textContent}" overlap in ${name}`);
          // Side by side on one line with less than 2 px between them: they read as one ("6163").
          else if (h > 0.5 * Math.min(a.height, b.height) && -w < 2) {
            problems.push(`"${texts[i].textContent}" and "${texts[j].textContent}" run together in ${name} (${(-w).toFixed(1)} px apart)`);
          }
        }
      }
      const lines = [...svg.querySelectorAll('line')]
        .filter((l) => parseFloat(l.getAttribute('stroke-width') || '1') >= 1.5)
        .map((l) => {
          const m = l.getScreenCTM();
          const at = (x, y) => new DOMPoint(l[x].baseVal.value, l[y].baseVal.value).matrixTransform(m);
          return { a: at('x1', 'y1'), b: at('x2', 'y2') };
        });
      const markers = [...svg.querySelectorAll('circle, polygon')].map((m) => m.getBoundingClientRect());
      texts.forEach((t, i) => {
        const r = inner(rects[i]);
        if (lines.some((l) => crosses(l.a, l.b, r))) problems.push(`"${t.textContent}" in ${name} is crossed by a line`);
        if (markers.some((m) => overlap(m, r))) problems.push(`"${t.textContent}" in ${name} is covered by a marker`);
      });
    }
    return { count: charts.length, problems };
  }, minPx);
}
