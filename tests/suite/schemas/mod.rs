//! The JSON Schemas of goalsite's TOML files (which editors' TOML tools read
//! to complete and check what editors type), derived from the types that
//! read the files: `schemas/` holds them as the types generate them, and
//! they agree with what goalsite reads: every TOML file of the Umeå site, of
//! the test fixtures, of `goalsite init` and of the editor's guides
//! (`guides`) passes its schema, and a set of small mistakes is refused both
//! by the schema and by `goalsite check`, while valid variations pass both
//! (`cases`).
//!
//! After changing a type, write the files anew with
//! `UPDATE_SCHEMAS=1 cargo test --test suite schemas` and review the diff.

mod cases;
mod guides;

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

    /// The schema as the types generate it.
    fn json(self) -> Json {
        let name = self.file_name();
        goalsite::json_schemas().into_iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no {name}")).json
    }

    /// What the schema says is wrong with `instance`: one line per error.
    fn errors(self, instance: &Json) -> Vec<String> {
        errors(&self.json(), instance)
    }
}

/// What `schema` says is wrong with `instance`: one line per error.
fn errors(schema: &Json, instance: &Json) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap_or_else(|e| panic!("not a schema: {e}"));
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

/// TOML text as JSON; `what` names it when it is not TOML.
fn toml_to_json(text: &str, what: &str) -> Json {
    let table: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{what} is not TOML: {e}"));
    to_json(toml::Value::Table(table))
}

/// The TOML file at `path` as JSON.
fn read_toml(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml_to_json(&text, &path.display().to_string())
}

/// What the schema for `path` says is wrong with it.
fn schema_errors(path: &Path) -> Vec<String> {
    let schema = Schema::for_path(path).unwrap_or_else(|| panic!("no schema for {}", path.display()));
    schema.errors(&read_toml(path))
}

/// Every file under `dir` whose name ends in `ext`, sorted.
fn files_ending(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(ext))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Checks every TOML file of the site at `root` (or of its `content/`)
/// against its schema, and every Markdown file's front matter against the
/// front matter's; returns
/// how many TOML files of each kind there were. A TOML file goalsite would
/// not read as one of the four kinds fails the test, except a theme's own.
fn assert_site_matches(root: &Path) -> Vec<(Schema, usize)> {
    let mut failures = Vec::new();
    let mut counts: Vec<(Schema, usize)> = ALL.iter().map(|s| (*s, 0)).collect();
    for path in files_ending(root, ".toml") {
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
    failures.extend(front_matter_errors(root));
    assert!(failures.is_empty(), "files that do not match their schema:\n{}", failures.join("\n"));
    counts
}

/// What the front matter's schema says is wrong with the Markdown files
/// under `root` (a theme's aside).
fn front_matter_errors(root: &Path) -> Vec<String> {
    let schema = goalsite::front_matter_schema().json;
    let mut failures = Vec::new();
    for path in files_ending(root, ".md").into_iter().filter(|p| !p.strip_prefix(root).unwrap().starts_with("themes")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(front) = text.strip_prefix("+++\n").and_then(|t| t.split_once("\n+++")).map(|(f, _)| f) else {
            continue;
        };
        for e in errors(&schema, &toml_to_json(front, &path.display().to_string())) {
            failures.push(format!("{} (front matter): {e}", path.display()));
        }
    }
    failures
}

fn count(counts: &[(Schema, usize)], schema: Schema) -> usize {
    counts.iter().find(|(s, _)| *s == schema).map_or(0, |(_, n)| *n)
}

/// `schemas/` is what the types generate (or, with `UPDATE_SCHEMAS=1`,
/// becomes it): editors who open this repository, and the guides, read
/// these files.
#[test]
fn the_schema_files_are_what_the_types_generate() {
    let dir = crate::common::repo().join("schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for file in goalsite::json_schemas() {
        let path = dir.join(file.name);
        if update {
            std::fs::write(&path, file.text()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(file.text().as_str()) {
            stale.push(file.name);
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/ differs from what the types generate: {stale:?}; write them anew with \
         `UPDATE_SCHEMAS=1 cargo test --test suite schemas` and review the diff"
    );
    let mut names: Vec<String> =
        files_ending(&dir, ".json").iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        ["assessments.schema.json", "indicator.schema.json", "programme.schema.json", "site.schema.json"]
    );
}

#[test]
fn schemas_are_draft_07_with_an_id_a_title_and_described_properties() {
    let schemas = goalsite::json_schemas().into_iter().chain([goalsite::front_matter_schema()]);
    for schema in schemas {
        let (json, name) = (&schema.json, schema.name);
        assert_eq!(json["$schema"], "http://json-schema.org/draft-07/schema#", "{name}");
        assert_eq!(json["$id"], format!("https://goalsite.invalid/schemas/{name}").as_str(), "{name}");
        assert!(json["title"].is_string(), "{name} has no title");
        if let Err(e) = jsonschema::meta::validate(json) {
            panic!("{name} is not a valid draft-07 schema: {e} at {}", e.instance_path());
        }
        let mut undescribed = Vec::new();
        described(json, json, "#", &mut undescribed);
        assert!(undescribed.is_empty(), "{name}: properties without a description:\n{undescribed:#?}");
    }
}

/// Collects properties (under `properties` anywhere in `schema`, a part of
/// `root`) that have no description, themselves or in the definition they
/// refer to. (That every description is in English and Swedish, the unit
/// tests check.)
fn described(root: &Json, schema: &Json, at: &str, missing: &mut Vec<String>) {
    match schema {
        Json::Object(map) => {
            if let Some(Json::Object(props)) = map.get("properties") {
                // In `if`/`then`/`else` and `dependencies`, properties only narrow ones described elsewhere.
                let narrowing = ["/if", "/then", "/else", "/dependencies"].iter().any(|k| at.contains(k));
                for (key, prop) in props.iter().filter(|_| !narrowing) {
                    let target = prop["$ref"].as_str().and_then(|r| root.pointer(r.trim_start_matches('#')));
                    if !prop["description"].is_string() && !target.is_some_and(|t| t["description"].is_string()) {
                        missing.push(format!("{at}/properties/{key}"));
                    }
                }
            }
            for (key, value) in map {
                described(root, value, &format!("{at}/{key}"), missing);
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                described(root, item, &format!("{at}/{i}"), missing);
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
        let written = std::fs::read_to_string(dir.join("schemas").join(schema.file_name())).unwrap();
        assert_eq!(serde_json::from_str::<Json>(&written).unwrap(), schema.json(), "init's {}", schema.file_name());
    }
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
