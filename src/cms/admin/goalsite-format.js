// goalsite's file formats for Decap CMS: TOML files and Markdown with TOML
// front matter, read with smol-toml (TOML 1.0) and written the way goalsite's
// own files are written, so that a save changes only what the editor changed.
//
// - Key order, [sections], [[arrays of tables]] and blank lines follow the file
//   as it was read (the text is kept in a hidden key of the entry), then the
//   order of the form's fields. The comment lines at the top of a file stay;
//   other comments are lost.
// - A text in every language ({ sv = "…", en = "…" }) is a field per language
//   in the form; a text written once for every language ("Umeå") stays so
//   while the languages agree.
// - An indicator's value (a number, "-" for no value, or { value, status,
//   note }) is a row { value, status, note } in the form, and written back in
//   the shortest form that says the same.
// - Empty fields are left out; a whole number stays 93.0 where it was.
//
// The shape of each collection comes from its fields in goalsite's
// configuration: an object whose fields are the site's languages is a text,
// one whose fields are value, status and note is a value.
(function (root) {
  'use strict';

  var SOURCE = '__goalsite_source';
  var VALUE_FIELDS = ['value', 'status', 'note'];

  function toml() {
    return root.smolToml;
  }

  function isTable(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
  }

  function sameNames(fields, names) {
    return fields.length === names.length && fields.every(function (f, i) { return f.name === names[i]; });
  }

  // ---------------------------------------------------------------- shapes

  // The shape of a field: text, value, table (with keys in form order), list, number or scalar.
  function shapeOfField(field, langs) {
    var fields = field.fields || [];
    if (field.widget === 'object' && langs.length && sameNames(fields, langs)) return { kind: 'text' };
    if (field.widget === 'object' && sameNames(fields, VALUE_FIELDS)) return valueShape(fields, langs);
    if (field.widget === 'object') return tableShape(fields, langs);
    if (field.widget === 'list' && sameNames(fields, VALUE_FIELDS)) {
      return { kind: 'list', item: valueShape(fields, langs) };
    }
    if (field.widget === 'list' && field.fields) return { kind: 'list', item: tableShape(fields, langs) };
    if (field.widget === 'list') return { kind: 'list', item: field.field ? shapeOfField(field.field, langs) : { kind: 'scalar' } };
    if (field.widget === 'number') return { kind: 'number' };
    return { kind: 'scalar' };
  }

  function valueShape(fields, langs) {
    return { kind: 'value', note: shapeOfField(fields[2], langs) };
  }

  function tableShape(fields, langs) {
    var shape = { kind: 'table', keys: [], of: {} };
    fields.forEach(function (f) { addKey(shape, f.name, shapeOfField(f, langs)); });
    return shape;
  }

  // Adds `key` to a table shape; a key seen before keeps its place, and two
  // tables merge (a collection's files share one format).
  function addKey(shape, key, of) {
    if (!(key in shape.of)) {
      shape.keys.push(key);
      shape.of[key] = of;
    } else if (shape.of[key].kind === 'table' && of.kind === 'table') {
      of.keys.forEach(function (k) { addKey(shape.of[key], k, of.of[k]); });
    }
  }

  // The shape of a whole collection: the fields of every file it has.
  function collectionShape(collection, langs) {
    var shape = { kind: 'table', keys: [], of: {} };
    var lists = collection.files ? collection.files.map(function (f) { return f.fields; }) : [collection.fields];
    lists.forEach(function (fields) {
      (fields || []).forEach(function (f) { addKey(shape, f.name, shapeOfField(f, langs)); });
    });
    return shape;
  }

  function child(shape, key) {
    return shape && shape.kind === 'table' ? shape.of[key] : undefined;
  }

  // ------------------------------------------------------ file → form data

  function toForm(v, shape, langs) {
    var kind = shape && shape.kind;
    if (kind === 'text' && typeof v === 'string') {
      var text = {};
      langs.forEach(function (l) { text[l] = v; });
      return text;
    }
    if (kind === 'value') return valueToForm(v, shape, langs);
    if (kind === 'list' && Array.isArray(v)) return v.map(function (x) { return toForm(x, shape.item, langs); });
    if (isTable(v)) {
      var out = {};
      Object.keys(v).forEach(function (k) { out[k] = toForm(v[k], child(shape, k), langs); });
      return out;
    }
    return v;
  }

  function isGap(v) {
    return typeof v === 'string' && /^\s*(-|\u2013|)\s*$/.test(v);
  }

  function valueToForm(v, shape, langs) {
    if (typeof v === 'number') return { value: v };
    if (isGap(v)) return {};
    if (!isTable(v)) return v;
    var row = {};
    if (typeof v.value === 'number') row.value = v.value;
    else if (v.value !== undefined && !isGap(v.value)) row.value = v.value;
    if (v.status !== undefined) row.status = v.status;
    if (v.note !== undefined) row.note = toForm(v.note, shape.note, langs);
    return row;
  }

  // Each value row of a time series gets its year (from `years`), for the
  // form to show beside the value; it is not written back.
  function withYears(data) {
    if (!Array.isArray(data.years) || !Array.isArray(data.series)) return data;
    data.series.forEach(function (series) {
      if (!isTable(series) || !Array.isArray(series.values)) return;
      series.values.forEach(function (row, i) {
        if (isTable(row) && data.years[i] !== undefined) row.year = data.years[i];
      });
    });
    return data;
  }

  // ------------------------------------------------------ form data → file

  function isEmpty(v) {
    return v === undefined || v === null || v === '' || (typeof v === 'number' && isNaN(v));
  }

  // The form's data as the file will hold it: empty fields left out, texts
  // and values in their shortest form. `orig` is the same place in the file
  // as it was read (integers as BigInt, so 93.0 is told from 93).
  function fromForm(v, shape, orig, langs) {
    var kind = shape && shape.kind;
    if (kind === 'text') return textFromForm(v, orig, langs);
    if (kind === 'value') return valueFromForm(v, shape, orig, langs);
    if (kind === 'number') return numberFromForm(v, orig);
    if (Array.isArray(v)) return listFromForm(v, shape, orig, langs);
    if (isTable(v)) return tableFromForm(v, shape, orig, langs);
    if (isEmpty(v)) return undefined;
    if (v === false && orig === undefined) return undefined;
    if (typeof v === 'number') return numberFromForm(v, orig);
    return v;
  }

  function textFromForm(v, orig, langs) {
    if (typeof v === 'string') return v === '' ? undefined : v;
    if (!isTable(v)) return isEmpty(v) ? undefined : v;
    var text = {};
    ordered(Object.keys(v), { kind: 'table', keys: langs }, orig).forEach(function (l) {
      if (!isEmpty(v[l])) text[l] = v[l];
    });
    var ls = Object.keys(text);
    if (!ls.length) return undefined;
    var once = typeof orig === 'string' && langs.every(function (l) { return text[l] === text[ls[0]]; });
    return once ? text[ls[0]] : text;
  }

  function numberFromForm(v, orig) {
    if (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) v = Number(v);
    if (isEmpty(v)) return undefined;
    if (typeof v === 'number' && typeof orig === 'number' && Number.isInteger(v)) return { float: v };
    return v;
  }

  // A value row: "-" when it has no number, a bare number when it says no more.
  function valueFromForm(v, shape, orig, langs) {
    if (!isTable(v)) return isEmpty(v) ? '-' : numberFromForm(v, orig);
    var origTable = isTable(orig) ? orig : undefined;
    var number = numberFromForm(v.value, origTable ? origTable.value : orig);
    var value = number === undefined ? '-' : number;
    var rest = {};
    if (!isEmpty(v.status)) rest.status = v.status;
    var note = textFromForm(v.note, origTable && origTable.note, langs);
    if (note !== undefined) rest.note = note;
    if (!Object.keys(rest).length && !origTable) return value;
    var table = { value: value };
    Object.keys(rest).forEach(function (k) { table[k] = rest[k]; });
    return table;
  }

  function listFromForm(v, shape, orig, langs) {
    var item = shape && shape.kind === 'list' ? shape.item : undefined;
    var origList = Array.isArray(orig) ? orig : [];
    var out = [];
    v.forEach(function (x, i) {
      var y = fromForm(x, item, origList[i], langs);
      if (y !== undefined) out.push(y);
    });
    if (!out.length && orig === undefined) return undefined;
    return out;
  }

  function tableFromForm(v, shape, orig, langs) {
    var origTable = isTable(orig) ? orig : {};
    var out = {};
    ordered(Object.keys(v), shape, orig).forEach(function (k) {
      if (k === SOURCE) return;
      var y = fromForm(v[k], child(shape, k), origTable[k], langs);
      if (y !== undefined) out[k] = y;
    });
    return Object.keys(out).length || isTable(orig) ? out : undefined;
  }

  // -------------------------------------------------- the file as it was

  // What the original text says about layout: which tables were [sections]
  // or [[arrays]], and which keys had a blank line before them.
  function layoutOf(text) {
    var layout = { sections: {}, arrays: {}, blank: {}, multiline: {}, head: '', tail: '\n' };
    if (typeof text !== 'string') return layout;
    layout.tail = /\n*$/.exec(text)[0] || '\n';
    var lines = text.split(/\r?\n/);
    var head = [];
    var i = 0;
    while (i < lines.length && /^\s*(#.*)?$/.test(lines[i])) head.push(lines[i++]);
    while (head.length && /^\s*$/.test(head[head.length - 1])) head.pop();
    if (head.some(function (l) { return /^\s*#/.test(l); })) {
      layout.head = head.join('\n') + '\n' + (i > head.length ? '\n' : '');
    }
    var at = '';
    var blankBefore = false;
    lines.forEach(function (line) {
      var header = /^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
      if (header) {
        at = keyPath(header[2]);
        (header[1] === '[[' ? layout.arrays : layout.sections)[at] = true;
      } else {
        var key = /^\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*")\s*=\s*(\[\s*(#.*)?$)?/.exec(line);
        var path = key && (at ? at + '.' : '') + unquote(key[1]);
        if (key && blankBefore) layout.blank[path] = true;
        if (key) layout.multiline[path] = !!key[2];
      }
      blankBefore = /^\s*$/.test(line);
    });
    return layout;
  }

  // `a."b c".d` as the path a.b c.d.
  function keyPath(text) {
    var parts = text.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^.\s]+/g) || [];
    return parts.map(unquote).join('.');
  }

  function unquote(k) {
    if (k[0] === '"') {
      try { return JSON.parse(k); } catch (e) { return k.slice(1, -1); }
    }
    return k[0] === "'" ? k.slice(1, -1) : k;
  }

  function parseOriginal(text) {
    if (typeof text !== 'string') return undefined;
    try {
      return toml().parse(text, { integersAsBigInt: true, unsafeKeyBehaviour: 'drop' });
    } catch (e) {
      return undefined;
    }
  }

  // ------------------------------------------------------------- writing

  function writeKey(k) {
    return /^[A-Za-z0-9_-]+$/.test(k) ? k : writeString(k);
  }

  function writeString(s) {
    return '"' + s.replace(/[\u0000-\u001f\u007f"\\]/g, function (c) {
      var named = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
      return named[c] || '\\u' + ('000' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4);
    }) + '"';
  }

  function writeNumber(n) {
    if (!isFinite(n)) throw new Error('not a number: ' + n);
    return String(n);
  }

  // `multiline`: an array on a line per item (by default when it holds tables).
  function writeValue(v, multiline) {
    if (typeof v === 'string') return writeString(v);
    if (typeof v === 'number') return writeNumber(v);
    if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
    if (v instanceof Date) return typeof v.toISOString === 'function' ? v.toISOString() : String(v);
    if (isTable(v) && 'float' in v && Object.keys(v).length === 1) return v.float.toFixed(1);
    if (Array.isArray(v)) {
      var items = v.map(writeValue);
      if (multiline === undefined ? v.some(isPlainTable) : multiline) return '[\n' + items.map(function (x) { return '  ' + x + ',\n'; }).join('') + ']';
      return '[' + items.join(', ') + ']';
    }
    if (isTable(v)) {
      var parts = Object.keys(v).map(function (k) { return writeKey(k) + ' = ' + writeValue(v[k]); });
      return parts.length ? '{ ' + parts.join(', ') + ' }' : '{}';
    }
    throw new Error('cannot write ' + typeof v);
  }

  function isFloat(v) {
    return isTable(v) && 'float' in v && Object.keys(v).length === 1;
  }

  function isPlainTable(v) {
    return isTable(v) && !isFloat(v);
  }

  // `keys` in the order of the file as read, then the form's, then their own.
  function ordered(keys, shape, orig) {
    var start = keys.slice();
    var first = isTable(orig) ? Object.keys(orig) : [];
    var form = shape && shape.kind === 'table' ? shape.keys : [];
    var rank = function (k) {
      var i = first.indexOf(k);
      if (i >= 0) return i;
      i = form.indexOf(k);
      return i >= 0 ? 1e6 + i : 2e6 + start.indexOf(k);
    };
    return keys.slice().sort(function (a, b) { return rank(a) - rank(b); });
  }

  // Writes the table at `path` (its keys, then its [sub.sections], then its
  // [[arrays]]) into `out`, a list of lines.
  function writeTable(table, shape, orig, layout, path, out) {
    var keys = ordered(Object.keys(table), shape, orig);
    var own = [], sections = [], arrays = [];
    var topTables = path === '' && keys.length && keys.every(function (k) {
      return isPlainTable(table[k]) && (!shape || !child(shape, k) || child(shape, k).kind === 'table');
    });
    keys.forEach(function (k) {
      var at = (path ? path + '.' : '') + k;
      var v = table[k];
      var known = isTable(orig) && k in orig;
      if (isPlainTable(v) && (layout.sections[at] || (!known && topTables))) sections.push(k);
      else if (Array.isArray(v) && v.length && v.every(isPlainTable) && (layout.arrays[at] || (!known && path === ''))) arrays.push(k);
      else own.push(k);
    });
    own.forEach(function (k) {
      var at = (path ? path + '.' : '') + k;
      var blank = layout.blank[at] || (!isTable(orig) || !(k in orig)) && path === '' && (k === 'years' || k === 'year');
      if (blank && out.length && out[out.length - 1] !== '') out.push('');
      out.push(writeKey(k) + ' = ' + writeValue(table[k], layout.multiline[at]));
    });
    sections.forEach(function (k) {
      var at = (path ? path + '.' : '') + k;
      if (out.length) out.push('');
      out.push('[' + at.split('.').map(writeKey).join('.') + ']');
      writeTable(table[k], child(shape, k), isTable(orig) ? orig[k] : undefined, layout, at, out);
    });
    arrays.forEach(function (k) {
      var at = (path ? path + '.' : '') + k;
      var itemShape = child(shape, k) && child(shape, k).item;
      var origItems = isTable(orig) && Array.isArray(orig[k]) ? orig[k] : [];
      table[k].forEach(function (item, i) {
        if (out.length) out.push('');
        out.push('[[' + at.split('.').map(writeKey).join('.') + ']]');
        writeTable(item, itemShape, origItems[i], layout, at, out);
      });
    });
    return out;
  }

  function writeToml(data, shape, langs) {
    var source = data[SOURCE];
    var orig = parseOriginal(source);
    var layout = layoutOf(source);
    var table = fromForm(data, shape, orig, langs) || {};
    var lines = writeTable(table, shape, orig, layout, '', []);
    var body = lines.join('\n');
    return layout.head + (body ? body + layout.tail : '');
  }

  // ---------------------------------------------------- the file formats

  // A TOML file (programme.toml, assessments/<year>.toml, indicators/<id>.toml).
  function tomlFormat(shape, langs) {
    return {
      fromFile: function (text) {
        var data = withYears(toForm(toml().parse(text, { unsafeKeyBehaviour: 'drop' }), shape, langs));
        data[SOURCE] = text;
        return data;
      },
      toFile: function (data) {
        return writeToml(data, shape, langs);
      },
    };
  }

  // A Markdown file, with its front matter between +++ lines (if any) as fields and the rest as `body`.
  function splitMarkdown(text) {
    var m = /^\+\+\+[ \t]*\r?\n/.exec(text);
    if (!m) return { front: '', gap: '', body: text };
    var rest = text.slice(m[0].length);
    var end = /(^|\r?\n)\+\+\+[ \t]*(\r?\n|$)/.exec(rest);
    if (!end) return { front: '', gap: '', body: text };
    var after = rest.slice(end.index + end[0].length);
    var gap = /^(\r?\n)*/.exec(after)[0];
    return { front: rest.slice(0, end.index), gap: gap, body: after.slice(gap.length), fenced: true };
  }

  function markdownFormat(shape, langs) {
    return {
      fromFile: function (text) {
        var parts = splitMarkdown(text);
        var data = toForm(toml().parse(parts.front, { unsafeKeyBehaviour: 'drop' }), shape, langs);
        if (parts.body !== '') data.body = parts.body;
        data[SOURCE] = text;
        return data;
      },
      toFile: function (data) {
        var source = data[SOURCE];
        var parts = typeof source === 'string' ? splitMarkdown(source) : { front: '', gap: '\n' };
        var meta = {};
        Object.keys(data).forEach(function (k) { if (k !== 'body') meta[k] = data[k]; });
        meta[SOURCE] = parts.front;
        var front = writeToml(meta, shape, langs);
        var body = typeof data.body === 'string' ? data.body : '';
        if (!front.trim()) return body;
        return '+++\n' + front + '+++\n' + (parts.fenced ? parts.gap : '\n') + body;
      },
    };
  }

  // The format of every collection in `config`, registered as its
  // `format`; `languages` are the site's, `markdown` the names of the
  // formats of Markdown files (the others are TOML).
  function register(CMS, config, languages, markdown) {
    (config.collections || []).forEach(function (collection) {
      var shape = collectionShape(collection, languages);
      var isMarkdown = markdown.indexOf(collection.format) >= 0;
      var format = isMarkdown ? markdownFormat(shape, languages) : tomlFormat(shape, languages);
      CMS.registerCustomFormat(collection.format, isMarkdown ? 'md' : 'toml', format);
    });
  }

  root.goalsiteFormat = {
    SOURCE: SOURCE,
    collectionShape: collectionShape,
    tomlFormat: tomlFormat,
    markdownFormat: markdownFormat,
    register: register,
  };
})(typeof window !== 'undefined' ? window : globalThis);
