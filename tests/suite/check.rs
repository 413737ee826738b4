//! `goalsite check`: every problem at once, warnings versus errors, and
//! input that must never crash it.

use crate::common::{repo, run, Fixture};

fn check(f: &Fixture, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["check", "--root", f.root().to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = run(&args);
    assert!(!f.out().exists(), "check never writes the site");
    assert!(!out.2.contains("panicked") && !out.2.contains("internal error"), "{}", out.2);
    out
}

#[test]
fn the_umea_site_is_clean() {
    let (code, stdout, stderr) = run(&["check", "--root", repo().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.starts_with("Checked site.toml and ") && stdout.trim_end().ends_with("no problems."), "{stdout}");
}

#[test]
fn warnings_pass_unless_denied() {
    let f = Fixture::new();
    f.edit("content/om.sv.md", "## Bakgrund", "## Bakgrund\n\n#### Detalj\n\nText med <b>fetstil</b>.");
    let (code, stdout, stderr) = check(&f, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning: content/om.sv.md:6:1: the heading jumps from level 2 to level 4"), "{stderr}");
    assert!(stderr.contains("warning: content/om.sv.md:8:10: raw HTML in Markdown"), "{stderr}");
    assert_eq!(stdout.trim(), "0 errors, 2 warnings in 1 file");
    assert_eq!(check(&f, &["--deny-warnings"]).0, 1);
    assert_eq!(f.build().0, 0, "warnings do not stop a build");
}

#[test]
fn raw_html_can_be_forbidden() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[check]\nraw_html = \"forbid\"\n\n[footer]");
    f.edit("content/om.sv.md", "Text[^1].", "Text[^1] <span>x</span>.");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error: content/om.sv.md:6:10: raw HTML"), "{stderr}");
    assert!(stderr.contains("this site forbids HTML in Markdown"), "{stderr}");
}

#[test]
fn images_without_alt_and_links_without_text_are_errors() {
    let f = Fixture::new();
    f.edit("content/om.en.md", "Text[^1].", "![](chart.png) and [](https://example.org).");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("content/om.en.md:7:1: the image has no alternative text"), "{stderr}");
    assert!(stderr.contains("content/om.en.md:7:20: the link has no text"), "{stderr}");
}

#[test]
fn anchors_must_exist_on_the_target_page() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/_index.en.md", "@/om.md#background", "@/om.md#backgrund");
    f.edit(
        "content/tillvaxt/_index.sv.md",
        "## Läget",
        "## Läget\n\n[Upp](#laget) [Data](#gs-indicators) [Fel](#nowhere)",
    );
    let (code, stdout, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("content/tillvaxt/_index.en.md:3:5: the anchor #backgrund does not exist"), "{stderr}");
    assert!(stderr.contains("did you mean #background?"), "{stderr}");
    assert!(stderr.contains("content/tillvaxt/_index.sv.md:3:38: the anchor #nowhere does not exist"), "{stderr}");
    assert!(
        !stderr.contains("anchor #laget") && !stderr.contains("anchor #gs-indicators"),
        "own headings and the theme's ids are valid: {stderr}"
    );
    assert_eq!(stdout.trim(), "2 errors, 0 warnings in 2 files");
}

#[test]
fn links_may_not_climb_out_of_the_content_folder() {
    let f = Fixture::new();
    f.edit("content/om.sv.md", "Text[^1].", "Se [filen](@/../site.toml).");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("content/om.sv.md:6:4: the link @/../site.toml leads nowhere: links may not use .."),
        "{stderr}"
    );
}

