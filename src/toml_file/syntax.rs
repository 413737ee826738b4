//! The TOML parser's complaints in the editor's words: the common ones
//! (a text without its closing quote, a list without `]`, a missing `=`)
//! each a message of the catalogue with its fix; the rest said plainly with
//! the parser's own words quoted.

use crate::messages::Message;

/// The signs a word processor writes for minus (and `-`).
const DASHES: [char; 4] = ['-', '–', '−', '—'];

/// [`plain`] for the place `at` in the file `text`.
pub fn plain_at(message: &str, written: &str, text: &str, at: usize) -> (Message, Option<Message>) {
    let (head, rest) = text.split_at(at);
    plain(message, written, head, &rest[..rest.find('\n').unwrap_or(rest.len())])
}

/// The parser's `message` (about `written`, the text at its place, after
/// `head`, the file up to there, and before `after`, the rest of its line)
/// in plain words, with a hint where there is a fix to give.
pub fn plain(message: &str, written: &str, head: &str, after: &str) -> (Message, Option<Message>) {
    let before = head.rsplit('\n').next().unwrap_or(head);
    // `{ sv = "Ja, en = "Yes" }`: the first text ran on to the next quote.
    if let Some(text) = unclosed_before_key(before) {
        return (msg!(TomlUnclosedText), Some(msg!(TomlUnclosedBeforeHint, text = text)));
    }
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
        // `28,6 %` in a list is `28` and then `6 %`: the number is all of it.
        // (Or two values, `28` and `6 %`: the hint says both.)
        if let Some(whole) = decimal_part(before) {
            let written = format!("{whole}{text}");
            // `[28,6 30,1]`: 28.6, then 30 without a comma before it.
            if let Some(values) = values_without_comma(&written) {
                return (msg!(TomlMissingListComma), Some(msg!(TomlValuesWithoutCommaHint, values = values)));
            }
            if let Some(number) = as_toml_number(&written) {
                let (first, second) = (whole.trim_end_matches(','), as_toml_number(text));
                let second = second.unwrap_or_else(|| text.to_owned());
                let hint =
                    msg!(TomlWordNumberJoinedHint, number = number, written = written, first = first, second = second);
                return (msg!(TomlWordNumber), Some(hint));
            }
        }
        // `[1990 2022]`: two values, a comma missing (not `1 000`, a number).
        if let Some(values) = values_without_comma(text) {
            return match in_list(head) {
                true => (msg!(TomlMissingListComma), Some(msg!(TomlValuesWithoutCommaHint, values = values))),
                false => (msg!(TomlTwoNumbers), Some(msg!(TomlTwoNumbersHint, values = values))),
            };
        }
        if let Some(number) = as_toml_number(text) {
            return (msg!(TomlWordNumber), Some(msg!(TomlWordNumberHint, number = number)));
        }
        let hint = match text.contains(['[', ']', '{', '}', ',', '"', '\'']) {
            true => msg!(TomlUnquotedTextHintGeneral),
            false => msg!(TomlUnquotedTextHint, text = text),
        };
        return (msg!(TomlUnquotedText), Some(hint));
    }
    let (message, hint) = match message {
        "duplicate key" => (duplicate_key(written.trim(), head), msg!(TomlDuplicateKeyHint)),
        "unclosed array, expected `]`" => (msg!(TomlUnclosedList), msg!(TomlUnclosedListHint)),
        "unclosed inline table, expected `}`" => (msg!(TomlUnclosedBraces), msg!(TomlUnclosedBracesHint)),
        "unclosed table, expected `]`" | "unclosed array table, expected `]`" => {
            (msg!(TomlUnclosedHeader), msg!(TomlUnclosedHeaderHint))
        }
        "key with no value, expected `=`" | "missing assignment between key-value pairs, expected `=`" => {
            (msg!(TomlMissingEquals), msg!(TomlMissingEqualsHint))
        }
        "unexpected key or value, expected newline, `#`" => (msg!(TomlMoreOnLine), msg!(TomlMoreOnLineHint)),
        // A list left without its `]`: the parser reads on to the next line's `name =` or `[table]`.
        "missing comma between array elements, expected `,`" if statement_starts(head, after) => {
            (msg!(TomlUnclosedList), msg!(TomlUnclosedListHint))
        }
        "missing comma between array elements, expected `,`" => {
            (msg!(TomlMissingListComma), msg!(TomlMissingListCommaHint, line = previous_value_line(head)))
        }
        // `{ sv = , en = "…" }` and `{ sv, en = "…" }`: a value or an = missing before the comma.
        "extra comma in inline table, expected value" => (msg!(TomlMissingValue), msg!(TomlMissingValueHint)),
        "extra comma in inline table, expected `=`" => (msg!(TomlMissingEquals), msg!(TomlMissingEqualsHint)),
        m if m.starts_with("extra comma in") => (msg!(TomlExtraComma), msg!(TomlExtraCommaHint)),
        m if m.starts_with("extra `=`") => (msg!(TomlExtraEquals), msg!(TomlExtraEqualsHint)),
        m if m.starts_with("unexpected `=` in array") => (msg!(TomlEqualsInList), msg!(TomlEqualsInListHint)),
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
            let part = match m.contains("-digit") {
                // "expected a two-digit month (MM)": the date may well exist.
                true => "digits",
                false => {
                    ["month", "day", "hour", "minute", "second"].into_iter().find(|p| m.contains(p)).unwrap_or("other")
                }
            };
            (msg!(TomlNoSuchDate, part = part), msg!(TomlDateHint))
        }
        m => return (msg!(TomlSyntax, detail = m), None),
    };
    (message, Some(hint))
}

