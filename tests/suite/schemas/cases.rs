//! Small mistakes that both the schemas and `goalsite check` refuse, and
//! valid variations that both accept: each a change to one file of the
//! test fixture.

use super::schema_errors;
use crate::common::Fixture;

/// A change to one of the fixture's files.
enum Change {
    /// Replace the first `from` with `to` in the file.
    Edit(&'static str, &'static str),
    /// Several such replacements, in order.
    Edits(&'static [(&'static str, &'static str)]),
    /// Add text at the end of the file.
    Append(&'static str),
    /// Replace the whole file.
    Write(&'static str),
}

struct Case {
    what: &'static str,
    file: &'static str,
    change: Change,
}

const SITE: &str = "site.toml";
const PROGRAMME: &str = "content/tillvaxt/programme.toml";
const INDICATOR: &str = "content/tillvaxt/indicators/utslapp.toml";
const ASSESSMENTS: &str = "content/tillvaxt/assessments/2024.toml";
const VALUES: &str = r#"values = [96.5, "-", -1.25]"#;
const SOURCE: &str = r#"source = { sv = "Testkälla", en = "Test source" }"#;
const TARGET: &str = "target = { sv = \"Vi bygger 100 bostäder per år.\", en = \"We build 100 homes a year.\" }\n";
const MOTIVATION: &str = "motivation = { sv = \"Bättre än i fjol.\", en = \"Better than last year.\" }\n";

use Change::{Append, Edit, Edits, Write};

/// The site title's table in the fixture's `site.toml`.
const TITLE: &str = "[title]\nsv = \"Testkommunens uppföljning\"\nen = \"Test municipality follow-up\"\n";

/// Mistakes both the schema and `goalsite check` refuse.
const INVALID: &[Case] = &[
    Case { what: "an unknown key in site.toml", file: SITE, change: Edit("theme = ", "colour = \"blue\"\ntheme = ") },
    Case { what: "report_year as text", file: SITE, change: Edit("report_year = 2024", "report_year = \"2024\"") },
    Case { what: "a report year that is no year", file: SITE, change: Edit("report_year = 2024", "report_year = 24") },
    Case { what: "a scale step of an unknown kind", file: SITE, change: Edit("kind = \"met\"", "kind = \"good\"") },
    Case {
        what: "a misspelled [[scale]]",
        file: SITE,
        change: Edit("[[scale]]\nid = \"ja\"", "[[skala]]\nid = \"ja\""),
    },
    Case { what: "a language code in capitals", file: SITE, change: Edit("code = \"en\"", "code = \"EN\"") },
    Case { what: "an empty title", file: SITE, change: Edit("en = \"Test municipality follow-up\"", "en = \"\"") },
    Case {
        what: "a title as a number",
        file: SITE,
        change: Edits(&[(TITLE, ""), ("report_year = ", "title = 3\nreport_year = ")]),
    },
    Case {
        what: "a title's text as a number",
        file: SITE,
        change: Edit("sv = \"Testkommunens uppföljning\"", "sv = 3"),
    },
    Case {
        what: "a base URL without https://",
        file: SITE,
        change: Edit("https://example.org/follow-up/", "example.org/follow-up/"),
    },
    Case { what: "a misspelled key in [branding]", file: SITE, change: Append("\n[branding]\nacent = \"#0b5a8a\"\n") },
    Case { what: "an accent that is no colour", file: SITE, change: Append("\n[branding]\naccent = \"blue\"\n") },
    Case {
        what: "logo_alt without a logo",
        file: SITE,
        change: Append("\n[branding]\nlogo_alt = { sv = \"Logga\", en = \"Logo\" }\n"),
    },
    Case { what: "an unknown raw_html rule", file: SITE, change: Append("\n[check]\nraw_html = \"allow\"\n") },
    Case { what: "png as text", file: SITE, change: Append("\n[downloads]\npng = \"yes\"\n") },
    Case {
        what: "a footer e-mail that is no address",
        file: SITE,
        change: Edit("[footer]\n", "[footer]\nemail = \"kommunen\"\n"),
    },
    Case {
        what: "a javascript: website",
        file: SITE,
        change: Edit("[footer]\n", "[footer]\nwebsite = \"javascript:alert(1)\"\n"),
    },
    Case { what: "an accessibility statement of unknown status", file: SITE, change: Append(ACCESSIBILITY_BAD_STATUS) },
    Case { what: "an accessibility statement without a date", file: SITE, change: Append(ACCESSIBILITY_NO_DATE) },
    Case {
        what: "an indicator with chart = \"pie\"",
        file: INDICATOR,
        change: Edit("years = ", "chart = \"pie\"\nyears = "),
    },
    Case { what: "a data value \"n/a\"", file: INDICATOR, change: Edit(VALUES, "values = [96.5, \"n/a\", -1.25]") },
    Case {
        what: "a value of unknown status",
        file: INDICATOR,
        change: Edit(VALUES, "values = [{ value = 96.5, status = \"guessed\" }, \"-\", -1.25]"),
    },
    Case {
        what: "an unknown key in a value",
        file: INDICATOR,
        change: Edit(VALUES, "values = [{ value = 96.5, source = \"SCB\" }, \"-\", -1.25]"),
    },
    Case { what: "a series of only gaps", file: INDICATOR, change: Edit(VALUES, "values = [\"-\", \"-\", \"\"]") },
    Case { what: "a value too large to draw", file: INDICATOR, change: Edit(VALUES, "values = [96.5, 2e15, -1.25]") },
    Case { what: "an indicator without a source", file: INDICATOR, change: Edit(SOURCE, "") },
    Case { what: "too many decimals", file: INDICATOR, change: Edit("years = ", "decimals = 9\nyears = ") },
    Case { what: "a slug with capitals", file: INDICATOR, change: Edit("en = \"emissions\"", "en = \"Emissions\"") },
    Case { what: "a year that is no year", file: INDICATOR, change: Edit("years = [2019, ", "years = [19, ") },
    Case {
        what: "years listed twice",
        file: INDICATOR,
        change: Edit("years = [2019, 2020, 2021]", "years = [2019, 2019, 2021]"),
    },
    Case {
        what: "a target without a year",
        file: INDICATOR,
        change: Edit("target = { value = 14, year = 2025 }", "target = { value = 14 }"),
    },
    Case {
        what: "years and categories both",
        file: INDICATOR,
        change: Append("\n[[category]]\nname = \"Umeå\"\nvalue = 3\n"),
    },
    Case { what: "a comparison without its year", file: INDICATOR, change: Write(CATEGORIES_NO_YEAR) },
    Case { what: "a line chart of categories", file: INDICATOR, change: Write(CATEGORIES_LINE) },
    Case { what: "a category without a value", file: INDICATOR, change: Write(CATEGORY_GAP) },
    Case { what: "a goal without target", file: PROGRAMME, change: Edit(TARGET, "") },
    Case {
        what: "a goal id with a space",
        file: PROGRAMME,
        change: Edit("id = \"bostader\"", "id = \"nya bostader\""),
    },
    Case {
        what: "an indicator listed twice",
        file: PROGRAMME,
        change: Edit("indicators = [\"utslapp\"]", "indicators = [\"utslapp\", \"utslapp\"]"),
    },
    Case {
        what: "a programme with the old [[goal.assessment]] table",
        file: PROGRAMME,
        change: Append("\n[[goal.assessment]]\nyear = 2024\nstatus = \"delvis\"\n"),
    },
    Case { what: "an unknown key in programme.toml", file: PROGRAMME, change: Edit("summary = ", "sumary = ") },
    Case {
        what: "an assessment with an unknown key",
        file: ASSESSMENTS,
        change: Edit("status = \"delvis\"", "status = \"delvis\"\ncomment = \"Bra\""),
    },
    Case { what: "an assessment without status", file: ASSESSMENTS, change: Edit("status = \"delvis\"\n", "") },
    Case { what: "an assessment that is not a table", file: ASSESSMENTS, change: Write("bostader = \"delvis\"\n") },
    Case {
        what: "still_valid as text",
        file: PROGRAMME,
        change: Edit("summary = ", "still_valid = \"2024\"\nsummary = "),
    },
    Case {
        what: "still_valid as a decimal",
        file: INDICATOR,
        change: Edit("years = ", "still_valid = 2024.5\nyears = "),
    },
    Case {
        what: "a correction that is no text",
        file: ASSESSMENTS,
        change: Edit("status = \"delvis\"", "status = \"delvis\"\ncorrection = true"),
    },
];

/// Variations both the schema and `goalsite check` accept.
const VALID: &[Case] = &[
    Case { what: "the fixture as it is", file: SITE, change: Append("") },
    Case { what: "a text as a plain string", file: INDICATOR, change: Edit(SOURCE, r#"source = "SCB""#) },
    Case {
        what: "the site title as a plain string",
        file: SITE,
        change: Edits(&[(TITLE, ""), ("report_year = ", "title = \"Testkommunen\"\nreport_year = ")]),
    },
    Case {
        what: "a value with a status",
        file: INDICATOR,
        change: Edit(VALUES, r#"values = [{ value = 1, status = "derived" }, "-", -1.25]"#),
    },
    Case {
        what: "a value with a status and a note",
        file: INDICATOR,
        change: Edit(
            VALUES,
            r#"values = [{ value = 96.5, status = "estimated", note = { sv = "Skattat", en = "Estimate" } }, "-", 3]"#,
        ),
    },
    Case {
        what: "a gap in the table form",
        file: INDICATOR,
        change: Edit(VALUES, r#"values = [96.5, { value = "-", status = "preliminary" }, -1.25]"#),
    },
    Case {
        what: "\"-\", \"–\" and \"\" for gaps",
        file: INDICATOR,
        change: Edit(
            VALUES,
            "values = [96.5, \"–\", -1.25]\n\n[[series]]\nname = \"Riket\"\nvalues = [\"-\", \"\", 3]",
        ),
    },
    Case {
        what: "every optional key of an indicator",
        file: INDICATOR,
        change: Edit(
            "years = ",
            r#"note = { sv = "Not.", en = "Note." }
example_data = true
order = 2
label = { sv = "Diagram 1", en = "Chart 1" }
decimals = 2
chart = "bar"
years = "#,
        ),
    },
    Case {
        what: "a target with a label",
        file: INDICATOR,
        change: Edit(
            "target = { value = 14, year = 2025 }",
            r#"target = { value = 14.5, year = 2030, label = { sv = "Mål", en = "Target" } }"#,
        ),
    },
    Case { what: "a highlighted series", file: INDICATOR, change: Append("highlight = true\n") },
    Case { what: "a comparison by category", file: INDICATOR, change: Write(CATEGORIES) },
    Case {
        what: "menu_title",
        file: PROGRAMME,
        change: Edit("slug = ", "menu_title = { sv = \"Tillväxt\", en = \"Growth\" }\nslug = "),
    },
    Case {
        what: "a programme's order and note for no goals",
        file: PROGRAMME,
        change: Edit("slug = ", "order = 2\nno_goals_note = { sv = \"Inga delmål.\", en = \"No goals.\" }\nslug = "),
    },
    Case { what: "[branding] accent", file: SITE, change: Append("\n[branding]\naccent = \"#0b5a8a\"\n") },
    Case { what: "a short accent", file: SITE, change: Append("\n[branding]\naccent = \"#036\"\n") },
    Case {
        what: "[check] and [downloads]",
        file: SITE,
        change: Append(
            "\n[check]\nraw_html = \"forbid\"\nmissing_translation = \"warn\"\n\n[downloads]\npng = false\n",
        ),
    },
    Case {
        what: "a not-assessed step with a description",
        file: SITE,
        change: Edit(
            "[footer]",
            r#"[[scale]]
id = "ej"
kind = "not-assessed"
label = { sv = "Ej bedömt", en = "Not assessed" }
description = "–"

[footer]"#,
        ),
    },
    Case {
        what: "a full footer",
        file: SITE,
        change: Edit(
            "[footer]\n",
            r#"[footer]
website = "https://example.org/"
email = "kommunen@example.org"
phone = "090-16 10 00"
address = { sv = "Storgatan 1", en = "Storgatan 1, Sweden" }
"#,
        ),
    },
    Case { what: "an accessibility statement", file: SITE, change: Append(ACCESSIBILITY) },
    Case { what: "an assessment without a motivation", file: ASSESSMENTS, change: Edit(MOTIVATION, "") },
    Case {
        what: "a programme still valid",
        file: PROGRAMME,
        change: Edit("summary = ", "still_valid = 2024\nsummary = "),
    },
    Case {
        what: "an indicator still valid",
        file: INDICATOR,
        change: Edit("years = ", "still_valid = 2024\nyears = "),
    },
    Case {
        what: "a corrected assessment",
        file: ASSESSMENTS,
        change: Append("correction = { sv = \"Rättad siffra.\", en = \"Corrected figure.\" }\n"),
    },
];

const ACCESSIBILITY: &str = r#"
[accessibility]
slug = { sv = "tillganglighet", en = "accessibility" }
status = "partial"
statement_date = 2026-11-27
contact = { sv = "Kontakta oss.", en = "Contact us." }
contact_url = "https://example.org/kontakt/"
shortcomings = [{ sv = "Ej granskad.", en = "Not reviewed." }]
method = "WCAG-EM"
supervisor = { sv = "Digg", en = "Digg" }
supervisor_url = "https://www.digg.se/"
"#;

const ACCESSIBILITY_BAD_STATUS: &str = r#"
[accessibility]
slug = { sv = "tillganglighet", en = "accessibility" }
status = "partly"
statement_date = 2026-11-27
contact = "Kontakt"
method = "WCAG-EM"
supervisor = "Digg"
supervisor_url = "https://www.digg.se/"
"#;

const ACCESSIBILITY_NO_DATE: &str = r#"
[accessibility]
slug = { sv = "tillganglighet", en = "accessibility" }
status = "full"
contact = "Kontakt"
method = "WCAG-EM"
supervisor = "Digg"
supervisor_url = "https://www.digg.se/"
"#;

const CATEGORIES: &str = r#"title = { sv = "Utsläpp", en = "Emissions" }
source = "SCB"
year = 2023
chart = "hbar"

[[category]]
name = "Umeå"
value = 81.5
highlight = true

[[category]]
name = { sv = "Riket", en = "Sweden" }
value = { value = 70.25, status = "preliminary" }
national = true
"#;

const CATEGORIES_NO_YEAR: &str = r#"title = { sv = "Utsläpp", en = "Emissions" }
source = "SCB"

[[category]]
name = "Umeå"
value = 81.5
"#;

const CATEGORIES_LINE: &str = r#"title = { sv = "Utsläpp", en = "Emissions" }
source = "SCB"
year = 2023
chart = "line"

[[category]]
name = "Umeå"
value = 81.5
"#;

const CATEGORY_GAP: &str = r#"title = { sv = "Utsläpp", en = "Emissions" }
source = "SCB"
year = 2023

[[category]]
name = "Umeå"
value = "-"
"#;

/// The fixture with `case` applied; returns the schema's errors for the
/// changed file, and `goalsite check`'s exit code and output.
fn apply(case: &Case) -> (Vec<String>, i32, String) {
    let f = Fixture::new();
    match case.change {
        Edit(from, to) => f.edit(case.file, from, to),
        Edits(edits) => edits.iter().for_each(|(from, to)| f.edit(case.file, from, to)),
        Append(text) => {
            let old = std::fs::read_to_string(f.root().join(case.file)).unwrap();
            f.write(case.file, &(old + text));
        }
        Write(text) => f.write(case.file, text),
    }
    let errors = schema_errors(&f.root().join(case.file));
    let (code, stdout, stderr) = f.check(&[]);
    (errors, code, format!("{stdout}{stderr}"))
}

#[test]
fn check_and_the_schemas_refuse_the_same_mistakes() {
    let mut failures = Vec::new();
    for case in INVALID {
        let (errors, code, output) = apply(case);
        if errors.is_empty() {
            failures.push(format!(
                "{} ({}): the schema accepts it; check says (exit {code}):\n{output}",
                case.what, case.file
            ));
        }
        if code != 1 {
            failures.push(format!(
                "{} ({}): check exits {code}, not 1:\n{output}\nthe schema says:\n{}",
                case.what,
                case.file,
                errors.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn check_and_the_schemas_accept_the_same_variations() {
    let mut failures = Vec::new();
    for case in VALID {
        let (errors, code, output) = apply(case);
        if !errors.is_empty() {
            failures.push(format!("{} ({}): the schema refuses it:\n{}", case.what, case.file, errors.join("\n")));
        }
        if code != 0 {
            failures.push(format!("{} ({}): check exits {code}, not 0:\n{output}", case.what, case.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
