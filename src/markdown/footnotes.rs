//! Footnotes: numbered in order of first reference, collected at the end of
//! the text with a back-link to where each is first referred to.

use std::collections::HashMap;

use pulldown_cmark::{html, Event};

use crate::locale::Typography;
use crate::text::{escape, slugify};

/// A footnote: its label in the text, its id, and the id of its first reference.
pub(super) struct Footnote {
    pub label: String,
    pub id: String,
    pub first_ref: String,
}

pub(super) fn footnote_slug(label: &str) -> String {
    let s = slugify(label);
    if s.is_empty() {
        "note".into()
    } else {
        s
    }
}

pub(super) fn push_footnotes(
    out: &mut String,
    heading_id: &str,
    level: usize,
    notes: &[Footnote],
    mut defs: HashMap<String, Vec<Event>>,
    typo: &Typography,
) {
    out.push_str(&format!(
        "<section class=\"footnotes\" aria-labelledby=\"{heading_id}\">\n<h{level} id=\"{heading_id}\">{}</h{level}>\n<ol>\n",
        escape(&typo.footnotes_heading)
    ));
    for note in notes {
        let mut text = String::new();
        if let Some(events) = defs.remove(&note.label) {
            html::push_html(&mut text, events.into_iter());
        }
        let back = format!(
            " <a href=\"#{}\" class=\"footnote-back\"><span aria-hidden=\"true\">↩</span><span class=\"visually-hidden\">{}</span></a>",
            note.first_ref,
            escape(&typo.back_to_text)
        );
        // The back-link ends the note's last paragraph rather than standing on a line of its own.
        match text.trim_end().strip_suffix("</p>") {
            Some(body) => text = format!("{body}{back}</p>"),
            None => text.push_str(&back),
        }
        out.push_str(&format!("<li id=\"{}\">{text}</li>\n", note.id));
    }
    out.push_str("</ol>\n</section>\n");
}
