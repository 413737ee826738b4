//! Plain-text helpers that every stage may use: escaping for HTML, SVG and
//! XML, URL slugs, base URLs, and "did you mean" suggestions. The bottom layer: imports
//! nothing from the rest of goalsite.

mod slug;
mod suggest;
mod url;

pub use slug::{is_valid_slug, slugify};
pub use suggest::nearest;
pub use url::{base_path_of, check_base_url, check_link, normalise_base_url, scheme, SAFE_SCHEMES};

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

/// The first control character in `s` that XML does not allow (C0 controls
/// but tab, line feed and carriage return), if any.
pub fn control_character(s: &str) -> Option<char> {
    s.chars().find(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_html_characters_are_escaped_and_nothing_else() {
        assert_eq!(
            escape("<a href=\"x\">Tom's & Jerry's</a> / å"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt; / å"
        );
    }
}
