//! Whether a piece of raw HTML from the Markdown parser holds markup, or only
//! comments, decided from the parser's events one at a time: a comment may
//! span several events (`<!-- Foo⏎⏎bar -->`), and a block that begins and ends
//! with a comment may still hold a script between two comments.

/// Whether `html` has anything but comments and white space. `in_comment`
/// says whether a comment from an earlier event is still open, and is left
/// saying whether one is open at the end of `html`.
pub fn has_markup_outside_comments(html: &str, in_comment: &mut bool) -> bool {
    let mut rest = html;
    let mut markup = false;
    loop {
        if *in_comment {
            match comment_end(rest) {
                Some(end) => {
                    rest = &rest[end..];
                    *in_comment = false;
                }
                None => return markup,
            }
        }
        match rest.find("<!--") {
            Some(start) => {
                markup |= !rest[..start].trim().is_empty();
                rest = &rest[start + 4..];
                *in_comment = true;
                // A browser ends `<!-->` and `<!--->` at once (HTML's abrupt closing of an empty comment).
                for abrupt in [">", "->"] {
                    if let Some(after) = rest.strip_prefix(abrupt) {
                        rest = after;
                        *in_comment = false;
                        break;
                    }
                }
            }
            None => return markup || !rest.trim().is_empty(),
        }
    }
}

/// Where the comment that `text` is inside ends (just after `-->` or the
/// `--!>` browsers also accept), if it ends in `text`.
fn comment_end(text: &str) -> Option<usize> {
    let plain = text.find("-->").map(|i| i + 3);
    let bang = text.find("--!>").map(|i| i + 4);
    match (plain, bang) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(parts: &[&str]) -> Vec<bool> {
        let mut open = false;
        parts.iter().map(|p| has_markup_outside_comments(p, &mut open)).collect()
    }

    #[test]
    fn comments_alone_are_not_markup() {
        assert_eq!(markup(&["<!-- ok -->\n"]), [false]);
        assert_eq!(markup(&["<!-- Foo\n", "\n", "bar -->\n"]), [false, false, false], "CommonMark example 179");
        assert_eq!(markup(&["<!-- a --> <!-- b -->"]), [false]);
    }

    #[test]
    fn markup_between_or_around_comments_is_found() {
        assert_eq!(markup(&["<!-- a --><script>alert(1)</script><!-- b -->"]), [true]);
        assert_eq!(markup(&["<!-- a -->\n", "<img src=x onerror=alert(1)>\n"]), [false, true]);
        assert_eq!(markup(&["<b>x</b>"]), [true]);
        assert_eq!(markup(&["<!-- a", "--><script>"]), [false, true]);
        assert_eq!(markup(&["<!-- never closed <script>"]), [false], "the browser shows nothing of an open comment");
        assert_eq!(markup(&["<!--><script>alert(1)</script>"]), [true], "<!--> is a whole comment");
        assert_eq!(markup(&["<!---><script>alert(1)</script>"]), [true], "so is <!--->");
        assert_eq!(markup(&["<!-- a --!><script>alert(1)</script>"]), [true], "--!> ends a comment too");
    }
}
