//! Markdown rendering: ids, footnotes, links, quotes and what is reported.

use std::sync::Arc;

use super::*;
use crate::locale::Lang;
use crate::messages::MsgId;
use crate::model::{Language, Site};
use crate::source::Source;

/// The routes of a site without content.
fn routes(langs: &[&str], base_url: &str) -> Routes {
    let mut site = Site::default();
    site.settings.languages = langs.iter().map(|l| Language { code: Lang::known(l), name: l.to_string() }).collect();
    site.settings.base_url = base_url.into();
    Routes::new(&site, None, &mut crate::diagnostics::Problems::new())
}

fn doc(path: &str, lang: &str, text: &str) -> Doc {
    Doc::new(Lang::known(lang), Arc::new(Source::new(path, text)), 0, Default::default())
}

fn typo() -> Typography {
    Typography {
        quotes: ('”', '”'),
        single_quotes: ('’', '’'),
        footnotes_heading: "Fotnoter".into(),
        back_to_text: "Tillbaka till texten".into(),
    }
}

fn render_md(md: &str) -> (Html, Vec<Diagnostic>) {
    let doc = doc("content/a.sv.md", "sv", md);
    let routes = routes(&["sv", "en"], "https://x.se/sub/");
    let mut problems = Vec::new();
    let html = render(&doc, &routes, &typo(), &Rules::default(), &HashSet::new(), &mut problems);
    (html, problems)
}

#[test]
fn headings_get_unique_ids() {
    let (h, _) = render_md("## Mål och utfall\n\n## Mål och utfall\n");
    assert!(h.html.contains("<h2 id=\"mal-och-utfall\">Mål och utfall</h2>"), "{}", h.html);
    assert!(h.html.contains("<h2 id=\"mal-och-utfall-2\">"), "{}", h.html);
}

#[test]
fn links_to_nothing_and_to_text_files_are_errors_with_the_page_to_link_to() {
    let md =
        "[a](rapport.md) [b](../om.en.md#syfte) [c]() [d](mailto:) [e](https://) [f](mailto:x@y.se) [g](/om.sv.md)\n";
    let doc = doc("content/tillvaxt/_index.sv.md", "sv", md);
    let mut problems = Vec::new();
    render(&doc, &routes(&["sv", "en"], "https://x.se/"), &typo(), &Rules::default(), &HashSet::new(), &mut problems);
    let found: Vec<(MsgId, usize, String)> = problems
        .iter()
        .map(|d| {
            (d.message.id, d.location().unwrap().column, d.hint.as_ref().map(|h| h.to_string()).unwrap_or_default())
        })
        .collect();
    let write = |key: &str| format!("write @/ and the file's path under content/, like @/{key}");
    let empty =
        "write the address in the brackets, like [text](@/path/from/content.md) or [text](https://www.example.org/)";
    assert_eq!(
        found,
        [
            (MsgId::LinkToSourceFile, 1, write("tillvaxt/rapport.md")),
            (MsgId::LinkToSourceFile, 17, write("om.md#syfte")),
            (MsgId::LinkEmpty, 40, empty.to_owned()),
            (MsgId::LinkEmpty, 46, empty.to_owned()),
            (MsgId::LinkEmpty, 59, empty.to_owned()),
            (MsgId::LinkToSourceFile, 92, write("om.md")),
        ]
    );
    assert!(problems.iter().all(Diagnostic::is_error));
}

#[test]
fn publishing_problems_are_found() {
    let (_, p) = render_md("## A\n\n#### B\n\n![](bild.png) [](https://x.se) <b>x</b> <!-- ok -->\n");
    let messages: Vec<(String, bool)> = p.iter().map(|d| (d.message.to_string(), d.is_error())).collect();
    let messages: Vec<(&str, bool)> = messages.iter().map(|(m, e)| (m.as_str(), *e)).collect();
    assert_eq!(
        messages,
        [
            ("the heading jumps from level 2 to level 4", false),
            ("the link `bild.png` is not adjusted to the site's address", false),
            ("the image has no alternative text", true),
            ("the link has no text, so screen readers cannot say where it leads", true),
            ("raw HTML in Markdown is published as it is, unchecked", false),
        ]
    );
}

