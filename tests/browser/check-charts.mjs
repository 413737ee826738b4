// Charts a resident can read: in every visible chart (svg.chart__svg), every
// text is at least `minPx` CSS px tall on screen (its font size times the
// drawing's on-screen scale), lies inside the drawing, and covers no other
// text nor runs into its neighbour on the same line (2 px apart at least). Measured in the page as the browser lays it out.

/** Returns the problems of the charts now visible in `page`. */
export async function measureCharts(page, minPx) {
  return page.evaluate(async (min) => {
    if (document.fonts && document.fonts.ready) await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const problems = [];
    const charts = [...document.querySelectorAll('svg.chart__svg')].filter((svg) => svg.getClientRects().length > 0);
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
    }
    return { count: charts.length, problems };
  }, minPx);
}
