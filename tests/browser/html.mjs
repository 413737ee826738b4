// A small, dependency-free HTML tag scanner: enough to find the ids, links and
// resource references of a generated page. It skips comments, CDATA, and the
// contents of <script>, <style>, <textarea> and <title> (raw-text elements), and
// decodes character references in attribute values. It does not build a tree.

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
};

/** Decodes the character references that can appear in an attribute value. */
export function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[ref];
    return named !== undefined ? named : whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const ATTR_RE = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Scans `html` and returns its start tags in document order:
 * [{ name, attrs: Map(lowercase name -> decoded value), line }].
 */
export function scanTags(html) {
  const tags = [];
  let i = 0;
  let line = 1;
  let lineCountedTo = 0;
  const lineAt = (pos) => {
    for (let k = lineCountedTo; k < pos; k++) if (html.charCodeAt(k) === 10) line++;
    lineCountedTo = Math.max(lineCountedTo, pos);
    return line;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, honouring quoted attribute values.
    let j = lt + m[0].length;
    let quote = null;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '>') {
        break;
      }
    }
    const name = m[2].toLowerCase();
    if (m[1] === '/') {
      i = j + 1;
      continue;
    }
    const attrText = html.slice(lt + m[0].length, j);
    const attrs = new Map();
    ATTR_RE.lastIndex = 0;
    let a;
    while ((a = ATTR_RE.exec(attrText)) !== null) {
      const attrName = a[1].toLowerCase();
      if (attrs.has(attrName)) continue; // the first one wins, as in browsers
      const raw = a[2] ?? a[3] ?? a[4] ?? '';
      attrs.set(attrName, decodeEntities(raw));
    }
    tags.push({ name, attrs, line: lineAt(lt) });
    i = j + 1;
    if (RAW_TEXT.has(name) && !attrText.trimEnd().endsWith('/')) {
      const close = new RegExp(`</${name}[\\s>/]`, 'ig');
      close.lastIndex = i;
      const c = close.exec(html);
      i = c ? c.index : html.length;
    }
  }
  return tags;
}

/** The ids (and <a name> anchors) a fragment can point to. */
export function fragmentTargets(tags) {
  const ids = new Set();
  for (const t of tags) {
    const id = t.attrs.get('id');
    if (id !== undefined && id !== '') ids.add(id);
    if (t.name === 'a') {
      const n = t.attrs.get('name');
      if (n !== undefined && n !== '') ids.add(n);
    }
  }
  return ids;
}

function splitSrcset(value) {
  // The srcset parsing algorithm of the HTML standard, reduced to the URLs.
  const urls = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    if (i >= value.length) break;
    let j = i;
    while (j < value.length && !/\s/.test(value[j])) j++;
    let url = value.slice(i, j);
    i = j;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < value.length) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * Every URL a page references: [{ url, attr, tag, line, kind }], where kind is
 * 'link' (navigated to) or 'resource' (loaded by the page).
 */
export function references(tags) {
  const refs = [];
  const add = (t, attr, url, kind) => refs.push({ url, attr, tag: t.name, line: t.line, kind });
  for (const t of tags) {
    const a = t.attrs;
    switch (t.name) {
      case 'a':
      case 'area':
        if (a.has('href')) add(t, 'href', a.get('href'), 'link');
        break;
      case 'link':
        if (a.has('href')) {
          const rel = (a.get('rel') || '').toLowerCase().split(/\s+/);
          const navigational = rel.some((r) => ['alternate', 'canonical', 'next', 'prev', 'help', 'license', 'author', 'search'].includes(r))
            && !rel.includes('stylesheet') && !rel.includes('icon');
          add(t, 'href', a.get('href'), navigational ? 'link' : 'resource');
        }
        if (a.has('imagesrcset')) for (const u of splitSrcset(a.get('imagesrcset'))) add(t, 'imagesrcset', u, 'resource');
        break;
      case 'img':
      case 'source':
      case 'script':
      case 'iframe':
      case 'embed':
      case 'audio':
      case 'video':
      case 'track':
      case 'input':
        if (a.has('src')) add(t, 'src', a.get('src'), 'resource');
        if (a.has('srcset')) for (const u of splitSrcset(a.get('srcset'))) add(t, 'srcset', u, 'resource');
        if (a.has('poster')) add(t, 'poster', a.get('poster'), 'resource');
        break;
      case 'object':
        if (a.has('data')) add(t, 'data', a.get('data'), 'resource');
        break;
      case 'form':
        if (a.has('action')) add(t, 'action', a.get('action'), 'link');
        break;
      case 'use':
      case 'image':
        if (a.has('href')) add(t, 'href', a.get('href'), 'resource');
        if (a.has('xlink:href')) add(t, 'xlink:href', a.get('xlink:href'), 'resource');
        break;
      case 'meta': {
        if ((a.get('http-equiv') || '').toLowerCase() === 'refresh') {
          const m = /url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(a.get('content') || '');
          if (m) add(t, 'content', m[1].trim(), 'link');
        }
        break;
      }
      default:
        break;
    }
    // blockquote/q/del/ins cite attributes are links too.
    if (['blockquote', 'q', 'del', 'ins'].includes(t.name) && a.has('cite')) add(t, 'cite', a.get('cite'), 'link');
  }
  return refs;
}

/** <link rel="alternate" hreflang="…" href="…"> entries of a page. */
export function hreflangLinks(tags) {
  return tags
    .filter((t) => t.name === 'link' && t.attrs.has('hreflang') && t.attrs.has('href')
      && (t.attrs.get('rel') || '').toLowerCase().split(/\s+/).includes('alternate'))
    .map((t) => ({ hreflang: t.attrs.get('hreflang'), href: t.attrs.get('href'), line: t.line }));
}

/** Whether the page is a meta-refresh redirect. */
export function isMetaRefresh(tags) {
  return tags.some((t) => t.name === 'meta' && (t.attrs.get('http-equiv') || '').toLowerCase() === 'refresh');
}
