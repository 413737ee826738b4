//! Bad input: every problem is reported with its file (and line and column
//! where there is one), the build exits 1 and writes nothing.

use crate::common::Fixture;

/// Builds `f`, expects failure, and returns stderr.
fn fails(f: &Fixture) -> String {
    let (code, stdout, stderr) = f.build();
    assert_eq!(code, 1, "expected a content error\nstdout: {stdout}\nstderr: {stderr}");
    assert!(!f.out().exists(), "nothing may be written on error");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/programme.toml", "summary = {", "summary = {{");
    let err = fails(&f);
    assert!(err.contains("error: content/tillvaxt/programme.toml:3:"), "{err}");
    assert!(err.contains("3 | summary = {{"), "shows the line: {err}");
}

#[test]
fn unknown_key_gets_did_you_mean() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "definition =", "defintion =");
    let err = fails(&f);
    assert!(err.contains("content/tillvaxt/indicators/utslapp.toml:5:1: unknown key `defintion`"), "{err}");
    assert!(err.contains("did you mean `definition`?"), "{err}");
}

#[test]
fn unknown_assessment_id_is_an_error_with_the_nearest_id() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/assessments/2024.toml", "status = \"delvis\"", "status = \"delvs\"");
    let err = fails(&f);
    assert!(
        err.contains("content/tillvaxt/assessments/2024.toml:2:10: `delvs` is not one of the assessments"),
        "{err}"
    );
    assert!(err.contains("did you mean `delvis`?"), "{err}");
}

#[test]
fn missing_indicator_reference_is_an_error() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/programme.toml", "indicators = [\"utslapp\"]", "indicators = [\"utslap\"]");
    let err = fails(&f);
    assert!(err.contains("programme.toml:10:15: there is no indicator `utslap`"), "{err}");
    assert!(err.contains("did you mean `utslapp`?"), "{err}");
}

#[test]
fn missing_page_translation_names_the_file_to_create() {
    let f = Fixture::new();
    f.remove("content/om.en.md");
    let err = fails(&f);
    assert!(err.contains("error: content/om.en.md: the translation in `en` is missing"), "{err}");
    assert!(err.contains("create content/om.en.md (translate content/om.sv.md)"), "{err}");
}

#[test]
fn missing_title_translation_is_an_error_at_its_line() {
    let f = Fixture::new();
    f.edit(
        "content/tillvaxt/programme.toml",
        "title = { sv = \"Bostäder\", en = \"Housing\" }",
        "title = { sv = \"Bostäder\" }",
    );
    let err = fails(&f);
    assert!(err.contains("programme.toml:8:9: the goal title has no text in `en`"), "{err}");
}

#[test]
fn broken_internal_link_is_reported_in_the_markdown_file() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/_index.sv.md", "@/om.md", "@/omm.md");
    let err = fails(&f);
    assert!(err.contains("content/tillvaxt/_index.sv.md:3:4: the link @/omm.md#bakgrund leads nowhere"), "{err}");
    assert!(err.contains("did you mean @/om.md?"), "{err}");
}

#[test]
fn a_misspelt_goal_in_a_link_is_answered_with_the_nearest_goal() {
    let f = Fixture::new();
    f.edit("content/_index.sv.md", "programme.toml#bostader", "programme.toml#bostder");
    let err = fails(&f);
    assert!(
        err.contains("the link @/tillvaxt/programme.toml#bostder leads nowhere: no goal `bostder` in content/tillvaxt/programme.toml"),
        "{err}"
    );
    assert!(err.contains("did you mean @/tillvaxt/programme.toml#bostader?"), "the goal, not the programme: {err}");
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/assessments/2023.toml", "status = \"nej\"", "status = \"kanske\"");
    f.edit("content/tillvaxt/indicators/utslapp.toml", "values = [96.5, \"-\", -1.25]", "values = [96.5, 1]");
    f.remove("content/_index.en.md");
    let err = fails(&f);
    assert!(err.contains("`kanske` is not one of the assessments"), "{err}");
    assert!(err.contains("the series has 2 values but there are 3 years"), "{err}");
    assert!(err.contains("content/_index.en.md: the translation in `en` is missing"), "{err}");
    assert!(err.contains("3 errors, 0 warnings in 3 files"), "{err}");
}

