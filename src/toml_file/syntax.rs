//! The TOML parser's complaints in the editor's words: the common ones
//! (a text without its closing quote, a list without `]`, a missing `=`)
//! each a message of the catalogue with its fix; the rest said plainly with
//! the parser's own words quoted.

use crate::messages::Message;

/// The parser's `message` (about `written`, the text at its place) in plain
/// words, with a hint where there is a fix to give.
pub fn plain(message: &str, written: &str) -> (Message, Option<Message>) {
    let either = |a: &str, b: &str| message == a || message == b;
    if either("invalid basic string, expected `\"`", "invalid literal string, expected `'`")
        || message.starts_with("invalid multi-line basic string, expected")
        || message.starts_with("invalid multi-line literal string, expected")
    {
        return (msg!(TomlUnclosedText), Some(msg!(TomlUnclosedTextHint)));
    }
    if message.starts_with("string values must be quoted") {
        let text = written.trim();
        if text.is_empty() {
            return (msg!(TomlMissingValue), Some(msg!(TomlMissingValueHint)));
        }
        let hint = match text.contains(['[', ']', '{', '}', ',', '"', '\'']) {
            true => msg!(TomlUnquotedTextHintGeneral),
            false => msg!(TomlUnquotedTextHint, text = text),
        };
        return (msg!(TomlUnquotedText), Some(hint));
    }
    let (message, hint) = match message {
        "duplicate key" => (msg!(TomlDuplicateKey), msg!(TomlDuplicateKeyHint)),
        "unclosed array, expected `]`" => (msg!(TomlUnclosedList), msg!(TomlUnclosedListHint)),
        "unclosed inline table, expected `}`" => (msg!(TomlUnclosedBraces), msg!(TomlUnclosedBracesHint)),
        "unclosed table, expected `]`" | "unclosed array table, expected `]`" => {
            (msg!(TomlUnclosedHeader), msg!(TomlUnclosedHeaderHint))
        }
        "key with no value, expected `=`" | "missing assignment between key-value pairs, expected `=`" => {
            (msg!(TomlMissingEquals), msg!(TomlMissingEqualsHint))
        }
        "unexpected key or value, expected newline, `#`" => (msg!(TomlMoreOnLine), msg!(TomlMoreOnLineHint)),
        "extra assignment between key-value pairs, expected `,`"
        | "missing comma between key-value pairs, expected `,`" => (msg!(TomlMissingComma), msg!(TomlMissingCommaHint)),
        m if m.starts_with("missing escaped value") || m.starts_with("invalid escape") => {
            (msg!(TomlBackslash), msg!(TomlBackslashHint))
        }
        m if m.starts_with("unquoted keys cannot be empty") => (msg!(TomlMissingName), msg!(TomlMissingNameHint)),
        m if m.starts_with("unexpected leading zero") => (msg!(TomlLeadingZero), msg!(TomlLeadingZeroHint)),
        m if m.starts_with("invalid boolean") => (msg!(TomlNotBoolean), msg!(TomlBooleanWithoutQuotes)),
        m if m.starts_with("invalid date") || m.starts_with("invalid time") => {
            // "invalid date, expected month between 01 and 12": which part, in words.
            let part =
                ["month", "day", "hour", "minute", "second"].into_iter().find(|p| m.contains(p)).unwrap_or("other");
            (msg!(TomlNoSuchDate, part = part), msg!(TomlDateHint))
        }
        m => return (msg!(TomlSyntax, detail = m), None),
    };
    (message, Some(hint))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::MsgId;

    /// What the parser says about `text`, and the text at its place.
    fn parsed(text: &str) -> (String, String) {
        let e = text.parse::<toml::Table>().unwrap_err();
        let span = e.span().unwrap();
        (e.message().to_owned(), text[span].to_owned())
    }

    #[test]
    fn the_commonest_syntax_errors_get_a_message_of_their_own() {
        let cases = [
            ("status = \"nej\n", MsgId::TomlUnclosedText),
            ("status = delvis\n", MsgId::TomlUnquotedText),
            ("status =\n", MsgId::TomlMissingValue),
            ("years = [1, 2\n", MsgId::TomlUnclosedList),
            ("t = { sv = \"a\"\n", MsgId::TomlUnclosedBraces),
            ("[bostader\n", MsgId::TomlUnclosedHeader),
            ("status \"ja\"\n", MsgId::TomlMissingEquals),
            ("a = 1 b = 2\n", MsgId::TomlMoreOnLine),
            ("t = { sv = \"a\" en = \"b\" }\n", MsgId::TomlMissingComma),
            ("logo = \"C:\\bilder\\logo.svg\"\n", MsgId::TomlBackslash),
            ("= 1\n", MsgId::TomlMissingName),
            ("year = 02024\n", MsgId::TomlLeadingZero),
            ("example_data = sant\n", MsgId::TomlUnquotedText),
            ("example_data = tru\n", MsgId::TomlNotBoolean),
            ("published = 2024-13-01\n", MsgId::TomlNoSuchDate),
        ];
        for (text, id) in cases {
            let (message, written) = parsed(text);
            let (plain, hint) = plain(&message, &written);
            assert_eq!(plain.id, id, "{text:?}: {message}");
            assert!(hint.is_some(), "{text:?} has a hint");
        }
    }

    #[test]
    fn an_unquoted_word_gets_it_back_in_quotes() {
        let (message, written) = parsed("status = delvis\n");
        let (_, hint) = plain(&message, &written);
        assert_eq!(hint.unwrap().to_string(), "write it in straight quotes: \"delvis\"");
    }

    #[test]
    fn anything_else_is_said_plainly_with_the_parsers_words_quoted() {
        let (plain, hint) = plain("something new the parser says", "x");
        assert_eq!(plain.id, MsgId::TomlSyntax);
        assert!(plain.to_string().contains("something new the parser says"));
        assert!(hint.is_none());
    }
}
