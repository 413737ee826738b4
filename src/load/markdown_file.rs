//! A Markdown file: optional TOML front matter between `+++` lines, then the body.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::locale::Lang;
use crate::model::{changed_while_building, Doc, FrontMatter};
use crate::source::{Source, Stamp};
use crate::toml_file;

const FENCE: &str = "+++";

/// Splits `text` into (front matter TOML and its byte offset, body offset).
/// `Err` holds the byte offset of an opening fence that is never closed.
pub fn split_front_matter(text: &str) -> Result<Option<(usize, usize, usize)>, usize> {
    let text_start = usize::from(text.starts_with('\u{feff}')) * 3;
    let rest = &text[text_start..];
    let Some(after_open) = rest.strip_prefix(FENCE) else {
        return Ok(None);
    };
    let Some(first_nl) = after_open.find('\n') else {
        return Err(text_start);
    };
    if !after_open[..first_nl].trim().is_empty() {
        return Ok(None);
    }
    let toml_start = text_start + FENCE.len() + first_nl + 1;
    let mut pos = toml_start;
    for line in text[toml_start..].split_inclusive('\n') {
        if line.trim_end() == FENCE {
            return Ok(Some((toml_start, pos, pos + line.len())));
        }
        pos += line.len();
    }
    Err(text_start)
}

/// The Markdown of `text` after its front matter (all of it without one).
pub fn body_of(text: &str) -> &str {
    match split_front_matter(text) {
        Ok(Some((_, _, body))) => &text[body..],
        _ => text.trim_start_matches('\u{feff}'),
    }
}

/// Where `key` is set in the front matter of `text` (the key itself), if it is.
pub fn front_matter_key(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let (start, end, _) = split_front_matter(text).ok()??;
    toml_file::key_span(&text[start..end], key).map(|span| span.start + start..span.end + start)
}