#[test]
fn unsafe_ids_and_script_links_are_refused() {
    let (h, p) = render_md("## Intro {#x\"onmouseover=\"alert(1)}\n\n[a](javascript:alert(1))\n");
    assert!(!h.html.contains("onmouseover=\""), "{}", h.html);
    let errors: Vec<String> = p.iter().filter(|d| d.is_error()).map(|d| d.message.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("the heading id"));
    assert_eq!(errors[1], "a link that runs code (javascript:) is not allowed");
}

#[test]
fn footnote_ids_are_unique_and_work_anywhere() {
    let (h, _) = render_md("## Rubrik[^a b]\n\nText[^a-b] och [^a b].\n\n[^a b]: Ett.\n\n[^a-b]: Två.\n");
    assert!(h.html.contains("<li id=\"fn-a-b\">"), "{}", h.html);
    assert!(h.html.contains("<li id=\"fn-a-b-2\">"), "two labels with the same slug: {}", h.html);
    assert!(h.html.contains("<h2 id=\"rubrik\">Rubrik<sup class=\"footnote-ref\"><a href=\"#fn-a-b\""), "{}", h.html);
    let ids: Vec<&str> = h.html.split(" id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "ids are unique: {ids:?}");
}

#[test]
fn headings_keep_their_natural_ids_beside_the_themes() {
    let doc = doc("content/a.en.md", "en", "## Method\n\n## Goals\n\n## gs-main\n\nX[^1]\n\n[^1]: Y\n");
    let routes = routes(&["en"], "https://x.se/");
    let reserved: HashSet<String> = ["gs-method".to_string(), "gs-goals".to_string(), "gs-main".to_string()].into();
    let h = render(&doc, &routes, &typo(), &Rules::default(), &reserved, &mut Vec::new());
    assert!(h.html.contains("<h2 id=\"method\">"), "{}", h.html);
    assert!(h.html.contains("<h2 id=\"goals\">"), "{}", h.html);
    assert!(h.html.contains("<h2 id=\"h-gs-main\">"), "the theme's prefix is never the text's: {}", h.html);
}

#[test]
fn code_is_published_exactly_as_written() {
    let md =
        "Hon sa “hej” {report_year}.\n\n```\nlet s = “hi”; // {report_year}\n```\n\n    “indented”\n\n`“inline”`\n";
    let rules = Rules { report_year: "2025".into(), ..Rules::default() };
    let doc = doc("content/a.sv.md", "sv", md);
    let mut problems = Vec::new();
    let h = render(&doc, &routes(&["sv"], "https://x.se/"), &typo(), &rules, &HashSet::new(), &mut problems);
    assert!(h.html.contains("<p>Hon sa ”hej” 2025.</p>"), "text gets the language's quotes and the year: {}", h.html);
    assert!(h.html.contains("let s = “hi”; // {report_year}"), "a fenced block is untouched: {}", h.html);
    assert!(h.html.contains("“indented”"), "an indented block is untouched: {}", h.html);
    assert!(h.html.contains("<code>“inline”</code>"), "inline code is untouched: {}", h.html);
    let warned: Vec<_> = problems.iter().map(|d| (d.message.id, d.location().unwrap().line, d.is_error())).collect();
    assert_eq!(warned, [(MsgId::IndentedCode, 7, false)], "the indented block is said to be code");
}

#[test]
fn a_paragraph_indented_as_in_a_word_processor_is_said_to_become_code() {
    for indent in ["\t", "    "] {
        let (h, problems) = render_md(&format!("Först.\n\n{indent}Sedan {{report_year}}.\n"));
        assert!(h.html.contains("<pre><code>Sedan {report_year}."), "{}", h.html);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let loc = problems[0].location().unwrap();
        assert_eq!(
            (loc.line, loc.column, problems[0].is_error()),
            (3, 1, false),
            "{indent:?}: at the indent, a warning"
        );
        assert_eq!(problems[0].hint.as_ref().map(|h| h.id), Some(MsgId::IndentedCodeHint));
    }
}

#[test]
fn what_goalsite_drops_it_says() {
    let md = "## Rubrik {#egen .stor data-x=1}\n\nText.\n\n[^oanvand]: Ingen hänvisar hit.\n";
    let (h, problems) = render_md(md);
    assert!(h.html.contains("<h2 id=\"egen\">Rubrik</h2>"), "the id is kept: {}", h.html);
    let found: Vec<(usize, String, bool)> =
        problems.iter().map(|d| (d.location().unwrap().line, d.message.to_string(), d.is_error())).collect();
    let found: Vec<(usize, &str, bool)> = found.iter().map(|(l, m, e)| (*l, m.as_str(), *e)).collect();
    assert_eq!(
        found,
        [
            (1, "the heading's classes and attributes are not published", false),
            (5, "the footnote [^oanvand] is never referred to, so it is not published", false),
        ]
    );
    assert!(!h.html.contains("Ingen hänvisar"));
}

#[test]
fn a_footnote_inside_a_block_quote_leaves_no_empty_quote() {
    let (h, problems) = render_md("Text[^1].\n\n> [^1]: Noten.\n");
    assert!(!h.html.contains("<blockquote>"), "{}", h.html);
    assert!(h.html.contains("<li id=\"fn-1\"><p>Noten."), "{}", h.html);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn comments_are_fine_but_markup_hidden_between_comments_is_raw_html() {
    let (_, problems) = render_md("<!-- Foo\n\nbar -->\n\nText.\n");
    assert!(problems.is_empty(), "a multi-line comment is only a comment: {problems:?}");
    for bypass in [
        "<!-- a --><script>alert(1)</script><!-- b -->\n",
        "<!-- a -->\n<img src=x onerror=alert(1)>\n<!-- b -->\n",
        "Text <!-- a --><b onclick=x>y</b><!-- b --> text.\n",
    ] {
        let (_, problems) = render_md(bypass);
        assert!(
            problems.iter().any(|d| d.message.to_string().starts_with("raw HTML")),
            "{bypass:?} is raw HTML: {problems:?}"
        );
    }
}

#[test]
fn fragments_are_collected_for_checking() {
    let (h, _) = render_md("[a](#x) [b](@/_index.md#y)");
    let f: Vec<(bool, &str)> = h.links.fragments.iter().map(|f| (f.target.is_some(), f.fragment.as_str())).collect();
    assert_eq!(f, [(false, "x"), (true, "y")]);
}

#[test]
fn table_alignment_uses_classes_not_styles() {
    let (h, _) = render_md("| a | b |\n|---|--:|\n| 1 | 2 |\n");
    assert!(h.html.contains("<td class=\"align-right\">2</td>"), "{}", h.html);
    assert!(!h.html.contains("style="), "{}", h.html);
}

#[test]
fn swedish_quotes_are_used() {
    let (h, _) = render_md("Hon sa \"hej\" och 'då'.");
    assert!(h.html.contains("”hej”"), "{}", h.html);
    assert!(h.html.contains("’då’"), "{}", h.html);
}

#[test]
fn footnotes_have_numbers_and_back_links() {
    let (h, _) = render_md("Text[^a].\n\n[^a]: Källa.\n");
    assert!(h.html.contains("<a href=\"#fn-a\" id=\"fnref-a\">1</a>"), "{}", h.html);
    assert!(h.html.contains("<li id=\"fn-a\"><p>Källa. <a href=\"#fnref-a\" class=\"footnote-back\">"), "{}", h.html);
}

#[test]
fn home_link_resolves_and_broken_link_is_reported_with_position() {
    let (h, problems) = render_md("[Hem](@/_index.md)\n\nSe [x](@/finns-inte.md).");
    assert!(h.html.contains("href=\"/sub/sv/\""), "{}", h.html);
    assert_eq!(problems.len(), 1);
    let loc = problems[0].location().unwrap();
    assert_eq!((loc.line, loc.column), (3, 4));
}

#[test]
fn a_typical_page_renders_as_reviewed() {
    let md = "## Läget i år\n\nUtsläppen \"minskar\" men inte *tillräckligt*.[^1] Se [programmet](@/_index.md) och \
              [källan](https://example.org/rapport).\n\n### Tabell\n\n| År | Värde |\n|---|--:|\n| 2023 | 1 |\n\n\
              - en punkt\n- en till\n\n> Ett citat.\n\n[^1]: Enligt rapporten.\n";
    let (h, problems) = render_md(md);
    assert!(problems.is_empty(), "{problems:?}");
    insta::assert_snapshot!(h.html);
}

#[test]
fn a_nested_text_gets_prefixed_ids_lower_headings_and_absolute_links() {
    let md = "## Mål\n\nSe [målet](#mal) och [programmet](@/a.md).[^1]\n\n[^1]: Källan.\n";
    let nesting = Nesting { id_prefix: "p1-".into(), heading_shift: 1, absolute_links: true, for_print: true };
    let rules = Rules { nesting, ..Rules::default() };
    let doc = doc("content/a.sv.md", "sv", md);
    let mut problems = Vec::new();
    let mut site = Site::default();
    site.settings.languages = vec![Language { code: Lang::known("sv"), name: "sv".into() }];
    site.settings.base_url = "https://x.se/sub/".into();
    site.pages
        .push(crate::model::Page { key: "a.md".into(), docs: [(Lang::known("sv"), Box::new(doc.clone()))].into() });
    let routes = Routes::new(&site, None, &mut crate::diagnostics::Problems::new());
    let h = render(&doc, &routes, &typo(), &rules, &HashSet::new(), &mut problems);
    assert!(h.html.contains("<h3 id=\"p1-mal\">Mål</h3>"), "{}", h.html);
    assert!(h.html.contains("href=\"#p1-mal\""), "the text's own anchors follow: {}", h.html);
    assert!(h.html.contains("href=\"https://x.se/sub/sv/a/\""), "{}", h.html);
    assert!(h.html.contains("<a href=\"#p1-fn-1\" id=\"p1-fnref-1\">1</a>"), "{}", h.html);
    assert!(h.html.contains("<h3 id=\"p1-footnotes\">Fotnoter</h3>"), "{}", h.html);
    assert!(h.html.contains("<li id=\"p1-fn-1\">"), "{}", h.html);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn the_year_placeholder_at_a_heading_s_end_is_the_year() {
    let rules = Rules { report_year: "2024".into(), ..Rules::default() };
    let doc = doc("content/a.sv.md", "sv", "## Utvecklingen {report_year}\n\nText.\n");
    let mut problems = Vec::new();
    let h = render(&doc, &routes(&["sv"], "https://x.se/"), &typo(), &rules, &HashSet::new(), &mut problems);
    let html = crate::text::unhyphenate(&h.html);
    assert!(html.contains("<h2 id=\"utvecklingen-2024\">Utvecklingen 2024</h2>"), "{html}");
    assert!(problems.is_empty(), "not an attribute block: {problems:?}");
}

#[test]
fn the_year_after_a_dash_at_a_heading_s_end_follows_it_without_a_space() {
    let rules = Rules { report_year: "2025".into(), ..Rules::default() };
    let md = "## Net emissions, 2000–{report_year}\n\n## Net, 2000-{report_year}\n\n## Net {report_year}\n";
    let doc = doc("content/a.en.md", "en", md);
    let mut problems = Vec::new();
    let h = render(&doc, &routes(&["en"], "https://x.se/"), &typo(), &rules, &HashSet::new(), &mut problems);
    let html = crate::text::unhyphenate(&h.html);
    assert!(html.contains(">Net emissions, 2000–2025</h2>"), "{html}");
    assert!(html.contains(">Net, 2000-2025</h2>") && html.contains(">Net 2025</h2>"), "{html}");
}

#[test]
fn long_words_in_headings_and_table_cells_get_soft_hyphens_but_ids_do_not() {
    let md = "## Kommunkoncernens utsläpp\n\n| Kommunorganisationen | År |\n|---|---|\n| miljökonsekvensbeskrivning | 2019 |\n\nKommunkoncernens text.\n";
    let (h, problems) = render_md(md);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        h.html.contains("<h2 id=\"kommunkoncernens-utslapp\">Kom\u{ad}munkon\u{ad}cer\u{ad}nens utsläpp</h2>"),
        "{}",
        h.html
    );
    assert!(h.html.contains("<th>Kom\u{ad}mun"), "{}", h.html);
    assert!(h.html.contains("<td>mil\u{ad}jö"), "{}", h.html);
    assert!(h.html.contains("<p>Kommunkoncernens text.</p>"), "running text is left to the browser: {}", h.html);
}

#[test]
fn a_table_in_the_text_scrolls_in_a_box_of_its_own_named_by_its_headers() {
    let (h, _) = render_md("| Organ | Beslutar om |\n|---|---|\n| Fullmäktige | budgeten |\n");
    assert!(
        h.html.starts_with(
            "<div class=\"table-scroll\" role=\"region\" aria-label=\"Organ, Beslutar om\" tabindex=\"0\">\n<table>"
        ),
        "{}",
        h.html
    );
    assert!(h.html.trim_end().ends_with("</table>\n</div>"), "{}", h.html);
}
