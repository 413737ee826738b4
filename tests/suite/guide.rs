//! The editor's guides list every message goalsite can show, as the
//! catalogue words it: the list in `docs/authoring.md` (Swedish) and
//! `docs/authoring.en.md` (English), between `<!-- messages -->` and
//! `<!-- /messages -->`, is made from `src/messages/*.ftl` and must equal
//! what the catalogue says now. `UPDATE_GUIDE=1 cargo test --test suite
//! guide` writes it anew after a message changed.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::common::repo;

const START: &str = "<!-- messages -->";
const END: &str = "<!-- /messages -->";

/// The guide of each catalogue: (catalogue, guide, the label of a hint).
const GUIDES: &[(&str, &str, &str)] = &[("sv", "docs/authoring.md", "Tips"), ("en", "docs/authoring.en.md", "Hint")];

/// A message with each placeholder shown as ‹its name›, in the catalogue's language.
fn shown(bundle: &FluentBundle<FluentResource>, id: &str, pattern: &Pattern<&str>) -> Option<String> {
    let mut names = Vec::new();
    variables(pattern, &mut names);
    let mut args = FluentArgs::new();
    for name in &names {
        args.set(name.clone(), format!("‹{name}›"));
    }
    let message = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(message, Some(&args), &mut errors).replace('\n', " "))
}

fn variables(pattern: &Pattern<&str>, names: &mut Vec<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, names);
        }
    }
}

fn expression_variables(e: &Expression<&str>, names: &mut Vec<String>) {
    let inline = |i: &InlineExpression<&str>, names: &mut Vec<String>| match i {
        InlineExpression::VariableReference { id } if !names.iter().any(|n| n == id.name) => {
            names.push(id.name.to_owned())
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, names),
        _ => {}
    };
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, names);
            for v in variants {
                variables(&v.value, names);
            }
        }
        Expression::Inline(i) => inline(i, names),
    }
}

/// `text` as Markdown code: between double backticks when it holds one.
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// The list of every message of the catalogue `lang`, by the catalogue's sections.
fn list(lang: &str, hint_label: &str) -> String {
    let ftl = std::fs::read_to_string(repo().join(format!("src/messages/{lang}.ftl"))).unwrap();
    let resource = fluent_syntax::parser::parse(ftl.as_str()).unwrap();
    let mut bundle = FluentBundle::new(vec![lang.parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(ftl.clone()).unwrap()).unwrap();
    let ids: Vec<&str> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name),
            _ => None,
        })
        .collect();
    let mut out = String::new();
    for entry in &resource.body {
        match entry {
            Entry::GroupComment(c) => out.push_str(&format!("\n#### {}\n\n", c.content.join(" "))),
            Entry::Message(m) if !m.id.name.ends_with("-hint") => {
                let Some(pattern) = &m.value else { continue };
                let text = shown(&bundle, m.id.name, pattern).unwrap();
                out.push_str(&format!("- {}\n", code(&text)));
                let hint_id = format!("{}-hint", m.id.name);
                if ids.contains(&hint_id.as_str()) {
                    let hint = resource.body.iter().find_map(|e| match e {
                        Entry::Message(h) if h.id.name == hint_id => h.value.as_ref(),
                        _ => None,
                    });
                    let hint = shown(&bundle, &hint_id, hint.unwrap()).unwrap();
                    out.push_str(&format!("  {hint_label}: {}\n", code(&hint)));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_guides_list_every_message_as_the_catalogue_words_it() {
    for (lang, guide, hint_label) in GUIDES {
        let path = repo().join(guide);
        let text = std::fs::read_to_string(&path).unwrap();
        let (Some(start), Some(end)) = (text.find(START), text.find(END)) else {
            panic!("{guide} has no {START} … {END}");
        };
        let now = format!("{START}\n{}\n{END}", list(lang, hint_label).trim_end());
        if std::env::var_os("UPDATE_GUIDE").is_some() {
            std::fs::write(&path, format!("{}{now}{}", &text[..start], &text[end + END.len()..])).unwrap();
            continue;
        }
        assert!(
            text[start..end + END.len()] == now,
            "{guide}'s list of messages is not the catalogue's: run UPDATE_GUIDE=1 cargo test --test suite guide, and read the diff"
        );
    }
}
