//! Validation rules, tested in memory: a `site.toml`, a programme and its
//! indicators as text, and the exact problems found (message, line, column).

use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::load::{Loaded, LoadedAssessments, LoadedIndicator, LoadedProgramme};
use crate::locale::Lang;
use crate::model::Site;
use crate::source::Source;

const SITE: &str = r#"base_url = "https://example.org/"
report_year = 2024
languages = [{ code = "sv", name = "Svenska" }, { code = "en", name = "English" }]
title = { sv = "Uppföljning", en = "Follow-up" }
description = { sv = "Mål", en = "Goals" }
scale = [
  { id = "ja", kind = "met", label = { sv = "Ja", en = "Yes" } },
  { id = "nej", kind = "not-met", label = { sv = "Nej", en = "No" } },
]
footer = { organisation = "Kommunen" }
open_data = { licence = "CC0-1.0", contact_email = "data@example.org", published = 2025-03-31 }
"#;

const PROGRAMME: &str = r#"title = { sv = "Tillväxt", en = "Growth" }

[[goal]]
id = "bostader"
title = { sv = "Bostäder", en = "Housing" }
target = { sv = "Fler bostäder.", en = "More homes." }
indicators = ["byggda"]
"#;

const ASSESSMENTS: &str = r#"[bostader]
status = "ja"
motivation = { sv = "Bra.", en = "Good." }
"#;

const INDICATOR: &str = r#"title = { sv = "Byggda bostäder", en = "Homes built" }
source = "SCB"
years = [2022, 2023]

[[series]]
name = "Umeå"
values = [1200, 1500]
"#;

fn source(path: &str, text: &str) -> Arc<Source> {
    Arc::new(Source::new(path, text))
}

/// Validates a site of one programme with the given indicators and its 2024 assessments.
fn validate(site: &str, programme: &str, indicators: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
    validate_years(site, programme, indicators, &[(2024, ASSESSMENTS)])
}

/// Validates a site of one programme with the given indicators and assessment files.
fn validate_years(
    site: &str,
    programme: &str,
    indicators: &[(&str, &str)],
    years: &[(i32, &str)],
) -> (Site, Vec<Diagnostic>) {
    let config_source = source("site.toml", site);
    let config: SiteConfig = crate::toml_file::parse(&config_source).expect("site.toml parses");
    let programme_source = source("content/p/programme.toml", programme);
    let indicators = indicators
        .iter()
        .map(|(id, text)| {
            let source = source(&format!("content/p/indicators/{id}.toml"), text);
            let data = crate::toml_file::parse(&source).expect("the indicator parses");
            LoadedIndicator { id: id.to_string(), source, data }
        })
        .collect();
    let mut narrative = crate::model::Docs::new();
    for lang in ["sv", "en"] {
        let doc = source(&format!("content/p/_index.{lang}.md"), "Text.");
        narrative
            .insert(Lang::known(lang), Box::new(crate::load::markdown_file::parse(doc, Lang::known(lang)).unwrap()));
    }
    let loaded = Loaded {
        programmes: vec![LoadedProgramme {
            id: "p".into(),
            data: crate::toml_file::parse(&programme_source).expect("programme.toml parses"),
            source: programme_source,
            narrative,
            indicators,
            assessments: years
                .iter()
                .map(|(year, text)| {
                    let source = source(&format!("content/p/assessments/{year}.toml"), text);
                    let data = crate::toml_file::parse(&source).expect("the assessments parse");
                    LoadedAssessments { year: *year, source, data }
                })
                .collect(),
        }],
        ..Loaded::default()
    };
    let mut problems = crate::diagnostics::Problems::new();
    let history = crate::editions::History::default();
    let site = super::validate(std::path::Path::new("."), &config, &config_source, loaded, &history, &mut problems);
    let problems = problems.into_vec().into_iter().filter(|d| !d.file.ends_with(".md")).collect();
    (site, problems)
}

/// `file:line:column: message` of every problem.
fn messages(problems: &[Diagnostic]) -> Vec<String> {
    problems
        .iter()
        .map(|d| match d.location() {
            Some(l) => format!("{}:{}:{}: {}", d.file, l.line, l.column, d.message),
            None => format!("{}: {}", d.file, d.message),
        })
        .collect()
}

#[test]
fn a_valid_site_has_no_problems_and_resolves_references() {
    let (site, problems) = validate(SITE, PROGRAMME, &[("byggda", INDICATOR)]);
    assert!(problems.is_empty(), "{:?}", messages(&problems));
    let goal = &site.goals[0];
    assert_eq!(goal.indicators, [crate::model::IndicatorId(0)]);
    assert_eq!(site.indicators[0].goals, [crate::model::GoalId(0)], "the indicator knows who follows it");
    assert_eq!(site.settings.scale[goal.assessments[0].step].id, "ja");
}

