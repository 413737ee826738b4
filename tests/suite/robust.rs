//! Hostile and huge input: every check stays linear and its output bounded,
//! URLs from data are safe, files cannot escape where they belong, and a
//! killed build leaves nothing that piles up.

use std::fs;

use crate::common::{run, Fixture};

#[test]
fn ten_thousand_broken_anchors_are_reported_in_a_few_lines() {
    let f = Fixture::new();
    let mut page = String::from("+++\ntitle = \"Om\"\n+++\n## Bakgrund\n\n");
    for i in 0..10_000 {
        page.push_str(&format!("Text om målen och hur det går för dem i år, stycke {i}. [länk](#saknas-{i})\n\n"));
    }
    f.write("content/om.sv.md", &page);
    let (code, stdout, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert_eq!(stdout.trim(), "10000 errors, 0 warnings in 1 file", "every problem is counted");
    assert!(stderr.contains("content/om.sv.md:6:55: the anchor #saknas-0 does not exist"), "{}", &stderr[..500]);
    assert!(stderr.contains("… and 9995 more like this in this file"), "{stderr}");
    assert!(stderr.len() < 5_000, "the output stays short: {} bytes", stderr.len());
}

#[test]
fn fifty_thousand_bad_years_on_one_line_print_a_window_and_a_count() {
    let f = Fixture::new();
    let years: Vec<String> = (0..50_000).map(|i| (3000 + i % 1000).to_string()).collect();
    f.write(
        "content/tillvaxt/indicators/utslapp.toml",
        &format!(
            "title = \"x\"\nsource = \"x\"\nyears = [{}]\n\n[[series]]\nname = \"x\"\nvalues = [1]\n",
            years.join(", ")
        ),
    );
    let (code, stdout, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("50002 errors"), "the years, their order and the series length: {stdout}");
    assert!(stderr.contains("3 | years = [3000, 3001,"), "{}", &stderr[..600]);
    assert!(stderr.contains("… and 49995 more like this in this file"), "{stderr}");
    assert!(stderr.len() < 10_000, "{} bytes of output for a 350 KB line", stderr.len());
}

#[test]
fn a_file_over_the_documented_size_is_refused_unread_without_knock_on_errors() {
    let f = Fixture::new();
    let big = "Text.\n".repeat(1_000_000);
    f.write("content/om.sv.md", &format!("+++\ntitle = \"Om\"\n+++\n{big}"));
    let (code, stdout, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/om.sv.md: the file is 6.0 MB; goalsite reads files of up to 5 MB"),
        "{stderr}"
    );
    assert_eq!(stdout.trim(), "1 error, 0 warnings in 1 file", "no 'translation missing' or broken links: {stderr}");
}

#[test]
fn a_syntax_error_comes_first_and_links_to_the_file_are_not_reported_again() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "title = {", "title = {{");
    f.edit("content/om.sv.md", "Text[^1].", "Se [utsläppen](@/tillvaxt/indicators/utslapp.toml). Text[^1].");
    // A chart placed in the text, of the file that does not parse: not also an image without a text.
    f.edit("content/tillvaxt/_index.sv.md", "## Läget\n", "## Läget\n\n![](@/tillvaxt/indicators/utslapp.toml)\n");
    let (code, stdout, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("error: content/tillvaxt/indicators/utslapp.toml:1:"), "{stderr}");
    assert!(!stderr.contains("leads nowhere") && !stderr.contains("there is no indicator"), "{stderr}");
    assert_eq!(stdout.trim(), "1 error, 0 warnings in 1 file");
}

#[test]
fn url_fields_accept_only_safe_schemes() {
    for (field, at) in [
        (
            "website = \"javascript:alert(document.domain)\"",
            "website `javascript:` addresses cannot be published as links",
        ),
        ("website = \" JaVa\\tScRiPt:alert(1)\"", "website `javascript:` addresses cannot be published as links"),
        ("website = \"data:text/html,x\"", "website `data:` addresses cannot be published as links"),
        ("website = \"umea.se\"", "website is not a full address"),
        ("email = \"x@y.se\\\" onmouseover=\\\"alert(1)\"", "is not an e-mail address"),
    ] {
        let f = Fixture::new();
        f.edit("site.toml", "[footer]\n", &format!("[footer]\n{field}\n"));
        let (code, _, stderr) = f.check(&[]);
        assert_eq!(code, 1, "{field}: {stderr}");
        assert!(stderr.contains("error: site.toml:37:"), "{field}: {stderr}");
        assert!(stderr.contains(at), "{field}: {stderr}");
    }
    let f = Fixture::new();
    f.edit("site.toml", "[footer]\n", "[footer]\nwebsite = \"https://example.org/\"\nemail = \"info@example.org\"\n");
    assert_eq!(f.build().0, 0);
    assert!(f.read("sv/index.html").contains("<a href=\"https://example.org/\">Testkommunen</a>"));
}

#[test]
fn links_in_markdown_with_other_schemes_are_refused() {
    let f = Fixture::new();
    f.edit(
        "content/om.sv.md",
        "Text[^1].",
        "[a](JAVASCRIPT:alert(1)) [b](<java\tscript:alert(1)>) [c](file:///etc/passwd) Text[^1].",
    );
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("content/om.sv.md:6:1: a link that runs code (javascript:) is not allowed"), "{stderr}");
    assert!(stderr.contains("content/om.sv.md:6:26: a link that runs code (javascript:) is not allowed"), "{stderr}");
    assert!(stderr.contains("links to `file:` addresses are not allowed"), "{stderr}");
}

