//! The JSON Schemas in `schemas/` (which editors' TOML tools read to
//! complete and check what editors type) agree with what goalsite reads:
//! every TOML file of the Umeå site and of the test fixtures passes its
//! schema, and a set of small mistakes is refused both by the schema and by
//! `goalsite check`, while valid variations pass both.

use std::path::{Path, PathBuf};

use crate::common::Fixture;
use serde_json::Value as Json;

/// The four kinds of TOML file goalsite reads, each with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Schema {
    Site,
    Programme,
    Indicator,
    Assessments,
}

const ALL: [Schema; 4] = [Schema::Site, Schema::Programme, Schema::Indicator, Schema::Assessments];

impl Schema {
    fn file_name(self) -> &'static str {
        match self {
            Schema::Site => "site.schema.json",
            Schema::Programme => "programme.schema.json",
            Schema::Indicator => "indicator.schema.json",
            Schema::Assessments => "assessments.schema.json",
        }
    }

    /// The schema of the TOML file at `path`, from its name and folder, as
    /// goalsite tells them apart; none for other TOML files (a theme's).
    fn for_path(path: &Path) -> Option<Schema> {
        let name = path.file_name()?.to_str()?;
        let folder = path.parent().and_then(Path::file_name).and_then(|n| n.to_str()).unwrap_or("");
        match (name, folder) {
            ("site.toml", _) => Some(Schema::Site),
            ("programme.toml", _) => Some(Schema::Programme),
            (n, "indicators") if n.ends_with(".toml") => Some(Schema::Indicator),
            (n, "assessments") if n.ends_with(".toml") => Some(Schema::Assessments),
            _ => None,
        }
    }

    fn json(self) -> Json {
        let path = crate::common::repo().join("schemas").join(self.file_name());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
    }

    fn validator(self) -> jsonschema::Validator {
        jsonschema::validator_for(&self.json()).unwrap_or_else(|e| panic!("{} is not a schema: {e}", self.file_name()))
    }

    /// What the schema says is wrong with `instance`: one line per error.
    fn errors(self, instance: &Json) -> Vec<String> {
        let validator = self.validator();
        validator
            .iter_errors(instance)
            .map(|e| {
                let at = e.instance_path().to_string();
                if at.is_empty() {
                    e.to_string()
                } else {
                    format!("{at}: {e}")
                }
            })
            .collect()
    }
}

/// A TOML value as the JSON that editors' tools check against a schema:
/// dates become their text (`2026-11-27`).
fn to_json(value: toml::Value) -> Json {
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        // JSON has no nan or inf; as text they fail every number check, as in goalsite.
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(f).map_or_else(|| Json::String(f.to_string()), Json::Number)
        }
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// The TOML file at `path` as JSON.
fn read_toml(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not TOML: {e}", path.display()));
    to_json(toml::Value::Table(table))
}

/// What the schema for `path` says is wrong with it.
fn schema_errors(path: &Path) -> Vec<String> {
    let schema = Schema::for_path(path).unwrap_or_else(|| panic!("no schema for {}", path.display()));
    schema.errors(&read_toml(path))
}

/// Every `*.toml` file under `dir`, sorted.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Checks every TOML file of the site at `root` against its schema; returns
/// how many files of each kind there were. A TOML file goalsite would not
/// read as one of the four kinds fails the test, except a theme's own files.
fn assert_site_matches(root: &Path) -> Vec<(Schema, usize)> {
    let mut failures = Vec::new();
    let mut counts: Vec<(Schema, usize)> = ALL.iter().map(|s| (*s, 0)).collect();
    for path in toml_files(root) {
        let rel = path.strip_prefix(root).unwrap();
        if rel.starts_with("themes") {
            continue;
        }
        let Some(schema) = Schema::for_path(rel) else {
            failures.push(format!("{}: no schema for this TOML file", rel.display()));
            continue;
        };
        counts.iter_mut().find(|(s, _)| *s == schema).unwrap().1 += 1;
        for e in schema.errors(&read_toml(&path)) {
            failures.push(format!("{} ({}): {e}", rel.display(), schema.file_name()));
        }
    }
    assert!(failures.is_empty(), "files that do not match their schema:\n{}", failures.join("\n"));
    counts
}

fn count(counts: &[(Schema, usize)], schema: Schema) -> usize {
    counts.iter().find(|(s, _)| *s == schema).map_or(0, |(_, n)| *n)
}