#[test]
fn hostile_files_give_errors_not_crashes() {
    let f = Fixture::new();
    // An empty indicator, a binary file with a .toml name, deeply nested TOML and a 50 MB page.
    f.write("content/tillvaxt/indicators/tom.toml", "");
    std::fs::write(
        f.root().join("content/tillvaxt/indicators/binar.toml"),
        (0u8..=255).cycle().take(4096).collect::<Vec<_>>(),
    )
    .unwrap();
    f.write("content/tillvaxt/indicators/djup.toml", &format!("title = {}1{}", "[".repeat(5000), "]".repeat(5000)));
    let big = "Lorem ipsum dolor sit amet. ".repeat(50 * 1024 * 1024 / 28);
    f.write("content/stor.sv.md", &format!("+++\ntitle = \"Stor\"\n+++\n{big}"));
    f.write("content/stor.en.md", "+++\ntitle = \"Big\"\n+++\nSmall.");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", f.root().join("content/tillvaxt/loop")).unwrap();
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/tillvaxt/indicators/tom.toml"), "{stderr}");
    assert!(
        stderr.contains("content/tillvaxt/indicators/binar.toml:2:118: the file is not valid UTF-8 text"),
        "{stderr}"
    );
    assert!(stderr.contains("content/tillvaxt/indicators/djup.toml:1:"), "{stderr}");
    assert!(
        stderr.contains("error: content/stor.sv.md: the file is 52.4 MB; goalsite reads files of up to 5 MB"),
        "a page over the documented size is refused unread: {stderr}"
    );
    assert!(
        stderr.contains("warning: content/tillvaxt/loop: this is a link to another place"),
        "a folder link is named, not followed: {stderr}"
    );
}

#[test]
fn missing_translations_can_be_warnings_and_the_page_says_so() {
    let f = Fixture::new();
    f.edit("site.toml", "[footer]", "[check]\nmissing_translation = \"warn\"\n\n[footer]");
    f.remove("content/om.en.md");
    f.edit("content/om.sv.md", "title = \"Om\"", "title = \"Om\"\norder = 1");
    let (code, stdout, stderr) = check(&f, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning: content/om.en.md: the translation in `en` is missing"), "{stderr}");
    assert!(
        stderr.contains("warning: content/tillvaxt/_index.en.md:3:5: the anchor #background does not exist"),
        "a link into the untranslated page cannot find its English anchor: {stderr}"
    );
    assert_eq!(stdout.trim(), "0 errors, 2 warnings in 2 files");

    let (code, _, stderr) = f.build();
    assert_eq!(code, 0, "{stderr}");
    let page = f.read("en/om/index.html").replace('\u{ad}', "");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("This text has not been translated into English yet."), "the page says so");
    assert!(page.contains("<div class=\"prose\" lang=\"sv\"><h2 id=\"bakgrund\">Bakgrund</h2>"), "marked as Swedish");
    assert!(page.contains("<h1 lang=\"sv\">Om</h1>"), "the title too");
    let home = f.read("en/index.html");
    assert!(home.contains("en/om/\" lang=\"sv\">Om</a>"), "and the footer's link to it: {home}");
    assert!(f.read("sv/index.html").contains("sv/om/\">Om</a>"), "not where it is in its language");
    assert!(!f.read("sv/om/index.html").contains("untranslated"));

    // A title shown in another language could not be marked: it stays an error.
    std::fs::remove_dir_all(f.out()).unwrap();
    let title = "title = { sv = \"Bostäder\", en = \"Housing\" }";
    f.edit("content/tillvaxt/programme.toml", title, "title = { sv = \"Bostäder\" }");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: content/tillvaxt/programme.toml:8:9: the goal title has no text in `en`"),
        "{stderr}"
    );
}

#[test]
fn check_finds_what_only_rendering_finds() {
    let f = Fixture::new();
    f.override_theme_file("templates/goal.html", "{{ t.target }}", "{{ t.targett }}");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1, "check fails where build would");
    assert!(stderr.contains("themes/default/templates/goal.html"), "{stderr}");
    assert_eq!(f.build().0, 1);
}

