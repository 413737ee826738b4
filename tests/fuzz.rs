//! Property tests over the loaders: whatever bytes an editor's file holds,
//! parsing and Markdown rendering return a value or diagnostics, never panic,
//! and every diagnostic points inside the file.

use std::collections::HashSet;
use std::path::Path;

use proptest::prelude::*;

use goalsite::diagnostics::Diagnostic;
use goalsite::markdown::{self, Rules, Typography};
use goalsite::model::{Content, IndicatorFile, ProgrammeFile, SourceFile};
use goalsite::routes::Routes;
use goalsite::toml_doc;

/// Text that looks like TOML and Markdown often enough to reach deep paths.
fn editor_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "title",
        " = ",
        "\"",
        "{",
        "}",
        "[",
        "]",
        "[[goal]]",
        "[[series]]",
        "sv",
        "en",
        ",",
        "\n",
        "#",
        "##",
        "@/",
        "(",
        ")",
        "years",
        "values",
        "-",
        "1.5",
        "2024",
        "å",
        "ö",
        "\u{feff}",
        "+++",
        "[^1]",
        "|",
        "---",
        "<b>",
        "`",
        "*",
        "\r\n",
        "\t",
        "'",
        "\\",
        "id",
        "status",
        "@/_index.md",
        "#x",
        "[a](",
        "{#",
        "![",
    ]);
    prop_oneof![prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat()), any::<String>(),]
}

fn position_is_inside(d: &Diagnostic, text: &str) -> bool {
    match &d.location {
        None => true,
        Some(loc) => loc.line >= 1 && loc.line <= text.lines().count().max(1) + 1 && loc.column >= 1,
    }
}

fn typography() -> Typography {
    Typography {
        quotes: ('”', '”'),
        single_quotes: ('’', '’'),
        footnotes_heading: "Fotnoter".into(),
        back_to_text: "Tillbaka".into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn toml_loaders_never_panic(text in editor_text()) {
        let path = Path::new("content/p/programme.toml");
        if let Err(d) = toml_doc::parse::<ProgrammeFile>(path, &text) {
            prop_assert!(position_is_inside(&d, &text), "{d}");
        }
        if let Err(d) = toml_doc::parse::<IndicatorFile>(path, &text) {
            prop_assert!(position_is_inside(&d, &text), "{d}");
        }
    }

    #[test]
    fn markdown_with_front_matter_never_panics(text in editor_text()) {
        let _ = goalsite::load::split_front_matter(&text);
        let langs = vec!["sv".to_string(), "en".to_string()];
        let (routes, _) = Routes::new(&Content::default(), &langs, "https://example.org/", None);
        let file = SourceFile { path: "content/a.sv.md".into(), text: text.clone().into() };
        let doc = markdown::Doc { file: &file, body_offset: 0, lang: "sv" };
        let mut problems = Vec::new();
        let html = markdown::render(doc, &routes, &typography(), Rules::default(), &HashSet::new(), &mut problems);
        for link in &html.links.fragments {
            prop_assert!(link.span.end <= text.len(), "a link's position is inside the file");
        }
        for d in &problems {
            prop_assert!(position_is_inside(d, &text), "{d}");
        }
    }
}
