//! Year after year, on a copy of the Umeå site: `goalsite new-year 2025`
//! keeps the 2024 edition online as it was, check names what the new year
//! leaves stale, and a published assessment changes only with a correction.

use std::path::{Path, PathBuf};

use crate::common::{repo, run, texts};

/// A copy of the Umeå site (its sources, not its build) in a temporary folder.
fn umea_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("umea");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    crate::common::copy::copy_dir(&repo().join("content"), &root.join("content"));
    (dir, root)
}

fn goalsite(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = args.to_vec();
    all.extend(["--root", root.to_str().unwrap()]);
    run(&all)
}

fn edit(root: &Path, rel: &str, f: impl Fn(String) -> String) {
    let path = root.join(rel);
    std::fs::write(&path, f(std::fs::read_to_string(&path).unwrap())).unwrap();
}

/// The Umeå copy after `new-year 2025`, with new intros for Tillväxt and
/// its 2025 assessments filled in.
fn rolled_over() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = umea_copy();
    let (code, stdout, stderr) = goalsite(&root, &["new-year", "2025", "--published", "2025-04-15"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("content/tillvaxt/assessments/2025.toml"), "the file to fill in is named: {stdout}");
    assert!(stdout.contains("content/social-hallbarhet/_index.sv.md"), "what still describes 2024: {stdout}");
    edit(&root, "content/tillvaxt/_index.sv.md", |t| format!("Under 2025 fortsatte arbetet med tillväxt.\n\n{t}"));
    edit(&root, "content/tillvaxt/_index.en.md", |t| format!("In 2025 the work on growth continued.\n\n{t}"));
    edit(&root, "content/tillvaxt/assessments/2025.toml", |t| {
        let statuses = ["ja", "delvis", "ja", "ja", "ja", "nej"];
        let mut out = t;
        for status in statuses {
            out = out.replacen("status = \"\"", &format!("status = \"{status}\""), 1);
        }
        out
    });
    (dir, root)
}

#[test]
fn new_year_archives_the_edition_and_starts_the_next_with_a_file_to_fill_in() {
    let (_dir, root) = umea_copy();
    let (code, _, stderr) = goalsite(&root, &["new-year", "2024"]);
    assert_eq!(code, 2, "a year not later than the report year is refused: {stderr}");
    assert!(!root.join("editions").exists(), "and nothing is archived");
    let (code, _, stderr) = goalsite(&root, &["new-year", "2025", "--published", "2025-04-15"]);
    assert_eq!(code, 0, "{stderr}");
    let manifest = std::fs::read_to_string(root.join("editions/2024/edition.toml")).unwrap();
    assert!(manifest.contains("year = 2024") && manifest.contains("published = 2025-04-15"), "{manifest}");
    let archived = std::fs::read_to_string(root.join("editions/2024/content/tillvaxt/_index.sv.md")).unwrap();
    assert_eq!(archived, std::fs::read_to_string(repo().join("content/tillvaxt/_index.sv.md")).unwrap());
    let site = std::fs::read_to_string(root.join("site.toml")).unwrap();
    assert!(site.contains("report_year = 2025"));
    let next = std::fs::read_to_string(root.join("content/tillvaxt/assessments/2025.toml")).unwrap();
    assert!(next.contains("[bostadsbyggande]\n# 2024: nej\n"), "last year's status as a comment: {next}");
    assert!(next.contains("status = \"\"\n"), "the status is left to fill in");
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 1, "the empty statuses are errors until filled in");
    assert!(stderr.contains("the assessment of `bostadsbyggande` for 2025 is not filled in yet"), "{stderr}");
    let (code, _, stderr) = goalsite(&root, &["new-year", "2026"]);
    assert_ne!(code, 0, "not while the site has errors: {stderr}");
}