#[test]
fn schemas_are_draft_07_with_an_id_a_title_and_bilingual_descriptions() {
    for schema in ALL {
        let json = schema.json();
        let name = schema.file_name();
        assert_eq!(json["$schema"], "http://json-schema.org/draft-07/schema#", "{name}");
        assert_eq!(json["$id"], format!("https://goalsite.invalid/schemas/{name}").as_str(), "{name}");
        assert!(json["title"].is_string(), "{name} has no title");
        if let Err(e) = jsonschema::meta::validate(&json) {
            panic!("{name} is not a valid draft-07 schema: {e} at {}", e.instance_path());
        }
        let mut undescribed = Vec::new();
        described(&json, "#", &mut undescribed);
        assert!(
            undescribed.is_empty(),
            "{name}: properties without an English / Swedish description:\n{undescribed:#?}"
        );
    }
}

/// Collects properties (under `properties` anywhere in `schema`) whose
/// description is missing or lacks the " / " between English and Swedish.
/// A property that is only a `$ref` is described by what it refers to.
fn described(schema: &Json, at: &str, missing: &mut Vec<String>) {
    match schema {
        Json::Object(map) => {
            if let Some(Json::Object(props)) = map.get("properties") {
                for (key, prop) in props {
                    let only_ref = prop.as_object().is_some_and(|o| o.len() == 1 && o.contains_key("$ref"));
                    let is_false = prop == &Json::Bool(false);
                    let ok = prop["description"].as_str().is_some_and(|d| d.contains(" / "));
                    // In `if`/`then`/`else` and `dependencies`, properties only narrow ones described elsewhere.
                    let narrowing = ["/if", "/then", "/else", "/dependencies"].iter().any(|k| at.contains(k));
                    if !ok && !only_ref && !is_false && !narrowing {
                        missing.push(format!("{at}/properties/{key}"));
                    }
                }
            }
            for (key, value) in map {
                described(value, &format!("{at}/{key}"), missing);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                described(item, &format!("{at}/{i}"), missing);
            }
        }
        _ => {}
    }
}

#[test]
fn every_toml_file_of_the_umea_site_matches_its_schema() {
    let repo = crate::common::repo();
    let errors = schema_errors(&repo.join("site.toml"));
    assert!(errors.is_empty(), "site.toml does not match site.schema.json:\n{}", errors.join("\n"));
    let counts = assert_site_matches(&repo.join("content"));
    assert!(count(&counts, Schema::Programme) >= 3, "{counts:?}");
    assert!(count(&counts, Schema::Indicator) >= 1, "{counts:?}");
    assert!(count(&counts, Schema::Assessments) >= 1, "{counts:?}");
}

#[test]
fn every_toml_file_of_the_fixtures_matches_its_schema() {
    let f = Fixture::new();
    let counts = assert_site_matches(f.root());
    for schema in ALL {
        assert!(count(&counts, schema) >= 1, "the fixture has no file for {}: {counts:?}", schema.file_name());
    }
    let charts = crate::common::repo().join("tests/fixtures/charts");
    let counts = assert_site_matches(&charts);
    assert_eq!(count(&counts, Schema::Site), 1, "{counts:?}");
    assert!(count(&counts, Schema::Indicator) >= 5, "{counts:?}");
}

#[test]
fn every_toml_file_goalsite_init_writes_matches_its_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("norrvik");
    let (code, stdout, stderr) =
        crate::common::run(&["init", dir.to_str().unwrap(), "--languages", "sv,en", "--name", "Norrviks kommun"]);
    assert_eq!(code, 0, "goalsite init failed:\n{stdout}\n{stderr}");
    let counts = assert_site_matches(&dir);
    for schema in ALL {
        assert!(count(&counts, schema) >= 1, "init wrote no file for {}: {counts:?}", schema.file_name());
    }
}

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

#[test]
fn a_date_becomes_its_text_and_a_toml_file_picks_its_schema_by_place() {
    let json = to_json(toml::Value::Table(toml::from_str("d = 2026-11-27\nf = 1.5\n").unwrap()));
    assert_eq!(json, serde_json::json!({ "d": "2026-11-27", "f": 1.5 }));
    for (path, schema) in [
        ("site.toml", Some(Schema::Site)),
        ("content/tillvaxt/programme.toml", Some(Schema::Programme)),
        ("content/tillvaxt/indicators/utslapp.toml", Some(Schema::Indicator)),
        ("content/tillvaxt/assessments/2024.toml", Some(Schema::Assessments)),
        ("themes/default/theme.toml", None),
    ] {
        assert_eq!(Schema::for_path(Path::new(path)), schema, "{path}");
    }
}
