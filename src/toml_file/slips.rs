//! The slips a word processor makes in a TOML file, found by name where the
//! parser sees only a syntax error: typographic quotes (`”`, `“`, `„`, `«`,
//! `»`) around a text, a non-breaking space where TOML needs a space, and
//! å, ä, ö or a space in a name. Looked for only when a file does not parse.

use std::ops::Range;

use crate::text::slugify;

mod colon;

use colon::colon_mended;
pub use colon::{colon_pair, ColonFix};

/// One slip, at a byte range of the text searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub span: Range<usize>,
    pub kind: SlipKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipKind {
    /// A text between typographic quotes: `open` where it starts (if that
    /// one is typographic) and `close` where it ends (if that one is), at
    /// `close_at` (when the slip is at the opening one).
    Quotes { open: Option<char>, close: Option<char>, close_at: Option<usize>, text: String },
    /// A space TOML does not count as one (U+00A0, U+202F …).
    Space(char),
    /// A name (a key, a table's name) with a letter outside a–z or a space
    /// in it; `header` when it is the name of a `[table]`.
    Name { written: String, header: bool },
}

impl SlipKind {
    /// The valid name this one becomes (as an id check suggests it).
    pub fn suggestion(&self) -> Option<String> {
        match self {
            SlipKind::Name { written, .. } => Some(slugify(written)),
            _ => None,
        }
    }
}