/// Whether `text` starts with front matter in other tools' style (YAML
/// between `---` lines, `title: …`), or goalsite's lines between `---` (or
/// `---` and `+++`), which Markdown would show as a rule and a heading.
fn yaml_front_matter(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    let mut keys = 0;
    for line in lines.take(50) {
        // Closed as goalsite's are (`+++`), when only the first line was changed.
        if matches!(line.trim_end(), "---" | "+++") {
            return keys > 0;
        }
        let key = line.split_once([':', '=']).map(|(k, _)| k.trim_end());
        keys += usize::from(key.is_some_and(|k| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_')));
    }
    false
}

/// Parses a Markdown file's front matter; the document keeps the whole text.
pub fn parse(source: Arc<Source>, lang: Lang) -> Result<Doc, Diagnostic> {
    let (front, body_offset) = front_matter(&source)?;
    Ok(Doc::new(lang, source, body_offset, front))
}

/// A Markdown file as a build read it, for the next one: when the file's
/// stamp is still this one, its text up to the body is this `head` and its
/// body has this fingerprint, and it is not read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub stamp: Stamp,
    pub head: String,
    pub body_hash: u128,
}

impl Known {
    /// What the next build may take of `doc`, if its file had settled when it was read.
    pub fn of(doc: &Doc) -> Option<Known> {
        let head = doc.source.text.get(..doc.body_offset)?.to_owned();
        Some(Known { stamp: doc.stamp?, head, body_hash: doc.body_hash })
    }
}

/// The document of the file `rel` under `root` from what an earlier build
/// read of it (its front matter parsed again; no error was found in it then).
pub fn parse_known(root: &Arc<Path>, rel: &Path, known: &Known, lang: Lang) -> Result<Doc, Diagnostic> {
    let head = Arc::new(Source::new(rel, known.head.clone()));
    let (front, body_offset) = front_matter(&head)?;
    if body_offset != head.text.len() {
        return Err(changed_while_building(rel));
    }
    Ok(Doc::known(lang, root, head, front, (known.body_hash, known.stamp)))
}

/// The front matter of `source` and the offset of its body.
fn front_matter(source: &Arc<Source>) -> Result<(FrontMatter, usize), Diagnostic> {
    let text = &source.text;
    if let Some(invisible) = toml_file::invisible_character(source, 0..text.len()) {
        return Err(invisible);
    }
    let (front, body_offset) = match split_front_matter(text) {
        Ok(None) if yaml_front_matter(text) => {
            let at = usize::from(text.starts_with('\u{feff}')) * 3;
            return Err(Diagnostic::error_at(source, at..at + 3, msg!(FrontMatterYaml))
                .with_hint(msg!(FrontMatterYamlHint))
                .reading());
        }
        Ok(None) => (FrontMatter::default(), usize::from(text.starts_with('\u{feff}')) * 3),
        Ok(Some((start, end, body))) => (toml_file::parse_part::<FrontMatter>(source, start..end)?, body),
        Err(at) => {
            return Err(Diagnostic::error_at(source, at..at + FENCE.len(), msg!(FrontMatterOpen))
                .with_hint(msg!(FrontMatterOpenHint))
                .reading())
        }
    };
    Ok((front, body_offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<Doc, Diagnostic> {
        parse(Arc::new(Source::new("content/a.sv.md", text)), Lang::known("sv"))
    }

    #[test]
    fn front_matter_and_body_are_split() {
        let text = "+++\ntitle = \"Om\"\n+++\n# Hej\n";
        let d = doc(text).unwrap();
        assert_eq!(d.front.title.as_deref(), Some("Om"));
        assert_eq!(&text[d.body_offset..], "# Hej\n");
    }

    #[test]
    fn an_invisible_control_character_is_an_error_at_its_place() {
        let e = doc("# Rubrik\n\nText\u{1}här\n").unwrap_err();
        assert_eq!(e.message, "the text holds an invisible control character (U+0001)");
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (3, 5));
        assert!(doc("Tab\there\r\nok\n").is_ok());
    }

    #[test]
    fn a_front_matter_key_is_found_where_it_is_set() {
        let text = "+++\ntitles = \"x\"\n \"slug\" = \"om\"\ntitle= \"Om\"\n+++\ntitle = \"body\"\n";
        assert_eq!(front_matter_key(text, "title").map(|r| &text[r]), Some("title"));
        assert_eq!(front_matter_key(text, "title").unwrap().start, text.find("title=").unwrap());
        assert_eq!(front_matter_key(text, "slug").map(|r| &text[r]), Some("\"slug\""));
        assert_eq!(front_matter_key(text, "order"), None);
        let text = "+++\ndescription = \"\"\"\nslug = x\n\"\"\"\n'slug' = 'start'\n+++\n";
        assert_eq!(front_matter_key(text, "slug").map(|r| &text[r]), Some("'slug'"), "not the line in the string");
        assert_eq!(front_matter_key("title = \"no front matter\"\n", "title"), None);
    }

    #[test]
    fn front_matter_in_yaml_is_an_error_that_shows_the_toml_way() {
        let d = doc("---\ntitle: Om\n---\nText.\n").unwrap_err();
        assert_eq!(d.message, "the front matter starts with ---; goalsite's starts with +++");
        assert_eq!(d.location().map(|l| (l.line, l.column)), Some((1, 1)));
        let d = doc("---\ntitle: Om\n+++\nText.\n").unwrap_err();
        assert_eq!(d.message, "the front matter starts with ---; goalsite's starts with +++", "closed by +++");
        let d = doc("---\ntitle = \"Om\"\n---\nText.\n").unwrap_err();
        assert_eq!(d.message, "the front matter starts with ---; goalsite's starts with +++", "TOML lines");
        assert!(doc("---\n\nA text that starts with a rule.\n\n---\n").is_ok(), "rules around text are fine");
        assert!(doc("Text\n\n---\ntitle: x\n---\n").is_ok(), "only at the top");
    }

    #[test]
    fn no_front_matter_is_fine() {
        assert_eq!(doc("Hej").unwrap().body_offset, 0);
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let e = doc("+++\ntitle = \"Om\"\ntittel = 1\n+++\n").unwrap_err();
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(e.hint.as_ref().map(ToString::to_string).as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = doc("+++\ntitle = \"Om\"\n").unwrap_err();
        assert!(e.message.to_string().contains("not closed"));
    }
}