/// Where the line of `text` that leaves a text in "quotes" open ends
/// (`open`, as [`super::slips::scan`] found it) when it is a text pasted
/// over two lines: the parser stumbles on the next line, and often says
/// something else.
pub fn text_over_lines(text: &str, open: Option<usize>) -> Option<usize> {
    let end = open?;
    // The next line goes on with words, not with a key, a [table] or nothing:
    // else the text only lacks its closing quote.
    let next = text[end..].trim_start_matches(['\r', '\n']).lines().next()?.trim();
    let statement = next.is_empty()
        || next.starts_with(['[', '#'])
        || next.split_once('=').is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
        });
    (!statement).then_some(end)
}

/// The text of `… = "Ja, en = "` (`Ja`): a line that ends where the parser
/// found a second key inside a text whose closing quote is missing.
fn unclosed_before_key(before: &str) -> Option<&str> {
    let head = before.strip_suffix('"')?.trim_end().strip_suffix('=')?.trim_end();
    let key_start = head.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '-').len();
    let comma = head[..key_start].trim_end().strip_suffix(',')?;
    let (_, text) = comma.rsplit_once('"')?;
    (key_start < head.len() && !text.is_empty()).then_some(text)
}

/// Whether the value that `head` (the file before it) leads to is one of a
/// list's: it follows a `[` or a `,` (comments between them aside).
fn in_list(head: &str) -> bool {
    let lines: Vec<&str> = head.split('\n').collect();
    let Some(at) = previous_line(&lines) else { return false };
    // The current line up to the value, or the line of the one before it.
    let line = match lines[lines.len() - 1].trim().is_empty() {
        true => lines[at],
        false => lines[lines.len() - 1],
    };
    without_comment(line).trim_end().ends_with(['[', ','])
}

/// The line (from 1) of the value before the place `head` ends at: the last
/// line of `head` with more than spaces or a comment.
fn previous_value_line(head: &str) -> usize {
    let lines: Vec<&str> = head.split('\n').collect();
    previous_line(&lines).map_or(lines.len(), |at| at + 1)
}

/// The index of the last of `lines` with more than spaces or a comment.
fn previous_line(lines: &[&str]) -> Option<usize> {
    lines.iter().rposition(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#')
    })
}

/// `line` up to a `#` outside quotes.
fn without_comment(line: &str) -> &str {
    let mut quote = None;
    for (at, c) in line.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) => return &line[..at],
            _ => {}
        }
    }
    line
}

/// Whether the place after `head`, with `after` on its line, starts a line
/// with a `name =` or a `[table]`: TOML goes on there, not a list.
fn statement_starts(head: &str, after: &str) -> bool {
    let line_start = head.rsplit('\n').next().is_some_and(|before| before.trim().is_empty());
    let after = after.trim();
    let table = after.starts_with('[') && after.chars().nth(1).is_some_and(|c| c.is_alphabetic() || c == '[');
    let key = after.split_once('=').is_some_and(|(key, _)| {
        let key = key.trim();
        !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    });
    line_start && (table || key)
}