/// Whether `name` is a key TOML reads without quotes: a–z, A–Z, 0–9, `-`
/// and `_` only.
pub fn bare_key(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Typographic double quotes, and what a straight `"` replaces.
const DOUBLE: &[char] = &['”', '“', '„', '«', '»', '‟'];
/// Typographic single quotes, for a `'` text.
const SINGLE: &[char] = &['’', '‘', '‚', '‹', '›', '‛'];

/// Whether `c` is a space that TOML does not take for one.
fn odd_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

fn typographic(c: char) -> bool {
    DOUBLE.contains(&c) || SINGLE.contains(&c)
}

/// What reading a TOML text far enough found.
pub struct Scan {
    /// Every slip, in order.
    pub slips: Vec<Slip>,
    /// Where the first line that leaves a text in straight quotes open ends
    /// (before its line break), if one does.
    pub open_text: Option<usize>,
}

/// Reads `text` far enough to find its slips and a text left open.
pub fn scan(text: &str) -> Scan {
    let mut scanner = Scanner { text, at: 0, slips: Vec::new(), open: Vec::new(), open_text: None };
    scanner.run();
    Scan { slips: scanner.slips, open_text: scanner.open_text }
}

/// `text` with every slip mended, byte for byte as long (so that a problem
/// the parser finds in it has the same place in `text`).
pub fn mended(text: &str, slips: &[Slip]) -> String {
    mended_as(text, slips, &vec![ColonFix::default(); slips.len()])
}

/// [`mended`], each YAML line among the `slips` the way `ways` (one per
/// slip) says, as far as it can be as long.
pub fn mended_as(text: &str, slips: &[Slip], ways: &[ColonFix]) -> String {
    let mut out = text.as_bytes().to_vec();
    for (slip, &way) in slips.iter().zip(ways) {
        if let SlipKind::Quotes { close: Some(c), close_at: Some(at), .. } = slip.kind {
            let end = at + c.len_utf8();
            out[at..end].copy_from_slice(pad(if DOUBLE.contains(&c) { '"' } else { '\'' }, c).as_bytes());
        }
        let part = &text[slip.span.clone()];
        let fix: String = match &slip.kind {
            SlipKind::Quotes { .. } => part
                .chars()
                .map(|c| match c {
                    c if DOUBLE.contains(&c) => pad('"', c),
                    c if SINGLE.contains(&c) => pad('\'', c),
                    c => c.to_string(),
                })
                .collect(),
            SlipKind::Space(c) => " ".repeat(c.len_utf8()),
            // `en:` and `title: Om uppföljningen`: `en=` and `title= "…"`, as long.
            SlipKind::Name { header: false, .. } if colon_pair(part).is_some() => colon_mended(part, way),
            SlipKind::Name { .. } => part
                .chars()
                .map(|c| match c {
                    c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => c.to_string(),
                    c if c.is_whitespace() => "-".repeat(c.len_utf8()),
                    c => "x".repeat(c.len_utf8()),
                })
                .collect(),
        };
        out[slip.span.clone()].copy_from_slice(fix.as_bytes());
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// `straight`, then spaces, as many bytes as `typographic` takes.
fn pad(straight: char, typographic: char) -> String {
    format!("{straight}{}", " ".repeat(typographic.len_utf8() - 1))
}

/// Reads a TOML text far enough to know what is a name, a value, a text
/// and a comment.
struct Scanner<'t> {
    text: &'t str,
    at: usize,
    slips: Vec<Slip>,
    /// The brackets open here: `[` of a list, `{` of an inline table.
    open: Vec<u8>,
    /// See [`Scan::open_text`].
    open_text: Option<usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn slip(&mut self, span: Range<usize>, kind: SlipKind) {
        self.slips.push(Slip { span, kind });
    }

    /// Skips spaces and tabs (and reports the spaces TOML does not know).
    fn spaces(&mut self) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' {
                self.at += 1;
            } else if odd_space(c) {
                self.slip(self.at..self.at + c.len_utf8(), SlipKind::Space(c));
                self.at += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn run(&mut self) {
        let mut line_start = true;
        while let Some(c) = self.peek() {
            if line_start {
                line_start = false;
                self.spaces();
                match self.peek() {
                    Some('[') if self.open.is_empty() => self.header(),
                    Some(c) if self.open.is_empty() && c != '#' && c != '\n' && c != '\r' => self.key(),
                    _ => {}
                }
                continue;
            }
            match c {
                '\n' => {
                    self.at += 1;
                    line_start = true;
                }
                '#' => self.comment(),
                // An apostrophe in a word (`Municipality's`), not a 'text'.
                '\'' if self.text[..self.at].ends_with(char::is_alphanumeric) => self.at += 1,
                '"' | '\'' => self.string(c),
                '[' => {
                    self.at += 1;
                    self.open.push(b'[');
                }
                '{' => {
                    self.at += 1;
                    self.open.push(b'{');
                    self.spaces();
                    self.key_in_table();
                }
                ']' | '}' => {
                    self.at += 1;
                    self.open.pop();
                }
                ',' => {
                    self.at += 1;
                    if self.open.last() == Some(&b'{') {
                        self.spaces();
                        self.key_in_table();
                    }
                }
                c if typographic(c) => self.typographic_text(),
                c if odd_space(c) => self.spaces(),
                c => self.at += c.len_utf8(),
            }
        }
    }

    fn key_in_table(&mut self) {
        if self.peek().is_some_and(|c| c != '}' && c != '\n' && c != '#') {
            self.key();
        }
    }

    fn comment(&mut self) {
        let end = self.rest().find('\n').map_or(self.text.len(), |n| self.at + n);
        self.at = end;
    }

    /// `[name]` or `[[name]]`, the name in parts separated by dots.
    fn header(&mut self) {
        self.at += 1;
        if self.peek() == Some('[') {
            self.at += 1;
        }
        loop {
            self.spaces();
            match self.peek() {
                Some('"' | '\'') => self.quoted_part(),
                Some(']') | Some('\n') | None => break,
                _ => self.name(&['.', ']', '\n', '#'], true),
            }
            self.spaces();
            if self.peek() == Some('.') {
                self.at += 1;
            } else {
                break;
            }
        }
        // The rest of the line: `]`, a comment.
        while let Some(c) = self.peek() {
            match c {
                '\n' => break,
                '#' => return self.comment(),
                c => self.at += c.len_utf8(),
            }
        }
    }

    /// A key before `=` (dotted keys in parts); then its value follows.
    fn key(&mut self) {
        loop {
            self.spaces();
            match self.peek() {
                Some('"' | '\'') => self.quoted_part(),
                Some(c) if typographic(c) => return,
                Some('=') | Some('\n') | None => break,
                _ => self.name(&['.', '=', '\n', '#', '{', '}', ',', '[', ']', '"', '\''], false),
            }
            self.spaces();
            if self.peek() == Some('.') {
                self.at += 1;
            } else {
                break;
            }
        }
        if self.peek() == Some('=') {
            self.at += 1;
        }
    }

    /// A bare name up to one of `stops`: a slip if it holds anything but
    /// a–z, A–Z, 0–9, `-` and `_` (spaces between its words included).
    fn name(&mut self, stops: &[char], header: bool) {
        let start = self.at;
        let mut end = start;
        while let Some(c) = self.peek() {
            if stops.contains(&c) || typographic(c) {
                break;
            }
            self.at += c.len_utf8();
            if !c.is_whitespace() {
                end = self.at;
            }
        }
        let mut written = &self.text[start..end];
        // `title: Om uppföljningen, del 2`: the line is the name and its
        // value (outside a list or `{ }`, whose commas are theirs).
        if !header && self.open.is_empty() && colon_pair(written).is_some_and(|(_, value)| !value.is_empty()) {
            let rest = &self.text[end..];
            // (A `#` is the text's, as YAML reads `Mål #1`.)
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            end += line.trim_end().len();
            written = &self.text[start..end];
        }
        if !written.is_empty() && !bare_key(written) {
            let kind = SlipKind::Name { written: written.to_owned(), header };
            self.slip(start..end, kind);
        }
        self.at = end;
    }

    /// A quoted part of a name (`"år"` in `[a."år"]`), quote to quote.
    fn quoted_part(&mut self) {
        let q = self.bump().unwrap_or('"');
        self.past_closing(q);
    }

    /// Past the closing `q` of a one-line quoted name or text.
    fn past_closing(&mut self, q: char) {
        while let Some(c) = self.peek() {
            match c {
                '\n' => return,
                '\\' if q == '"' => {
                    self.at += 1;
                    self.bump();
                }
                c => {
                    self.at += c.len_utf8();
                    if c == q {
                        return;
                    }
                }
            }
        }
    }

    /// A text between straight quotes (one line, or `"""` many). One that
    /// ends with a typographic quote and goes on to the next straight one
    /// (`"Text.”, en = "…"`) is a slip at that quote.
    fn string(&mut self, q: char) {
        let fence: String = std::iter::repeat_n(q, 3).collect();
        if self.rest().starts_with(&fence) {
            self.at += 3;
            let end = self.rest().find(&fence).map_or(self.text.len(), |n| self.at + n + 3);
            self.at = end;
            return;
        }
        let open = self.at;
        self.at += 1;
        // A typographic quote where the text could end: before `,`, `}`, `]` or the line's end.
        let mut ends_typographic: Option<usize> = None;
        // Whether a straight quote ended the text on its line (one that
        // cannot end a value is read as the end all the same).
        let mut ended = false;
        while let Some(c) = self.peek() {
            match c {
                '\n' => break,
                '\\' if q == '"' => {
                    self.at += 1;
                    self.bump();
                    continue;
                }
                c if c == q => {
                    self.at += 1;
                    if self.closes_a_value() {
                        return;
                    }
                    ended = true;
                    break;
                }
                c if typographic(c) => {
                    let after = self.rest()[c.len_utf8()..].trim_start_matches([' ', '\t']);
                    if ends_typographic.is_none() && (after.is_empty() || after.starts_with([',', '}', ']', '\n', '#']))
                    {
                        ends_typographic = Some(self.at);
                    }
                    self.at += c.len_utf8();
                }
                c => self.at += c.len_utf8(),
            }
        }
        if !ended && self.open_text.is_none() {
            let end = self.at - usize::from(self.text[..self.at].ends_with('\r'));
            self.open_text = Some(end);
        }
        if let Some(at) = ends_typographic {
            let close = self.text[at..].chars().next();
            let text = self.text[open + 1..at].to_owned();
            let width = close.map_or(1, char::len_utf8);
            self.slip(at..at + width, SlipKind::Quotes { open: None, close, close_at: None, text });
            self.at = at + width;
        }
    }

    /// Whether what follows a closing quote can follow a value.
    fn closes_a_value(&self) -> bool {
        let after = self.rest().trim_start_matches([' ', '\t']);
        after.is_empty() || after.starts_with([',', '}', ']', '\n', '\r', '#'])
    }

    /// A text that starts with a typographic quote: up to the quote that
    /// ends it (typographic or straight), on the same line.
    fn typographic_text(&mut self) {
        let start = self.at;
        let open = self.bump();
        let double = open.is_some_and(|c| DOUBLE.contains(&c));
        let closers: &[char] = if double { DOUBLE } else { SINGLE };
        let straight = if double { '"' } else { '\'' };
        let body = self.at;
        while let Some(c) = self.peek() {
            if c == '\n' {
                break;
            }
            if closers.contains(&c) || c == straight {
                let close = (c != straight).then_some(c);
                let close_at = close.map(|_| self.at);
                let text = self.text[body..self.at].to_owned();
                self.at += c.len_utf8();
                let kind = SlipKind::Quotes { open, close, close_at, text };
                self.slip(start..start + open.map_or(1, char::len_utf8), kind);
                return;
            }
            self.at += c.len_utf8();
        }
        let text = self.text[body..self.at].to_owned();
        self.slip(start..body, SlipKind::Quotes { open, close: None, close_at: None, text });
    }
}

#[cfg(test)]
mod tests;
