//! The slips' scanner and mending, on small texts.

use super::colon::as_toml_value;
use super::*;

/// Every slip in `text`, in order.
fn find(text: &str) -> Vec<Slip> {
    scan(text).slips
}

fn kinds(text: &str) -> Vec<(String, SlipKind)> {
    find(text).into_iter().map(|s| (text[s.span.clone()].to_owned(), s.kind)).collect()
}

#[test]
fn typographic_quotes_around_a_text_are_one_slip_at_the_opening_quote() {
    let text = "motivation = { sv = ”Bra.”, en = \"Good.\" }\n";
    let slips = kinds(text);
    assert_eq!(
        slips,
        [("”".into(), SlipKind::Quotes { open: Some('”'), close: Some('”'), close_at: Some(27), text: "Bra.".into() })]
    );
    let mended = mended(text, &find(text));
    assert_eq!(mended.len(), text.len());
    assert!(mended.parse::<toml::Table>().is_ok(), "{mended}");
}

#[test]
fn a_straight_text_closed_by_a_typographic_quote_is_a_slip_at_that_quote() {
    let text = "motivation = { sv = \"Bra.”, en = \"Good.\" }\n";
    let slips = find(text);
    assert_eq!(slips.len(), 1, "{slips:?}");
    assert_eq!(&text[slips[0].span.clone()], "”");
    assert!(matches!(&slips[0].kind, SlipKind::Quotes { open: None, close: Some('”'), text, .. } if text == "Bra."));
    assert!(mended(text, &slips).parse::<toml::Table>().is_ok());
}

#[test]
fn typographic_quotes_inside_a_straight_text_are_no_slip() {
    assert_eq!(find("a = \"Det var ”bra” och «fint».\"\nb = 'it’s'\n"), []);
    assert_eq!(find("a = \"\"\"\n”rader”\n\"\"\"\n"), []);
    assert_eq!(find("# ”kommentar”\na = 1\n"), []);
}

#[test]
fn swedish_letters_and_spaces_in_names_are_slips_with_the_id_a_check_suggests() {
    let slips = kinds("[kompetensförsörjning]\nstatus = \"ja\"\n[universiteten nya]\n");
    assert_eq!(slips.len(), 2, "{slips:?}");
    assert_eq!(slips[0].0, "kompetensförsörjning");
    assert_eq!(slips[0].1.suggestion().as_deref(), Some("kompetensforsorjning"));
    assert_eq!(slips[1].0, "universiteten nya");
    assert_eq!(slips[1].1.suggestion().as_deref(), Some("universiteten-nya"));
    let s = find("källa = \"x\"\n");
    assert!(matches!(&s[0].kind, SlipKind::Name { header: false, .. }));
}

#[test]
fn names_toml_allows_are_no_slip() {
    let ok = "[[goal]]\nid = \"a\"\n[\"kö\"]\nx.y = 1\nno_goals_note = { sv = \"a\", en = \"b\" }\n";
    assert_eq!(find(ok), []);
    // Values on lines of their own are not names.
    assert_eq!(find("values = [\n  286,\n  { value = 1, note = \"ö\" },\n]\n"), []);
}

#[test]
fn a_non_breaking_space_is_a_slip_where_toml_reads_spaces() {
    let text = "status\u{a0}= \"nej\"\nnote = \"a\u{a0}b\"\n";
    let slips = find(text);
    assert_eq!(slips, [Slip { span: 6..8, kind: SlipKind::Space('\u{a0}') }]);
    assert!(mended(text, &slips).parse::<toml::Table>().is_ok());
}

#[test]
fn a_line_written_as_yaml_writes_it_is_a_slip_mended_as_long() {
    let text = "title: Om uppföljningen, del 2\norder: 1\ndraft : true\nx: å\nnote: Mål #1\n";
    let names: Vec<_> =
        find(text).iter().map(|s| colon_pair(&text[s.span.clone()]).map(|(name, _)| name.to_owned())).collect();
    assert_eq!(names, ["title", "order", "draft", "x", "note"].map(|n| Some(n.to_owned())));
    let fixed = mended(text, &find(text));
    assert_eq!(fixed.len(), text.len());
    let table: toml::Table = fixed.parse().unwrap();
    assert_eq!(table["order"].as_integer(), Some(1));
    assert_eq!(table["draft"].as_bool(), Some(true));
    assert!(table["title"].is_str());
    assert!(table["note"].is_str(), "the # is the text's");
    assert_eq!(find(text)[0].span, 0.."title: Om uppföljningen, del 2".len(), "the whole line");
    assert_eq!(colon_pair("en:"), Some(("en", "")), "no value: the colon slip of `en: \"…\"`");
    assert_eq!(mended("en: \"x\"\n", &find("en: \"x\"\n")), "en= \"x\"\n");
    assert_eq!(colon_pair("Mål 1: text"), None, "not a name");
    // A non-breaking space at the colon is the line's, mended with it.
    for text in ["title:\u{a0}Om oss\n", "title\u{a0}: Om oss\n", "order:\u{a0}1\n"] {
        let slips = find(text);
        assert_eq!(slips.len(), 1, "{text:?}: {slips:?}");
        let fixed = mended(text, &slips);
        assert_eq!(fixed.len(), text.len());
        assert!(fixed.parse::<toml::Table>().is_ok(), "{text:?} mended: {fixed:?}");
    }
}

#[test]
fn a_value_is_quoted_only_where_toml_does_not_read_it_as_written() {
    assert_eq!(as_toml_value("Om uppföljningen"), "\"Om uppföljningen\"");
    assert_eq!(as_toml_value("Säg \"hej\""), "\"Säg \\\"hej\\\"\"");
    for value in ["1", "-2.5", "true", "2026-04-15", "\"Om\"", "[1, 2]"] {
        assert_eq!(as_toml_value(value), value);
    }
}