#[test]
fn an_unknown_status_points_at_it_and_suggests_the_nearest() {
    let assessments = ASSESSMENTS.replace("\"ja\"", "\"jaa\"");
    let (_, problems) = validate_years(SITE, PROGRAMME, &[("byggda", INDICATOR)], &[(2024, &assessments)]);
    let unknown = "content/p/assessments/2024.toml:2:10: `jaa` is not one of the assessments the site uses (ja, nej)";
    // Only the error: the goal is named in the file, so no warning that it is unassessed.
    assert_eq!(messages(&problems), [unknown]);
    assert_eq!(problems[0].hint.as_ref().map(ToString::to_string).as_deref(), Some("did you mean `ja`?"));
}

#[test]
fn an_assessment_names_its_goal_and_an_unknown_goal_is_an_error() {
    let assessments = ASSESSMENTS.replace("[bostader]", "[bostder]");
    let (_, problems) = validate_years(SITE, PROGRAMME, &[("byggda", INDICATOR)], &[(2024, &assessments)]);
    let messages = messages(&problems);
    assert_eq!(
        messages[0],
        "content/p/assessments/2024.toml:1:2: there is no goal `bostder` in content/p/programme.toml"
    );
    assert_eq!(problems[0].hint.as_ref().map(ToString::to_string).as_deref(), Some("did you mean [bostader]?"));
}

#[test]
fn goals_without_an_assessment_for_the_report_year_are_warned_about() {
    let site = SITE.replace("report_year = 2024", "report_year = 2025");
    let (site, problems) = validate_years(&site, PROGRAMME, &[("byggda", INDICATOR)], &[(2024, ASSESSMENTS)]);
    assert_eq!(
        messages(&problems),
        ["content/p/programme.toml:4:6: the goal `bostader` has no assessment for 2025, the report year"]
    );
    assert!(!problems[0].is_error(), "a warning (an error with --deny-warnings)");
    assert_eq!(site.goals[0].assessments[0].year, 2024, "last year's assessment is kept");
}

#[test]
fn assessments_in_programme_toml_are_refused_with_the_new_shape() {
    let old = format!("{PROGRAMME}\n[[goal.assessment]]\nyear = 2024\nstatus = \"ja\"\n");
    let (_, problems) = validate(SITE, &old, &[("byggda", INDICATOR)]);
    let d = problems.iter().find(|d| d.message.to_string().contains("no longer")).expect("an error for the old shape");
    assert!(d.is_error());
    assert_eq!(d.message, "assessments are no longer written under a goal in programme.toml");
    let hint = d.hint.as_ref().unwrap().to_string();
    assert!(hint.ends_with("# content/p/assessments/2024.toml\n[bostader]\nstatus = \"ja\""), "{hint}");
}

#[test]
fn report_year_placeholders_are_filled_and_typos_are_warned_about() {
    let site = SITE.replace("sv = \"Uppföljning\"", "sv = \"Uppföljning {report_year}\"");
    let programme = PROGRAMME.replace("sv = \"Tillväxt\"", "sv = \"Tillväxt {report_yaer}\"");
    let (site, problems) = validate(&site, &programme, &[("byggda", INDICATOR)]);
    assert_eq!(site.settings.title.tr(Lang::known("sv")), "Uppföljning 2024");
    assert_eq!(
        messages(&problems),
        ["content/p/programme.toml:1:9: `{report_yaer}` is not a placeholder goalsite knows"]
    );
    assert!(!problems[0].is_error());
}

#[test]
fn a_missing_translation_of_a_title_is_an_error_at_the_title() {
    let programme =
        PROGRAMME.replace("title = { sv = \"Bostäder\", en = \"Housing\" }", "title = { sv = \"Bostäder\" }");
    let (_, problems) = validate(SITE, &programme, &[("byggda", INDICATOR)]);
    assert_eq!(messages(&problems), ["content/p/programme.toml:5:9: the goal title has no text in `en`"]);
}

#[test]
fn a_series_of_the_wrong_length_names_both_counts() {
    let indicator = INDICATOR.replace("[1200, 1500]", "[1200]");
    let (_, problems) = validate(SITE, PROGRAMME, &[("byggda", &indicator)]);
    assert_eq!(
        messages(&problems),
        ["content/p/indicators/byggda.toml:7:10: the series has 1 values but there are 2 years"]
    );
}

#[test]
fn an_unknown_indicator_reference_suggests_the_nearest_id() {
    let (_, problems) = validate(SITE, &PROGRAMME.replace("[\"byggda\"]", "[\"bygda\"]"), &[("byggda", INDICATOR)]);
    assert_eq!(messages(&problems), ["content/p/programme.toml:7:15: there is no indicator `bygda`"]);
    assert_eq!(problems[0].hint.as_ref().map(ToString::to_string).as_deref(), Some("did you mean `byggda`?"));
}

#[test]
fn years_out_of_range_or_twice_are_errors() {
    let indicator = INDICATOR.replace("[2022, 2023]", "[2022, 2022]").replace("[1200, 1500]", "[1, 2]");
    let (_, problems) = validate(SITE, PROGRAMME, &[("byggda", &indicator)]);
    assert_eq!(messages(&problems), ["content/p/indicators/byggda.toml:3:16: the year 2022 is listed twice"]);
    let (_, problems) = validate(&SITE.replace("2024", "20245"), PROGRAMME, &[("byggda", INDICATOR)]);
    assert_eq!(messages(&problems), ["site.toml: report_year 20245 is not a sensible year"]);
}
