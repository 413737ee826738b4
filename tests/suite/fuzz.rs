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

/// Addresses built from the pieces attackers use to slip a script past a scheme check.
fn hostile_url() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "javascript",
        "JaVaScRiPt",
        "java",
        "script",
        "vbscript",
        "data",
        ":",
        "\t",
        "\n",
        "\r",
        " ",
        "\u{1}",
        "\u{0}",
        "https",
        "http",
        "mailto",
        "tel",
        "//",
        "/",
        "alert(1)",
        "&#58;",
        "%3A",
        "x",
        "\"",
        "<",
        ">",
        "?",
        "#",
        "@",
    ]);
    prop_oneof![prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat()), any::<String>()]
}

/// Raw HTML as the Markdown parser hands it over: lines of comments, tags
/// and text (a block's HTML comes one line, with its line break, at a time).
fn html_pieces() -> impl Strategy<Value = Vec<String>> {
    let pieces = prop::sample::select(vec![
        "<!--",
        "-->",
        "-",
        ">",
        "<",
        "<script>",
        "</script>",
        "<b>",
        " ",
        "\n",
        "x",
        "<!---->",
        "<!-- ok -->",
        "<!-->",
        "<!--->",
        "--!>",
        "!",
    ]);
    prop::collection::vec(prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat() + "\n"), 1..4)
}

/// `text` with every comment removed as a browser ends them (at `-->` or
/// `--!>`, or at once for `<!-->` and `<!--->`), an unclosed one cut off.
fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let inside = &rest[start + 4..];
        if let Some(after) = inside.strip_prefix('>').or_else(|| inside.strip_prefix("->")) {
            rest = after;
            continue;
        }
        let end = [inside.find("-->").map(|i| i + 3), inside.find("--!>").map(|i| i + 4)].into_iter().flatten().min();
        match end {
            Some(end) => rest = &inside[end..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn an_accepted_link_always_has_a_safe_scheme(url in hostile_url()) {
        if goalsite::harness::check_link(&url).is_ok() {
            let scheme = goalsite::harness::scheme(&url);
            prop_assert!(matches!(scheme.as_deref(), Some("https" | "http" | "mailto" | "tel")), "{url:?} → {scheme:?}");
            prop_assert!(!url.chars().any(|c| c.is_whitespace() || c.is_control()), "{url:?}");
        }
    }

    #[test]
    fn html_that_is_said_to_be_only_comments_is_only_comments(pieces in html_pieces()) {
        let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let markup = goalsite::harness::raw_html_markup(&refs);
        let joined = pieces.concat();
        if !markup.iter().any(|m| *m) {
            prop_assert!(without_comments(&joined).trim().is_empty(), "{joined:?} hides markup");
        }
    }

    #[test]
    fn a_csv_text_cell_never_starts_a_formula(text in any::<String>()) {
        let cell = goalsite::harness::csv_text_cell(&text);
        let unquoted = cell.strip_prefix('"').unwrap_or(&cell);
        prop_assert!(!unquoted.starts_with(['=', '+', '-', '@', '\t', '\r']), "{text:?} → {cell:?}");
    }
}