#[test]
fn check_names_each_text_the_new_year_left_as_it_was() {
    let (_dir, root) = rolled_over();
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 0, "warnings only: {stderr}");
    for file in ["content/social-hallbarhet/_index.sv.md", "content/social-hallbarhet/_index.en.md"] {
        assert!(
            stderr.contains(&format!("warning: {file}: the text is as the 2024 edition published it")),
            "{file}: {stderr}"
        );
    }
    assert!(!stderr.contains("warning: content/tillvaxt/_index.sv.md"), "the rewritten intro is not named");
    assert!(stderr.contains("`summary` is as the 2024 edition published it"), "TOML texts too: {stderr}");
    // A page rewritten in Swedish only: its English text is named with the Swedish one.
    edit(&root, "content/social-hallbarhet/_index.sv.md", |t| format!("Nytt för 2025.\n\n{t}"));
    let (_, _, stderr) = goalsite(&root, &["check"]);
    assert!(
        stderr.contains("content/social-hallbarhet/_index.en.md: the text is as the 2024 edition published it, but its translation content/social-hallbarhet/_index.sv.md has been rewritten since"),
        "{stderr}"
    );
    // Marked still valid for this year: no warning; the mark does not carry over.
    edit(&root, "content/social-hallbarhet/_index.en.md", |t| format!("+++\nstill_valid = 2025\n+++\n{t}"));
    let (_, _, stderr) = goalsite(&root, &["check"]);
    assert!(!stderr.contains("warning: content/social-hallbarhet/_index.en.md"), "{stderr}");
}