#[test]
fn raw_html_forbidden_cannot_be_smuggled_between_comments() {
    for bypass in [
        "<!-- a --><script>alert(1)</script><!-- b -->",
        "<!-- a -->\n<img src=x onerror=alert(1)>\n<!-- b -->",
        "Text <!-- a --><b onclick=x>y</b><!-- b --> text.",
    ] {
        let f = Fixture::new();
        f.edit("site.toml", "[footer]", "[check]\nraw_html = \"forbid\"\n\n[footer]");
        f.edit("content/om.sv.md", "Text[^1].", &format!("{bypass}\n\nText[^1]."));
        let (code, _, stderr) = f.check(&[]);
        assert_eq!(code, 1, "{bypass:?}: {stderr}");
        assert!(stderr.contains("raw HTML in Markdown is published as it is"), "{bypass:?}: {stderr}");
    }
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[check]\nraw_html = \"forbid\"\n\n[footer]");
    f.edit("content/om.sv.md", "Text[^1].", "<!-- Foo\n\nbar -->\n\nText[^1].");
    assert_eq!(f.check(&[]).0, 0, "a comment over several lines is only a comment");
}

#[test]
fn csv_text_cannot_become_a_formula_but_numbers_stay_numbers() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/indicators/utslapp.toml",
        "sv = \"Kommunen\"",
        "sv = \"=HYPERLINK(\\\"https://evil.example\\\")\"",
    );
    assert_eq!(f.build().0, 0);
    let csv = f.read("data/utslapp.csv");
    assert!(csv.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\")\",Municipality,"), "{csv}");
    assert!(csv.contains("utslapp,2021,-1.25,measured,"), "a negative number stays a number: {csv}");
    let json: serde_json::Value = serde_json::from_str(&f.read("data/utslapp.json")).unwrap();
    assert_eq!(json["series"][0]["name"]["sv"], "=HYPERLINK(\"https://evil.example\")", "JSON stays exact");
}

#[test]
fn an_output_that_is_a_file_is_refused_and_left_alone() {
    let f = Fixture::new();
    let file = f.root().join("report.pdf");
    fs::write(&file, "the council's PDF").unwrap();
    let (code, _, stderr) = run(&["build", "--root", f.root().to_str().unwrap(), "--output", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("it is a file, not a folder"), "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "the council's PDF");
    let under = file.join("public");
    let (code, _, stderr) = run(&["build", "--root", f.root().to_str().unwrap(), "--output", under.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("report.pdf is a file, so no folder can be made inside it"), "{stderr}");
    let left: Vec<String> =
        fs::read_dir(f.root()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!left.iter().any(|n| n.starts_with(".goalsite")), "{left:?}");
}

#[test]
fn a_theme_is_a_name_never_a_path() {
    for theme in ["../../x", "/etc", "default/../../x"] {
        let f = Fixture::new();
        f.edit("site.toml", "theme = \"default\"", &format!("theme = \"{theme}\""));
        let (code, _, stderr) = f.check(&[]);
        assert_eq!(code, 1);
        assert!(stderr.contains(&format!("error: site.toml:2:9: `{theme}` is not a theme's name")), "{stderr}");
    }
}

#[test]
fn folders_of_killed_builds_are_removed_by_the_next_build() {
    let f = Fixture::new();
    for i in 0..3 {
        let dead = f.root().join(format!(".goalsite-build-999-{i}-0"));
        fs::create_dir_all(dead.join("sv")).unwrap();
        fs::write(dead.join("sv/index.html"), "half a site").unwrap();
        fs::write(f.root().join(format!(".goalsite-build-999-{i}-0.lock")), "").unwrap();
    }
    assert_eq!(f.build().0, 0);
    let left: Vec<String> =
        fs::read_dir(f.root()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!left.iter().any(|n| n.starts_with(".goalsite-build")), "{left:?}");
}

#[cfg(unix)]
#[test]
fn links_in_content_are_named_in_a_warning() {
    let f = Fixture::new();
    std::os::unix::fs::symlink("/etc/passwd", f.root().join("content/losen.sv.md")).unwrap();
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "warning: content/losen.sv.md: this is a link to another place (a symbolic link), so it is not published"
        ),
        "{stderr}"
    );
}

#[test]
fn invisible_characters_pasted_into_toml_or_markdown_are_errors_at_their_place_and_shown() {
    let f = Fixture::new();
    // A bell pasted into a programme title, a right-to-left override into a page's text.
    f.edit("content/tillvaxt/programme.toml", "Program tillväxt", "Program till\u{7}växt");
    f.edit("content/om.sv.md", "Text[^1].", "Text \u{202e}[^1].");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "error: content/tillvaxt/programme.toml:1:29: the text holds an invisible control character (U+0007)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("Program till␇växt"), "the line is shown with the character visible: {stderr}");
    assert!(
        stderr.contains("content/om.sv.md:6:6: the text holds an invisible text direction control (U+202E)"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{7}') && !stderr.contains('\u{202e}'), "nothing invisible is printed");
    // A zero-width space written as an escape in a TOML text.
    f.edit("content/tillvaxt/programme.toml", "Program till\u{7}växt", "Program till\\u200Bväxt");
    f.edit("content/om.sv.md", "Text \u{202e}[^1].", "Text[^1].");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("invisible zero-width space (U+200B)"), "{stderr}");
}