#[test]
fn a_broken_theme_is_an_error_not_a_crash() {
    let f = Fixture::new();
    // A site's theme.toml changes only the keys it writes.
    f.write("themes/default/theme.toml", "[chart]\ndashes = []\nbar = \"blå\"\n");
    // A third language's strings, one missing.
    f.edit("site.toml", "[title]", "[[languages]]\ncode = \"fi\"\nname = \"Suomi\"\n\n[title]");
    let en = std::fs::read_to_string(repo().join("themes/default/i18n/en.toml")).unwrap();
    f.write("themes/default/i18n/fi.toml", &en.replace("no_value = \"No data\"\n", ""));
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "themes/default/theme.toml: [chart] needs at least one colour in series and one pattern in dashes"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("`blå` is not a colour"), "{stderr}");
    assert!(
        stderr.contains("themes/default/i18n/fi.toml: the UI strings for `fi` lack 1 string goalsite needs"),
        "{stderr}"
    );
    assert!(stderr.contains("no_value = \"No data\""), "the missing string with its English text: {stderr}");
}

#[test]
fn every_part_of_an_address_is_checked() {
    let f = Fixture::new();
    f.edit(
        "site.toml",
        "[footer]",
        "[accessibility]\nslug = { sv = \"../../../escaped\", en = \"accessibility\" }\nstatus = \"partial\"\nstatement_date = 2026-11-27\ncontact = \"x\"\nmethod = \"x\"\nsupervisor = \"Digg\"\nsupervisor_url = \"https://www.digg.se/\"\n\n[footer]",
    );
    f.edit("content/tillvaxt/programme.toml", "slug = { sv = \"tillvaxt\", en = \"growth\" }\n", "");
    std::fs::rename(f.root().join("content/tillvaxt"), f.root().join("content/Ny Plan")).unwrap();
    f.write("content/Om oss.sv.md", "+++\ntitle = \"Om oss\"\n+++\nText.\n");
    f.write("content/Om oss.en.md", "+++\ntitle = \"About us\"\n+++\nText.\n");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the slug `../../../escaped` cannot be used in an address"), "{stderr}");
    assert!(
        stderr.contains("content/Ny Plan/programme.toml: the folder name `Ny Plan` cannot be used in an address"),
        "{stderr}"
    );
    assert!(stderr.contains("`Om oss` in the file's path cannot be used in an address"), "{stderr}");
    assert!(!f.root().join("escaped").exists() && !f.root().parent().unwrap().join("escaped").exists());
}

#[test]
fn a_wrong_language_code_is_one_error_not_one_per_text() {
    let f = Fixture::new();
    f.edit("site.toml", "code = \"en\"", "code = \"EN\"");
    let (code, stdout, stderr) = check(&f, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("a language code is a short lowercase code like sv or en"), "{stderr}");
    assert!(!stderr.contains("has no text in"), "no knock-on errors: {stderr}");
    assert!(stdout.starts_with("1 error"), "{stdout}{stderr}");
}

#[test]
fn front_matter_that_a_document_does_not_use_is_an_error_that_says_where_it_goes() {
    let f = Fixture::new();
    f.write(
        "content/tillvaxt/_index.sv.md",
        "+++\ntitle = \"Tillväxt och jobb\"\ndescription = \"Kort\"\n+++\n## Läget\n\nText.\n",
    );
    f.edit("content/_index.en.md", "title = \"Home\"", "title = \"Home\"\nslug = \"start\"");
    let (code, _, stderr) = check(&f, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: content/tillvaxt/_index.sv.md:2:1: `title` is not used in a programme's text"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: the programme's title is `title` in content/tillvaxt/programme.toml: set it there"),
        "{stderr}"
    );
    assert!(stderr.contains("content/tillvaxt/_index.sv.md:3:1: `description` is not used"), "{stderr}");
    assert!(stderr.contains("the programme's summary is `summary` in content/tillvaxt/programme.toml"), "{stderr}");
    assert!(stderr.contains("error: content/_index.en.md:3:1: `slug` is not used on the home page"), "{stderr}");
    let (code, _, stderr) = f.build();
    assert_eq!(code, 1, "the build stops too: {stderr}");
    assert!(!f.out().exists(), "nothing is written");
}