/// `1990 2022`: numbers a space apart that are not one number written with
/// spaces between its thousands (`1 000`, `12 500,5`), as the list should
/// have them (`1990, 2022`; `1 200 1 350` is `1200, 1350`).
fn values_without_comma(text: &str) -> Option<String> {
    let numbers = numbers(text.split_whitespace());
    let written: Vec<String> = numbers.iter().map_while(|n| written_number(&n.join(" "))).collect();
    // Never `000` or `05` (TOML refuses a number that starts with 0).
    let valid = written.iter().all(|n| {
        let digits = n.trim_start_matches('-').as_bytes();
        digits.len() < 2 || digits[0] != b'0' || digits[1] == b'.'
    });
    (numbers.len() > 1 && written.len() == numbers.len() && valid).then(|| written.join(", "))
}

/// `parts` (text split at its spaces) as numbers, each its parts: a part
/// that goes on the number before it as its next thousands joins it
/// (`1 200 1 350`: `1 200` and `1 350`).
fn numbers<'a>(parts: impl Iterator<Item = &'a str>) -> Vec<Vec<&'a str>> {
    let mut numbers: Vec<Vec<&str>> = Vec::new();
    for part in parts {
        match numbers.last_mut() {
            Some(number) if thousands_group(number, part) => number.push(part),
            _ => numbers.push(vec![part]),
        }
    }
    numbers
}

/// Whether `part` goes on the number `number` (its parts so far) as its
/// next thousands: three digits (and decimals or % last), after a first
/// part of one to three digits (after a sign) and no decimals yet.
fn thousands_group(number: &[&str], part: &str) -> bool {
    let first = number[0].trim_start_matches(DASHES);
    let open = number.iter().all(|p| is_integer(p.trim_start_matches(DASHES)));
    let digits = part.split([',', '.', '%']).next().unwrap_or(part);
    open && (1..=3).contains(&first.len()) && digits.len() == 3 && is_integer(digits)
}

/// `text` as TOML writes a number, if it is one (`-61`, `12.5`) or one
/// written as a word processor does (`–61`, `12,5`).
fn written_number(text: &str) -> Option<String> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, decimals) = digits.split_once('.').unwrap_or((digits, "0"));
    match is_integer(whole) && is_integer(decimals) {
        true => Some(text.to_owned()),
        false => as_toml_number(text),
    }
}

