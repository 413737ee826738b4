//! Property tests over the loaders: whatever bytes an editor's file holds,
//! parsing and Markdown rendering return a value or diagnostics, never panic,
//! and every diagnostic points inside the file.

use proptest::prelude::*;

use goalsite::Diagnostic;

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
    match d.location() {
        None => true,
        Some(loc) => loc.line >= 1 && loc.line <= text.lines().count().max(1) + 1 && loc.column >= 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn toml_loaders_never_panic(text in editor_text()) {
        for d in goalsite::harness::toml_files(&text) {
            prop_assert!(position_is_inside(&d, &text), "{d}");
        }
    }

    #[test]
    fn markdown_with_front_matter_never_panics(text in editor_text()) {
        let (links, problems) = goalsite::harness::markdown_file(&text);
        for span in &links {
            prop_assert!(span.end <= text.len(), "a link's position is inside the file");
        }
        for d in &problems {
            prop_assert!(position_is_inside(d, &text), "{d}");
        }
    }
}