#[test]
fn data_shape_errors_point_at_the_values() {
    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "years = [2019, 2020, 2021]", "years = [2019, 2019, 2021]");
    let err = fails(&f);
    assert!(err.contains("utslapp.toml:7:16: the year 2019 is listed twice"), "{err}");

    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "\"-\"", "\"n/a\"");
    let err = fails(&f);
    assert!(err.contains("utslapp.toml:11:17"), "{err}");
    assert!(err.contains("a number (like 12.5), \"-\" for a year without a value"), "{err}");

    let f = Fixture::new();
    f.edit("content/tillvaxt/indicators/utslapp.toml", "year = 2025", "year = 2010");
    let err = fails(&f);
    assert!(err.contains("the target year 2010 is before the data starts (2019)"), "{err}");
}

#[test]
fn duplicate_goal_id_and_duplicate_address_are_errors() {
    let f = Fixture::new();
    let text = std::fs::read_to_string(f.root().join("content/tillvaxt/programme.toml")).unwrap();
    let goal = &text[text.find("[[goal]]").unwrap()..];
    f.write("content/tillvaxt/programme.toml", &format!("{text}\n{goal}"));
    let err = fails(&f);
    assert!(err.contains("the goal id `bostader` is used twice"), "{err}");
    let first = 1 + text[..text.find("id = \"bostader\"").unwrap()].lines().count();
    assert!(err.contains(&format!("the other is at content/tillvaxt/programme.toml:{first}")), "{err}");
    assert!(err.contains("two pages have the same address /sv/tillvaxt/bostader/"), "{err}");
    assert!(!err.contains("has no assessment"), "the assessment names the id: {err}");
}

#[test]
fn two_pages_on_one_address_are_named_at_the_lines_that_give_it() {
    let f = Fixture::new();
    let second = "\n[[goal]]\nid = \"nya-bostader\"\nslug = { sv = \"bostader\", en = \"new-housing\" }\ntitle = { sv = \"Nya bostäder\", en = \"New housing\" }\ntarget = { sv = \"Mål.\", en = \"Goal.\" }\n";
    f.write("content/tillvaxt/programme.toml", &format!("{}{second}", crate::common::PROGRAMME_TOML));
    f.write(
        "content/tillvaxt/assessments/2024.toml",
        &format!("{}\n[nya-bostader]\nstatus = \"ja\"\n", crate::common::ASSESSMENTS_2024),
    );
    f.edit("content/om.en.md", "slug = \"about\"", "slug = \"growth\"");
    let err = fails(&f);
    let line = |text: &str, at: &str| 1 + text[..text.find(at).unwrap()].lines().count();
    let programme = f.read_source("content/tillvaxt/programme.toml");
    let (first, later) = (
        line(&programme, "slug = { sv = \"bostader\", en = \"housing\""),
        line(&programme, "slug = { sv = \"bostader\", en = \"new"),
    );
    assert!(
        err.contains(&format!(
            "content/tillvaxt/programme.toml:{later}:8: two pages have the same address /sv/tillvaxt/bostader/"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("the other is content/tillvaxt/programme.toml:{first}; give one of them")), "{err}");
    let about = line(&f.read_source("content/om.en.md"), "slug = ");
    assert!(err.contains(&format!("content/om.en.md:{about}:1: two pages have the same address /en/growth/")), "{err}");
    assert!(err.contains("the other is content/tillvaxt/programme.toml; give one of them"), "{err}");
}

#[test]
fn files_that_are_not_text_do_not_panic() {
    let f = Fixture::new();
    std::fs::write(f.root().join("content/tillvaxt/indicators/utslapp.toml"), [0xff, 0xfe, 0x00, 0x12]).unwrap();
    let err = fails(&f);
    assert!(err.contains("utslapp.toml:1:1: the file is not valid UTF-8 text"), "{err}");
}

#[test]
fn a_markdown_file_without_language_is_an_error() {
    let f = Fixture::new();
    f.write("content/kontakt.md", "Hej");
    let err = fails(&f);
    assert!(err.contains("content/kontakt.md: the file name does not say which language"), "{err}");
    assert!(err.contains("name it kontakt.sv.md or kontakt.en.md"), "{err}");
}

#[test]
fn missing_site_toml_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = crate::common::run(&["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("error: site.toml: no site.toml in"), "{stderr}");
}