/// Whether `text` is digits only.
fn is_integer(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A key written twice: which, and (when a line before starts with it) on
/// which line it was first written.
fn duplicate_key(key: &str, head: &str) -> Message {
    let bare = key.trim_matches(['"', '\'']);
    let written_before = head.lines().enumerate().filter(|(_, line)| {
        let line = line.trim_start();
        line.strip_prefix(key)
            .or_else(|| line.strip_prefix(bare))
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    match written_before.last() {
        Some((line, _)) if !bare.is_empty() => msg!(TomlDuplicateKeyAt, key = bare, line = line + 1),
        _ => msg!(TomlDuplicateKey),
    }
}

/// `28,` of `values = [28,`: the digits and comma that end `before`, if it
/// ends so (a decimal comma the parser took for the list's).
fn decimal_part(before: &str) -> Option<&str> {
    let digits = before.strip_suffix(',')?;
    let start = digits.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (start < digits.len()).then(|| &before[start..])
}

/// A number as a word processor writes it (`–61` with a dash or minus sign,
/// `1 000` with spaces between the thousands, `61 %`, `61,5`), as TOML
/// writes it (`-61`, `1000`, `61`, `61.5`); `None` for anything else.
fn as_toml_number(text: &str) -> Option<String> {
    let trimmed = text.trim_end_matches(|c: char| c == '%' || c.is_whitespace());
    // Spaces only after a sign (`– 61`) and between thousands (`5 6` is two numbers, not 56).
    let unsigned = trimmed.trim_start_matches(DASHES).trim_start();
    if numbers(unsigned.split_whitespace()).len() > 1 {
        return None;
    }
    let mut number: String = trimmed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            c if DASHES.contains(&c) => '-',
            ',' => '.',
            c => c,
        })
        .collect();
    let digits = number.strip_prefix('-').unwrap_or(&number);
    let plain = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !plain || number == text {
        return None;
    }
    if number.ends_with('.') {
        number.pop();
    }
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::MsgId;

    /// What goalsite says about `text`, which the parser refuses (as it
    /// reads it: with the whole file before the place and its line after).
    fn said(text: &str) -> (Message, Option<Message>) {
        let e = text.parse::<toml::Table>().unwrap_err();
        let span = e.span().unwrap();
        plain_at(e.message(), &text[span.clone()], text, span.start)
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
            ("values = [\n  286\n  290,\n]\n", MsgId::TomlMissingListComma),
            ("values = [{ value = 1 } { value = 2 }]\n", MsgId::TomlMissingListComma),
            ("years = [1990 2022]\n", MsgId::TomlMissingListComma),
            ("years = [1990,, 2022]\n", MsgId::TomlExtraComma),
            ("years = [, 2022]\n", MsgId::TomlExtraComma),
            ("t = { sv = \"a\",, en = \"b\" }\n", MsgId::TomlExtraComma),
            ("t = { sv = , en = \"b\" }\n", MsgId::TomlMissingValue),
            ("t = { sv, en = \"b\" }\n", MsgId::TomlMissingEquals),
            ("years = [1990, 2022\nchart = \"line\"\n", MsgId::TomlUnclosedList),
            ("years = [1990, 2022\n[sv]\n", MsgId::TomlUnclosedList),
            ("years = [1990, 2022\n\n[[series]]\n", MsgId::TomlUnclosedList),
            ("order = = 1\n", MsgId::TomlExtraEquals),
            ("order == 1\n", MsgId::TomlExtraEquals),
            ("years = [1990, year = 2022]\n", MsgId::TomlEqualsInList),
        ];
        for (text, id) in cases {
            let (plain, hint) = said(text);
            assert_eq!(plain.id, id, "{text:?}");
            assert!(hint.is_some(), "{text:?} has a hint");
        }
    }

    #[test]
    fn an_unquoted_word_gets_it_back_in_quotes() {
        let (_, hint) = said("status = delvis\n");
        assert_eq!(hint.unwrap().to_string(), "write it in straight quotes: \"delvis\"");
    }

    #[test]
    fn a_text_pasted_over_two_lines_is_found_and_texts_that_may_go_on_are_not() {
        let text_over_lines = |text: &str| text_over_lines(text, super::super::slips::scan(text).open_text);
        let over = "a = 1\nt = { sv = \"Första raden\nandra raden\", en = \"x\" }\n";
        assert_eq!(text_over_lines(over), Some(over.find("raden\n").unwrap() + "raden".len()));
        assert_eq!(text_over_lines("t = \"Umeå\nkommun\"\n"), Some("t = \"Umeå".len()));
        assert_eq!(text_over_lines("t = \"Umeå\r\nkommun\"\r\n"), Some("t = \"Umeå".len()), "before CR LF");
        let fine = [
            "t = \"\"\"\nEn \"rad\nTvå\n\"\"\"\n",
            "t = 'say \"hi'\nu = 1\n",
            "t = \"a \\\" b\" # \"\nu = 2\n",
            "t = \"ingen slutparentes\nu = 1\n",
            "t = \"ingen slutparentes\n[tabell]\n",
            "t = \"sist i filen",
            "names = [\n  ”Municipality's own”,\n  ”Region”,\n]\n",
        ];
        for text in fine {
            assert_eq!(text_over_lines(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_text_that_ran_on_into_the_next_key_is_named() {
        assert_eq!(unclosed_before_key("t = { sv = \"Program tillväxt, en = \""), Some("Program tillväxt"));
        assert_eq!(unclosed_before_key("t = { sv = \"Ja\", en = \""), None);
        assert_eq!(unclosed_before_key("t = \""), None);
    }

    #[test]
    fn a_number_written_as_in_a_word_processor_gets_it_as_toml_writes_it() {
        let cases = [
            ("value = –61\n", "-61"),
            ("value = −61\n", "-61"),
            ("value = 1 000\n", "1000"),
            ("value = 61%\n", "61"),
            ("values = [12, 61 %]\n", "61"),
        ];
        for (text, number) in cases {
            let (plain, hint) = said(text);
            assert_eq!(plain.id, MsgId::TomlWordNumber, "{text:?}");
            assert_eq!(hint.unwrap().to_string(), format!("write it like this: {number}"), "{text:?}");
        }
        // A decimal comma the parser took for the list's: one value, or two.
        let hint = said("values = [12, 28,6 %]\n").1.unwrap().to_string();
        assert_eq!(hint, "write 28.6 instead of 28,6 %, or 28, 6 if they are two values");
        for word in ["value = ett\n", "value = 6 dagar\n", "value = -\n", "value = 1.2.3 %\n"] {
            assert_eq!(said(word).0.id, MsgId::TomlUnquotedText, "{word:?}");
        }
    }

    #[test]
    fn a_missing_comma_in_a_list_names_the_line_of_the_value_before_it() {
        let hint = |text: &str| said(text).1.unwrap().to_string();
        let expected = "put a comma (,) after the value on line 3; the values of a list are separated by commas";
        assert_eq!(hint("a = 1\nvalues = [\n  286\n  290,\n]\n"), expected);
        assert_eq!(hint("a = 1\nvalues = [\n  286 # 2022\n\n  # 2023\n  290,\n]\n"), expected, "after a comment");
        // A value on the next line that looks like a name is still a value in a list.
        assert_eq!(said("values = [\n  \"a\"\n  \"b = c\",\n]\n").0.id, MsgId::TomlMissingListComma);
    }

    #[test]
    fn numbers_a_space_apart_are_two_values_unless_the_space_groups_thousands() {
        let said = |text: &str| {
            let (plain, hint) = said(text);
            (plain.id, hint.map(|h| h.to_string()).unwrap_or_default())
        };
        let two = |values: &str| (MsgId::TomlMissingListComma, format!("write {values}"));
        assert_eq!(said("years = [1990 2022]\n"), two("1990, 2022"));
        assert_eq!(said("years = [1990, 2022 2023]\n"), two("2022, 2023"));
        assert_eq!(said("values = [-5 6]\n"), two("-5, 6"));
        assert_eq!(said("values = [1 200 1 350]\n"), two("1200, 1350"), "thousands, then the next number");
        assert_eq!(said("values = [28,6 30,1]\n"), two("28.6, 30"), "a decimal comma, then the next number");
        assert_eq!(said("values = [1990, # första\n  2022 2023]\n"), two("2022, 2023"), "after a comment");
        let one = |number: &str| (MsgId::TomlWordNumber, format!("write it like this: {number}"));
        assert_eq!(said("values = [1 000, 2]\n"), one("1000"));
        assert_eq!(said("value = 12 500\n"), one("12500"));
        assert_eq!(said("value = 1 000 000\n"), one("1000000"));
        assert_eq!(said("values = [1 000%]\n"), one("1000"));
        assert_eq!(said("value = – 61\n"), one("-61"));
        assert_eq!(said("value = —1 000\n"), one("-1000"));
        // Never a part TOML refuses (`000`, `05`).
        assert_eq!(said("values = [1 000 000 2]\n"), two("1000000, 2"));
        assert_ne!(said("values = [5 05]\n").0, MsgId::TomlMissingListComma);
        // Two numbers outside a list: one value belongs there.
        let in_one = (MsgId::TomlTwoNumbers, "keep one of them, or write both as a list: [1990, 2022]".to_owned());
        assert_eq!(said("year = 1990 2022\n"), in_one);
        assert_eq!(said("values = [{ value = 1990 2022 }]\n"), in_one, "inside {{ }}");
        // Not numbers, or not all of them: a text.
        assert_eq!(said("value = 5 6 %\n").0, MsgId::TomlUnquotedText);
        assert_eq!(said("value = 6 dagar\n").0, MsgId::TomlUnquotedText);
    }

    #[test]
    fn anything_else_is_said_plainly_with_the_parsers_words_quoted() {
        let (plain, hint) = plain("something new the parser says", "x", "", "");
        assert_eq!(plain.id, MsgId::TomlSyntax);
        assert!(plain.to_string().contains("something new the parser says"));
        assert!(hint.is_none());
    }
}