#[test]
fn a_text_copied_in_decomposed_form_and_left_as_it_was_is_named_too() {
    use unicode_normalization::UnicodeNormalization;
    let (_dir, root) = umea_copy();
    edit(&root, "content/social-hallbarhet/_index.sv.md", |t| t.nfd().collect());
    let (code, stdout, stderr) = goalsite(&root, &["new-year", "2025", "--published", "2025-04-15"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, _, stderr) = goalsite(&root, &["check"]);
    let file = "content/social-hallbarhet/_index.sv.md";
    assert!(stderr.contains(&format!("warning: {file}: the text is as the 2024 edition published it")), "{stderr}");
}

#[test]
fn the_day_of_publication_left_as_last_years_is_named() {
    let (_dir, root) = umea_copy();
    let (code, stdout, stderr) = goalsite(&root, &["new-year", "2025"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, _, stderr) = goalsite(&root, &["check"]);
    let said = "warning: site.toml:82:1: [open_data] published (2026-11-27) is not after the day the 2024 edition was published (2026-11-27)";
    assert!(stderr.contains(said), "{stderr}");
    assert!(stderr.contains("hint: write the day the follow-up for 2025 is published"), "{stderr}");
    edit(&root, "site.toml", |t| t.replace("published = 2026-11-27", "published = 2027-04-15"));
    let (_, _, stderr) = goalsite(&root, &["check"]);
    assert!(!stderr.contains("[open_data] published"), "{stderr}");
}

#[test]
fn the_2024_edition_stays_online_as_published_beside_2025() {
    let (dir, root) = rolled_over();
    let out = dir.path().join("out");
    let (code, _, stderr) = goalsite(&root, &["build", "--output", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let archived = read("2024/sv/tillvaxt/index.html");
    let current = read("sv/tillvaxt/index.html");
    assert!(!archived.contains("Under 2025 fortsatte"), "the 2024 text, as published");
    assert!(current.contains("Under 2025 fortsatte"), "the 2025 text");
    let tally = |html: &str| texts(html, ".tally__list li");
    assert_eq!(tally(&archived), ["✔ 3 Ja", "◐ 2 Delvis", "✖ 1 Nej"], "the 2024 tally");
    assert_eq!(tally(&read("2024/en/index.html")), ["✔ 3 Yes", "◐ 2 Partly", "✖ 1 No"]);
    assert_eq!(tally(&current), ["✔ 4 Ja", "◐ 1 Delvis", "✖ 1 Nej"]);
    let banner = crate::common::outer(&archived, ".edition-banner");
    assert_eq!(banner.len(), 1, "an earlier edition says which it is");
    assert!(banner[0].contains("uppföljningen för 2024, publicerad 2025-04-15"), "{}", banner[0]);
    assert!(banner[0].contains("href=\"/uppfoljning/sv/tillvaxt/\""), "and leads to the same page now: {}", banner[0]);
    assert!(crate::common::outer(&current, ".edition-banner").is_empty());
    // The language switch stays in its edition.
    assert_eq!(crate::common::attrs(&archived, ".lang-switch a", "href"), ["/uppfoljning/2024/en/growth/"]);
    // Every edition, listed in both languages, linked from the footer and the home page.
    for (page, year) in [
        ("sv/tidigare-uppfoljningar/index.html", "Uppföljningen 2024"),
        ("en/earlier-editions/index.html", "Follow-up 2024"),
    ] {
        let list = read(page);
        assert!(texts(&list, ".edition__title a").contains(&year.to_owned()), "{page}");
    }
    assert!(read("sv/index.html").contains("href=\"/uppfoljning/sv/tidigare-uppfoljningar/\""));
    assert!(
        archived.contains("href=\"/uppfoljning/sv/tidigare-uppfoljningar/\""),
        "an archived page links to the list too"
    );
    // This year's permanent address leads to the current page now.
    assert!(read("2025/sv/tillvaxt/index.html").contains("url=/uppfoljning/sv/tillvaxt/"));
    assert!(
        current.contains("https://www.umea.se/uppfoljning/2025/sv/tillvaxt/"),
        "the page shows its permanent address"
    );
    // Each edition keeps its indicators' files; the site-wide data is the current edition's.
    assert!(out.join("2024/data/territoriella-utslapp.csv").is_file());
    assert!(!out.join("2024/catalog.rdf").exists());
    let sitemap = read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://www.umea.se/uppfoljning/2024/sv/tillvaxt/</loc>"));
}

#[test]
fn a_published_assessment_changes_only_with_a_correction_both_editions_show() {
    let (dir, root) = rolled_over();
    let file = "content/tillvaxt/assessments/2024.toml";
    edit(&root, file, |t| t.replacen("status = \"nej\"", "status = \"ja\"", 1));
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("error: {file}:"))
            && stderr.contains("the 2024 edition published `nej` as the 2024 assessment of `bostadsbyggande`"),
        "{stderr}"
    );
    let line =
        std::fs::read_to_string(root.join(file)).unwrap().lines().position(|l| l == "status = \"ja\"").unwrap() + 1;
    assert!(stderr.contains(&format!("{file}:{line}:10:")), "at the changed status: {stderr}");

    // A new goal's assessment for a year it did not exist in.
    edit(&root, "content/tillvaxt/programme.toml", |t| {
        format!("{t}\n[[goal]]\nid = \"ny\"\ntitle = {{ sv = \"Nytt\", en = \"New\" }}\ntarget = {{ sv = \"Mål.\", en = \"Target.\" }}\n")
    });
    edit(&root, file, |t| format!("{t}\n[ny]\nstatus = \"ja\"\n"));
    let (_, _, stderr) = goalsite(&root, &["check"]);
    assert!(
        stderr.contains("the goal `ny` was not in the 2024 edition, so it can have no assessment for 2024"),
        "{stderr}"
    );

    // With a correction note the change stands, and both editions say so.
    edit(&root, file, |t| {
        t.replace("\n[ny]\nstatus = \"ja\"\n", "").replacen(
            "status = \"ja\"",
            "status = \"ja\"\ncorrection = { sv = \"Rättad: felaktigt nej.\", en = \"Corrected: wrongly no.\" }",
            1,
        )
    });
    edit(&root, "content/tillvaxt/assessments/2025.toml", |t| format!("{t}\n[ny]\nstatus = \"ja\"\n"));
    let out = dir.path().join("out");
    let (code, _, stderr) = goalsite(&root, &["build", "--output", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(code, 0, "{stderr}");
    for page in ["2024/sv/tillvaxt/bostadsbyggande/index.html", "sv/tillvaxt/bostadsbyggande/index.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(html.contains("Rättad efter publiceringen: Rättad: felaktigt nej."), "{page}");
    }
}

#[test]
fn a_change_to_an_archived_file_is_an_error_until_recorded_as_a_correction() {
    let (_dir, root) = rolled_over();
    let file = "editions/2024/content/tillvaxt/_index.sv.md";
    edit(&root, file, |t| t.replacen("Umeå", "Umea", 1));
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("error: {file}: the file was changed after the 2024 edition was published")),
        "{stderr}"
    );
    let (code, _, stderr) = goalsite(&root, &["correct", "2024"]);
    assert_eq!(code, 1, "no correction names it yet: {stderr}");
    std::fs::write(
        root.join("editions/2024/corrections.toml"),
        "[[correction]]\nfile = \"content/tillvaxt/_index.sv.md\"\ndate = 2025-05-02\nnote = { sv = \"Ett stavfel.\", en = \"A misspelling.\" }\n",
    )
    .unwrap();
    let (code, stdout, stderr) = goalsite(&root, &["correct", "2024"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 0, "recorded: {stderr}");
    let out = root.join("public");
    assert_eq!(goalsite(&root, &["build", "--quiet"]).0, 0);
    let page = std::fs::read_to_string(out.join("2024/en/index.html")).unwrap();
    assert!(page.contains("Corrected 2025-05-02: A misspelling."), "every page of the edition shows it");
}

#[test]
fn a_removed_edition_stops_the_build_and_says_how_to_bring_it_back() {
    let (_dir, root) = rolled_over();
    let site = std::fs::read_to_string(root.join("site.toml")).unwrap();
    assert!(site.contains("report_year = 2025\n# The earlier editions"), "listed below the report year: {site}");
    assert!(site.contains("\neditions = [2024]\n"), "{site}");
    assert_eq!(goalsite(&root, &["build", "--quiet"]).0, 0);
    let published = std::fs::read_to_string(root.join("public/2024/sv/tillvaxt/index.html")).unwrap();

    std::fs::rename(root.join("editions/2024"), root.join("elsewhere")).unwrap();
    let (code, _, stderr) = goalsite(&root, &["build", "--quiet"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("the 2024 edition is missing: site.toml lists it, but the folder editions/2024 is gone"),
        "{stderr}"
    );
    assert!(stderr.contains("put the folder back as it was, from the version history (git) or a backup"), "{stderr}");
    let still = std::fs::read_to_string(root.join("public/2024/sv/tillvaxt/index.html")).unwrap();
    assert_eq!(still, published, "the published edition is still in the output");

    std::fs::rename(root.join("elsewhere"), root.join("editions/2024")).unwrap();
    // A site archived before goalsite listed its editions: told the line to write.
    edit(&root, "site.toml", |t| t.replace("\neditions = [2024]\n", "\n"));
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 0, "a warning: {stderr}");
    assert!(
        stderr.contains("warning: site.toml:3:1: the 2024 edition in editions/2024 is not listed in site.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("write `editions = [2024]` in site.toml, on a line of its own below report_year"));
    // A list that names this year and leaves 2024 out: both are errors, with the whole list to write.
    edit(&root, "site.toml", |t| t.replace("report_year = 2025\n", "report_year = 2025\neditions = [2025]\n"));
    let (code, _, stderr) = goalsite(&root, &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("site.toml lists 2025 as an earlier edition, but the report year is 2025"), "{stderr}");
    assert!(stderr.contains("error: site.toml:4:12: the 2024 edition in editions/2024 is not listed"), "{stderr}");
    assert!(stderr.contains("change the line `editions = …` in site.toml to `editions = [2024]`"), "{stderr}");
}
