//! A Markdown file: optional TOML front matter between `+++` lines, then the body.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::model::{FrontMatter, MarkdownDoc, SourceFile};
use crate::toml_doc;

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

/// Parses a Markdown file's front matter.
pub fn parse(file: &SourceFile, lang: String) -> Result<MarkdownDoc, Diagnostic> {
    let text = &file.text;
    let (front, body_offset) = match split_front_matter(text) {
        Ok(None) => (FrontMatter::default(), usize::from(text.starts_with('\u{feff}')) * 3),
        Ok(Some((start, end, body))) => {
            let front = toml::from_str::<FrontMatter>(&text[start..end])
                .map_err(|e| toml_doc::from_toml_error(&file.path, text, &e, start))?;
            (front, body)
        }
        Err(at) => {
            return Err(error_at(&file.path, text, at, "the front matter is not closed")
                .with_hint("end the front matter with a line that holds only +++"))
        }
    };
    Ok(MarkdownDoc { path: file.path.clone(), lang, front, body_offset })
}

fn error_at(path: &Path, text: &str, at: usize, msg: &str) -> Diagnostic {
    Diagnostic::error_at(path, text, at..at + FENCE.len(), msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Result<MarkdownDoc, Diagnostic> {
        parse(&SourceFile { path: "content/a.sv.md".into(), text: text.into() }, "sv".into())
    }

    #[test]
    fn front_matter_and_body_are_split() {
        let text = "+++\ntitle = \"Om\"\n+++\n# Hej\n";
        let d = doc(text).unwrap();
        assert_eq!(d.front.title.as_deref(), Some("Om"));
        assert_eq!(&text[d.body_offset..], "# Hej\n");
    }

    #[test]
    fn no_front_matter_is_fine() {
        assert_eq!(doc("Hej").unwrap().body_offset, 0);
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let e = doc("+++\ntitle = \"Om\"\ntittel = 1\n+++\n").unwrap_err();
        let loc = e.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(e.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = doc("+++\ntitle = \"Om\"\n").unwrap_err();
        assert!(e.message.contains("not closed"));
    }
}
