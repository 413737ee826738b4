//! The catalogues agree: every message in every language, with the same placeholders.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Each message of a catalogue with the placeholders it uses.
fn placeholders(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(ftl).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut names = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern(p, &mut names);
                }
                Some((m.id.name.to_owned(), names))
            }
            _ => None,
        })
        .collect()
}

fn pattern(p: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, names);
        }
    }
}

fn expr(e: &Expression<&str>, names: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, names);
            for v in variants {
                pattern(&v.value, names);
            }
        }
        Expression::Inline(i) => inline(i, names),
    }
}

fn inline(i: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expr(expression, names),
        _ => {}
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_placeholders() {
    let english = placeholders(CATALOGUES[0].1);
    for (lang, ftl) in &CATALOGUES[1..] {
        let other = placeholders(ftl);
        let only_en: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let only_other: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(only_en.is_empty(), "{} messages are in English only: {only_en:?}", only_en.len());
        assert!(only_other.is_empty(), "messages in {lang} only: {only_other:?}");
        for (id, names) in &english {
            assert_eq!(names, &other[id], "{id}: the placeholders differ between en and {lang}");
        }
    }
}

#[test]
fn every_id_the_code_knows_is_in_the_catalogue() {
    let english = placeholders(CATALOGUES[0].1);
    assert_eq!(MsgId::ALL.len(), english.len(), "the ids are made from en.ftl");
    for id in MsgId::ALL {
        assert!(english.contains_key(id.as_str()), "{}", id.as_str());
    }
}

#[test]
fn messages_are_filled_in_and_fall_back_to_english() {
    let m = msg!(YearNotSensible, year = 3024);
    assert_eq!(m.to_string(), "3024 is not a sensible year");
    assert_eq!(m.text(Lang::known("sv")), "3024 är inte ett rimligt år");
    assert_eq!(m.text(Lang::known("fi")), "3024 is not a sensible year", "no Finnish catalogue: English");
}

#[test]
fn a_message_survives_the_trip_through_a_serde_error() {
    let m = msg!(InvisibleCharacterEscaped, kind = "control", code = "0001");
    assert_eq!(Message::decode(&m.encode()), Some(m));
    assert_eq!(Message::decode("invalid type: string"), None);
}

#[test]
fn plural_forms_follow_the_language() {
    let one = msg!(Summary, errors = 1, warnings = 1, files = 1);
    assert_eq!(one.to_string(), "1 error, 1 warning in 1 file");
    assert_eq!(one.text(Lang::known("sv")), "1 fel, 1 varning i 1 fil");
}
