//! Plain-text helpers that every stage may use: escaping for HTML, SVG and
//! XML, URL slugs, base URLs, "did you mean" suggestions, soft hyphens
//! in long words, and text in Unicode's composed form. The bottom layer: imports
//! nothing from the rest of goalsite.

mod hyphen;
mod slug;
mod suggest;
mod url;

pub use hyphen::{hyphenate, unhyphenate};
pub use slug::{is_valid_slug, slugify};
pub use suggest::nearest;
pub use url::{base_path_of, check_base_url, check_link, normalise_base_url, scheme, SAFE_SCHEMES};

/// `text` in Unicode's composed form (NFC), the form the web expects: an
/// `å` as one character, not an `a` followed by a combining ring, as text
/// copied from some PDFs and macOS file names has it. The two look the
/// same, but a search, a comparison or a font that draws letters one by
/// one tells them apart (an `a` with a gap where the ring should be).
pub fn composed(text: String) -> String {
    // Every character below U+0300 (all of Latin-1 and Latin Extended) is
    // composed already; UTF-8 writes those with bytes below 0xCC only.
    // (In blocks, each scanned whole: a loop the compiler vectorises.)
    if text.as_bytes().chunks(64).all(|block| block.iter().fold(0, |high, &b| high | u8::from(b >= 0xCC)) == 0) {
        return text;
    }
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Escapes text for HTML, SVG and XML, in element content and in
/// double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// The first character in `s` that a reader cannot see but that breaks or
/// changes the text, if any: its byte offset, the character, and its kind
/// (`control`, `zero-width-space`, `word-joiner`, `zero-width-no-break-space`,
/// `direction`, as the message catalogue names them).
/// These are the control characters (C0 but tab, line feed and carriage
/// return, DEL and C1), which XML does not allow, and the zero-width and
/// text-direction characters, which hide or reorder text. A byte order mark
/// at the very start belongs to the file, not to the text.
pub fn invisible_character(s: &str) -> Option<(usize, char, &'static str)> {
    invisible_characters(s).next()
}

/// Every invisible character of `s` (see [`invisible_character`]), in order.
pub fn invisible_characters(s: &str) -> impl Iterator<Item = (usize, char, &'static str)> + '_ {
    // Only a control byte or the first byte of U+0080–U+00BF (0xC2), of
    // U+2000–U+2FFF (0xE2) or of U+F000–U+FFFF (0xEF) can start one: the
    // other bytes are skipped without decoding them (every source is scanned).
    const MAYBE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(b, 0..=8 | 11 | 12 | 14..=31 | 127 | 0xc2 | 0xe2 | 0xef);
            b += 1;
        }
        table
    };
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = bytes[from..].iter().position(|&b| MAYBE[usize::from(b)]) {
            let at = from + i;
            let c = s[at..].chars().next()?;
            from = at + 1;
            if let Some(kind) = invisible(c).filter(|_| !(at == 0 && c == '\u{feff}')) {
                return Some((at, c, kind));
            }
        }
        None
    })
}

/// What the invisible character `c` is, if it is one.
fn invisible(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some("control"),
        '\u{200b}' => Some("zero-width-space"),
        '\u{2060}' => Some("word-joiner"),
        '\u{feff}' => Some("zero-width-no-break-space"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some("direction"),
        _ => None,
    }
}

/// `c` as a terminal can show it in one column: a control character as its
/// control picture (␇), another invisible character as �, the rest as it is.
pub fn shown(c: char) -> char {
    match (invisible(c), c) {
        (None, c) => c,
        (Some(_), '\0'..='\u{1f}') => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        (Some(_), '\u{7f}') => '\u{2421}',
        (Some(_), _) => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_composed_and_composed_text_stays_as_it_is() {
        let nfd = "Uppfo\u{308}ljning i Umea\u{30a} – A\u{308}r";
        assert_eq!(composed(nfd.to_owned()), "Uppföljning i Umeå – Är");
        for text in ["Umeå kommun", "Tilastokeskus: äänestysaktiivisuus", "温室 👨\u{200d}👩 Ω", ""] {
            assert_eq!(composed(text.to_owned()), text);
        }
        // The byte scan's premise: no character below U+0300 changes.
        let below: String = (0..0x300).filter_map(char::from_u32).collect();
        assert_eq!(unicode_normalization::UnicodeNormalization::nfc(below.as_str()).collect::<String>(), below);
    }

    #[test]
    fn the_byte_scan_finds_what_a_scan_of_every_character_finds() {
        let every = |s: &str| {
            s.char_indices()
                .find_map(|(at, c)| invisible(c).filter(|_| !(at == 0 && c == '\u{feff}')).map(|kind| (at, c, kind)))
        };
        let chars = (0..0x3000).chain(0xfe00..0x10000).chain([0x1f468, 0x10ffff]).filter_map(char::from_u32);
        for c in chars {
            for text in [format!("å{c}b"), format!("{c}"), format!("ab{c}\u{200b}")] {
                assert_eq!(invisible_character(&text), every(&text), "{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn invisible_characters_are_found_with_their_place_and_kind() {
        assert_eq!(
            invisible_character("Rad\tett\r\nRad två 👨\u{200d}👩"),
            None,
            "tabs, line ends and joiners are fine"
        );
        assert_eq!(invisible_character("ab\u{7}c"), Some((2, '\u{7}', "control")));
        assert_eq!(invisible_character("å\u{202e}x"), Some((2, '\u{202e}', "direction")));
        assert_eq!(invisible_character("a\u{200b}b").map(|i| i.2), Some("zero-width-space"));
        assert_eq!(invisible_character("\u{feff}title = 1"), None, "the file's byte order mark");
        assert_eq!(invisible_character("a\u{feff}b").map(|i| i.0), Some(1));
        assert_eq!(invisible_character("\u{85}").map(|i| i.2), Some("control"));
        let every: Vec<(usize, char)> =
            invisible_characters("\u{feff}a\u{200b}b\u{7}\u{feff}").map(|(at, c, _)| (at, c)).collect();
        assert_eq!(every, [(4, '\u{200b}'), (8, '\u{7}'), (9, '\u{feff}')], "all, but the byte order mark");
    }

    #[test]
    fn invisible_characters_are_shown_in_one_column() {
        let line: String = "a\u{8}b\u{202e}c\u{7f}".chars().map(shown).collect();
        assert_eq!(line, "a␈b\u{fffd}c␡");
    }

    #[test]
    fn the_five_html_characters_are_escaped_and_nothing_else() {
        assert_eq!(
            escape("<a href=\"x\">Tom's & Jerry's</a> / å"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt; / å"
        );
    }
}
