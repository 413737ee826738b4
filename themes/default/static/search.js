// The search page with JavaScript: searches the Pagefind index of the page's
// language (Pagefind picks it by <html lang>) as the reader types, and shows
// the results above the list of all pages. Without JavaScript, or when
// Pagefind cannot start (a Content-Security-Policy without
// 'wasm-unsafe-eval', say), that list is the way on.
//
// Texts come from the data attributes of #gs-search (the theme's i18n
// files); results are built as elements, never from HTML strings. The state
// of the last search is in data-state ("loading", "done" or "failed") and
// the number of its results in data-found, for tests.
(() => {
  const root = document.getElementById('gs-search');
  const form = document.getElementById('gs-search-form');
  if (!root || !form) return;
  const field = form.querySelector('input[name="q"]');
  const status = root.querySelector('.search__status');
  const list = root.querySelector('.search__results');
  const more = root.querySelector('.search__more');
  const text = root.dataset;
  const PAGE = 10;
  const TIMEOUT_MS = 15000;
  const parts = (text.parts || '').split(' ').filter(Boolean);
  document.getElementById('gs-search-no-js')?.setAttribute('hidden', '');

  // A failed load is forgotten, so the next search tries again (with
  // another address, as a browser may remember a failed module import).
  let pagefind = null;
  let attempts = 0;
  const load = () => {
    const address = text.bundle + 'pagefind.js' + (attempts++ > 0 ? `?retry=${attempts}` : '');
    const start = async (pf) => {
      const options = { baseUrl: text.base, excerptLength: 30 };
      await pf.options(options);
      await pf.init();
      if (parts.length === 0) return pf;
      // A large site's index comes in parts: the others are merged into the
      // first. Merging waits for the first part's WebAssembly without
      // noticing that it failed; filters() throws that failure.
      await pf.filters();
      await Promise.all(parts.map((part) => pf.mergeIndex(part, options)));
      return pf;
    };
    // A load that fails or hangs is forgotten, and its worker stopped.
    pagefind ??= inTime(import(address).then((pf) => start(pf).catch((e) => {
      pf.destroy().catch(() => {});
      throw e;
    }))).catch((e) => {
      pagefind = null;
      throw e;
    });
    return pagefind;
  };
  const inTime = (promise) => Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('search timed out')), TIMEOUT_MS)),
  ]);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, k) => (k in values ? values[k] : all));
  const number = (n) => n.toLocaleString(document.documentElement.lang);

  // Pagefind's excerpt is text with < and > escaped and <mark> around the
  // words found: it is split, not parsed.
  const excerpt = (html) => {
    const p = document.createElement('p');
    p.className = 'search-result__excerpt';
    let marked = false;
    for (const part of html.split(/(<\/?mark>)/)) {
      if (part === '<mark>' || part === '</mark>') {
        marked = part === '<mark>';
        continue;
      }
      const plain = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      if (!plain) continue;
      if (marked) {
        const mark = document.createElement('mark');
        mark.textContent = plain;
        p.append(mark);
      } else {
        p.append(plain);
      }
    }
    return p;
  };

  const result = (data) => {
    const li = document.createElement('li');
    li.className = 'search-result';
    const heading = document.createElement('h2');
    heading.className = 'search-result__title';
    const link = document.createElement('a');
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.append(link);
    li.append(heading, excerpt(data.excerpt || ''));
    return li;
  };

  let found = [];
  let shown = 0;
  let current = 0;

  // Shows the next results of the search `token`; `focus` moves focus to
  // the first of them. The batch is taken (and `shown` moved on) before
  // waiting, so two quick clicks never show the same results twice.
  const showMore = async (token, focus) => {
    const next = found.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = true;
    const batch = await inTime(Promise.all(next.map((r) => r.data())));
    if (token !== current) return;
    const items = batch.map(result);
    list.append(...items);
    list.hidden = list.childElementCount === 0;
    more.hidden = shown >= found.length;
    if (focus && items[0]) items[0].querySelector('a').focus();
  };

  const search = async (query) => {
    const token = ++current;
    const q = query.trim();
    const url = new URL(window.location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    if (!q) {
      found = [];
      shown = 0;
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
      status.textContent = '';
      delete root.dataset.state;
      return;
    }
    root.dataset.state = 'loading';
    root.dataset.query = q;
    // The previous search's "show more" must not add to this one's results.
    more.hidden = true;
    // Say "searching" only when it takes a while (the first search loads the index).
    const slow = setTimeout(() => {
      if (token === current) status.textContent = text.loading;
    }, 400);
    try {
      const pf = await inTime(load());
      const answer = await inTime(pf.search(q));
      if (token !== current) return;
      found = answer.results;
      shown = 0;
      list.replaceChildren();
      await showMore(token, false);
      if (token !== current) return;
      const values = { query: q, n: number(found.length) };
      status.textContent = fill(found.length === 0 ? text.none : found.length === 1 ? text.one : text.many, values);
      root.dataset.found = String(found.length);
      root.dataset.state = 'done';
    } catch (e) {
      if (token !== current) return;
      status.textContent = text.failed;
      root.dataset.state = 'failed';
      console.warn(`search: ${e.message || e}`);
    } finally {
      clearTimeout(slow);
    }
  };

  let typing = null;
  field.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => search(field.value), 250);
  });
  field.addEventListener('focus', () => { load().catch(() => {}); }, { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    search(field.value);
  });
  more.addEventListener('click', () => {
    const token = current;
    showMore(token, true).catch((e) => {
      if (token !== current) return;
      status.textContent = text.failed;
      console.warn(`search: ${e.message || e}`);
    });
  });

  const asked = new URLSearchParams(window.location.search).get('q');
  if (asked) {
    field.value = asked;
    search(asked);
  }
})();
