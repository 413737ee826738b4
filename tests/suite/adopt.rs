//! What the next municipality meets: `goalsite init`, the built-in theme
//! changed file by file, branding, and any set of languages.

use crate::common::{attrs, hreflangs, run, texts, tree, Fixture};

fn init(dir: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn init_writes_a_site_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("norrvik");
    let (code, stdout, stderr) = init(&site, &["--name", "Norrviks kommun"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("goalsite serve --root"), "{stdout}");
    let root = site.to_str().unwrap();
    let (code, stdout, stderr) = run(&["check", "--root", root, "--deny-warnings"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("no problems"), "{stdout}");
    let (code, _, stderr) = run(&["build", "--root", root, "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    let home = std::fs::read_to_string(site.join("public/sv/index.html")).unwrap();
    assert!(home.contains("Norrviks kommun"), "the name is used");
    let indicator = std::fs::read_to_string(site.join("public/sv/exempelprogram/exempelindikator/index.html")).unwrap();
    assert!(indicator.contains("Exempeldata"), "the starter's figures say they are examples");
    assert!(!site.join("themes").exists(), "the built-in theme needs no copy");
    for (file, schema) in [
        ("site.toml", "#:schema ./schemas/site.schema.json"),
        ("content/exempel/programme.toml", "#:schema ../../schemas/programme.schema.json"),
        ("content/exempel/indicators/exempelindikator.toml", "#:schema ../../../schemas/indicator.schema.json"),
    ] {
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        assert!(text.starts_with(schema), "{file}");
        let target = site.join(file).parent().unwrap().join(schema.trim_start_matches("#:schema "));
        assert!(target.is_file(), "{file} names a schema that is there: {}", target.display());
    }
    let ignored = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    let ignored: Vec<&str> = ignored.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(ignored, ["public/", ".goalsite-cache/"], "the output and the build cache");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let (code, _, stderr) = init(tmp.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1, "nothing was added");
    let (code, _, stderr) = init(&tmp.path().join("x"), &["--languages", "sv,sv"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("listed twice"), "{stderr}");
    assert!(!tmp.path().join("x").exists());
}

#[test]
fn a_three_language_site_builds_with_hreflang_for_all_three() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("trespråkig");
    let (code, stdout, stderr) = init(&site, &["--languages", "sv,en,fi"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("translate them in content/ and in themes/default/i18n/fi.toml"), "{stdout}");
    let root = site.to_str().unwrap();
    let (code, _, stderr) = run(&["build", "--root", root, "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    let sv = std::fs::read_to_string(site.join("public/sv/exempelprogram/index.html")).unwrap();
    let langs: Vec<String> = hreflangs(&sv).into_iter().map(|(l, _)| l).collect();
    assert_eq!(langs, ["sv", "en", "fi", "x-default"]);
    let fi = std::fs::read_to_string(site.join("public/fi/index.html")).unwrap();
    assert!(fi.starts_with("<!DOCTYPE html>\n<html lang=\"fi\">"));
    assert_eq!(texts(&fi, ".lang-switch li"), ["Svenska", "English", "Suomi"]);
    let not_found = std::fs::read_to_string(site.join("public/404.html")).unwrap();
    assert_eq!(attrs(&not_found, "section[lang]", "lang"), ["sv", "en", "fi"]);
    // The strings init copied to translate are still English: check says so.
    let (code, _, stderr) = run(&["check", "--root", root]);
    assert_eq!(code, 0);
    assert!(stderr.contains("UI strings for `fi` are still the English ones"), "{stderr}");
}

#[test]
fn a_misspelt_ui_string_key_is_an_error_where_it_is_written() {
    let f = Fixture::new();
    f.write("themes/default/i18n/sv.toml", "[strings]\n\nhomee = \"Hem\"\n");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: themes/default/i18n/sv.toml:3:1: `homee` is not a UI string goalsite has"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `home`?"), "{stderr}");
    assert!(!stderr.contains("i18n/en.toml"), "the other languages are not blamed: {stderr}");
}

#[test]
fn a_site_without_a_theme_folder_builds_with_the_built_in_theme() {
    let f = Fixture::new();
    assert!(!f.root().join("themes").exists());
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let css = attrs(&f.read("sv/index.html"), "link[rel=stylesheet]", "href");
    assert_eq!(css.len(), 1);
    assert!(f.out().join(css[0].trim_start_matches("/follow-up/")).is_file(), "{css:?}");
}

#[test]
fn a_one_file_override_changes_only_that_file_s_output() {
    let f = Fixture::new();
    assert_eq!(f.build().0, 0);
    let before = tree(&f.out());
    f.override_theme_file("templates/404.html", "{% block main %}", "{% block main %}\n<p>Hej från Norrvik.</p>");
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let after = tree(&f.out());
    let changed: Vec<String> =
        after.iter().zip(&before).filter(|(a, b)| a != b).map(|(a, _)| a.0.to_string_lossy().into_owned()).collect();
    assert_eq!(before.len(), after.len());
    assert_eq!(changed, ["404.html"]);
    assert!(f.read("404.html").contains("Hej från Norrvik."));
}

#[test]
fn a_strings_file_changes_only_the_keys_it_writes() {
    let f = Fixture::new();
    f.write("themes/default/i18n/en.toml", "[strings]\nreport_title = \"The whole report\"\n");
    assert_eq!(f.build().0, 0);
    assert_eq!(texts(&f.read("en/full-report/index.html"), ".kicker"), ["The whole report"]);
    assert_eq!(texts(&f.read("en/index.html"), "#gs-overview"), ["Overview 2024"], "other strings stay");
    assert_eq!(texts(&f.read("sv/hela-rapporten/index.html"), ".kicker"), ["Hela rapporten"]);
}

#[test]
fn theme_files_goalsite_does_not_read_are_reported() {
    let f = Fixture::new();
    f.write("themes/default/base.html", "<p>misplaced</p>");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0);
    assert!(stderr.contains("warning: themes/default/base.html: goalsite does not read this file"), "{stderr}");
    assert!(stderr.contains("templates/, static/ and i18n/"), "{stderr}");
}

#[test]
fn a_named_theme_needs_its_folder() {
    let f = Fixture::new();
    f.edit("site.toml", "theme = \"default\"", "theme = \"norrvik\"");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error: site.toml:2:9: the theme `norrvik` has no folder themes/norrvik/"), "{stderr}");
    assert!(stderr.contains("delete the theme line to use the built-in theme"), "{stderr}");
    f.write("themes/norrvik/static/extra.txt", "hej");
    assert_eq!(f.build().0, 0, "a named theme changes the built-in one file by file");
    assert_eq!(f.read("extra.txt"), "hej");
}

#[test]
fn a_low_contrast_accent_colour_is_an_error_with_file_and_line() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[branding]\naccent = \"#f5c400\"\n\n[footer]");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error: site.toml:37:10: the accent colour #f5c400 has a contrast of 1.6:1 against the page background #ffffff"), "{stderr}");
    assert!(stderr.contains("use a darker shade, like accent = \"#"), "{stderr}");
    f.edit("site.toml", "accent = \"#f5c400\"", "accent = \"gul\"");
    assert!(f.check(&[]).2.contains("`gul` is not a colour"));
}

#[test]
fn the_accent_colour_and_logo_are_published() {
    let f = Fixture::new();
    f.write(
        "bilder/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
    );
    f.edit(
        "site.toml",
        "[footer]",
        "[branding]\naccent = \"#6a1b9a\"\nlogo = \"bilder/logo.svg\"\nlogo_alt = { sv = \"Testkommunens logotyp\", en = \"Test Municipality's logo\" }\n\n[footer]",
    );
    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let sv = f.read("sv/index.html");
    assert_eq!(attrs(&sv, ".site-logo", "alt"), ["Testkommunens logotyp"]);
    assert_eq!(attrs(&f.read("en/index.html"), ".site-logo", "alt"), ["Test Municipality's logo"]);
    let logo = &attrs(&sv, ".site-logo", "src")[0];
    assert!(logo.starts_with("/follow-up/logo.") && logo.ends_with(".svg"), "fingerprinted: {logo}");
    let sheets = attrs(&sv, "link[rel=stylesheet]", "href");
    let brand = sheets.iter().find(|h| h.contains("/brand.")).expect("a brand style sheet");
    let css = f.read(brand.trim_start_matches("/follow-up/"));
    assert!(css.contains("--accent: #6a1b9a;"), "{css}");
}

#[test]
fn a_logo_needs_its_text_and_must_be_a_plain_picture() {
    let f = Fixture::new();
    f.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
    f.edit("site.toml", "[footer]", "[branding]\nlogo = \"logo.svg\"\n\n[footer]");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the logo needs a text for screen readers"), "{stderr}");
    f.edit("site.toml", "logo = \"logo.svg\"", "logo = \"logo.svg\"\nlogo_alt = { sv = \"Logga\", en = \"Logo\" }");
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the logo logo.svg has a script attribute onload"), "{stderr}");
    f.edit("site.toml", "logo = \"logo.svg\"", "logo = \"../logo.svg\"");
    assert!(f.check(&[]).2.contains("is not a file in the site folder"));
}

#[test]
fn a_short_menu_title_stands_in_the_menu_and_a_long_title_is_warned_about() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/programme.toml",
        "title = { sv = \"Program tillväxt\", en = \"Growth programme\" }",
        "title = { sv = \"Program för tillväxt, sysselsättning och attraktiva livsmiljöer i hela kommunen\", en = \"Growth programme\" }",
    );
    let (code, _, stderr) = f.check(&[]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("the programme's title, shown in the menu, is longer than 40 characters in sv"),
        "{stderr}"
    );
    assert!(stderr.contains("menu_title = { sv = \"…\", en = \"…\" }"), "{stderr}");
    f.edit(
        "content/tillvaxt/programme.toml",
        "\nslug =",
        "\nmenu_title = { sv = \"Tillväxt\", en = \"Growth\" }\nslug =",
    );
    let (code, _, stderr) = f.check(&["--deny-warnings"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(f.build().0, 0);
    assert_eq!(texts(&f.read("sv/om/index.html"), ".main-nav a")[1], "Tillväxt");
}

/// A starter site in Swedish, English and Finnish whose Finnish strings
/// `edit` changes: the checks on a language file goalsite does not ship.
fn finnish_site(edit: impl Fn(&str) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert_eq!(init(&site, &["--languages", "sv,en,fi"]).0, 0);
    let file = site.join("themes/default/i18n/fi.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, edit(&text)).unwrap();
    (tmp, site)
}

#[test]
fn a_language_file_lacking_strings_units_or_with_a_wrong_placeholder_fails_check_at_that_file() {
    // 70 strings gone, [units] gone, and a misspelt placeholder.
    let (_tmp, site) = finnish_site(|text| {
        let mut dropped = 0;
        let mut in_strings = false;
        let mut out = String::new();
        for line in text.lines() {
            in_strings |= line == "[strings]";
            let is_string = in_strings && line.contains(" = ") && !line.starts_with("chart_target_label");
            if line.starts_with("[units]") || line.starts_with("percent = ") || (is_string && dropped < 70) {
                dropped += usize::from(is_string);
                continue;
            }
            out.push_str(&line.replace("chart_target_label = \"", "chart_target_label = \"{distanse} "));
            out.push('\n');
        }
        out
    });
    let root = site.to_str().unwrap();
    let (code, _, stderr) = run(&["check", "--root", root]);
    assert_eq!(code, 1, "{stderr}");
    let file = "themes/default/i18n/fi.toml";
    assert!(
        stderr.contains(&format!("error: {file}: the UI strings for `fi` lack 70 strings goalsite needs")),
        "{stderr}"
    );
    let listed = stderr.lines().filter(|l| l.contains(" = \"") && !l.contains(':')).count();
    assert!(listed >= 60, "all 70 are listed with their English text, not five: {listed}\n{stderr}");
    assert!(stderr.contains("home = \"Home\""), "{stderr}");
    assert!(stderr.contains(&format!("error: {file}: the UI strings for `fi` have no [units]")), "{stderr}");
    assert!(stderr.contains("`{distanse}` in chart_target_label is not a placeholder"), "{stderr}");
    assert!(stderr.contains("the placeholders of chart_target_label are: {year}"), "{stderr}");

    // goalsite i18n fi completes the file and keeps what it has.
    let (code, stdout, stderr) = run(&["i18n", "fi", "--root", root]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(&format!("Wrote {file}")), "{stdout}");
    let completed = std::fs::read_to_string(site.join(file)).unwrap();
    assert!(completed.contains("chart_target_label = \"{distanse} Target {year}\"\n"), "kept as it was");
    let (_, _, stderr) = run(&["check", "--root", root]);
    assert!(!stderr.contains("lack"), "no string is missing now: {stderr}");
    assert!(!stderr.contains("no [units]"), "{stderr}");
    assert!(stderr.contains("{distanse}"), "the site's own mistake stays its to fix: {stderr}");
}

#[test]
fn goalsite_i18n_writes_a_complete_file_for_a_language_the_site_does_not_have_yet() {
    let (_tmp, site) = finnish_site(str::to_owned);
    let root = site.to_str().unwrap();
    let (code, stdout, stderr) = run(&["i18n", "se", "--root", root]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("still in English to translate"), "{stdout}");
    let text = std::fs::read_to_string(site.join("themes/default/i18n/se.toml")).unwrap();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    let en: toml::Table =
        toml::from_str(&std::fs::read_to_string(crate::common::repo().join("themes/default/i18n/en.toml")).unwrap())
            .unwrap();
    let keys = |t: &toml::Table| t["strings"].as_table().unwrap().keys().cloned().collect::<Vec<_>>();
    let (mut mine, mut english) = (keys(&parsed), keys(&en));
    mine.sort();
    english.sort();
    assert_eq!(mine, english, "every key of the built-in en.toml");
    for table in ["number", "typography", "units"] {
        assert!(parsed.contains_key(table), "{table}");
    }
    let (code, _, stderr) = run(&["i18n", "sv-x-", "--root", root]);
    assert_eq!(code, 2, "not a language code: {stderr}");
}
