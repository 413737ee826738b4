//! A small fixture site written into a temporary folder (using the built-in
//! theme), that tests change one file at a time.

#![allow(dead_code)]

pub mod copy;
pub mod serve;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub const SITE_TOML: &str = r#"base_url = "https://example.org/follow-up/"
theme = "default"
report_year = 2024

[[languages]]
code = "sv"
name = "Svenska"

[[languages]]
code = "en"
name = "English"

[title]
sv = "Testkommunens uppföljning"
en = "Test municipality follow-up"

[description]
sv = "Uppföljning av mål"
en = "Follow-up of goals"

[[scale]]
id = "ja"
kind = "met"
label = { sv = "Ja", en = "Yes" }

[[scale]]
id = "delvis"
kind = "partly"
label = { sv = "Delvis", en = "Partly" }

[[scale]]
id = "nej"
kind = "not-met"
label = { sv = "Nej", en = "No" }

[footer]
organisation = { sv = "Testkommunen", en = "Test Municipality" }

[open_data]
licence = "CC-BY-4.0"
contact_email = "data@example.org"
themes = ["GOVE"]
published = 2025-03-31
"#;

pub const PROGRAMME_TOML: &str = r#"title = { sv = "Program tillväxt", en = "Growth programme" }
slug = { sv = "tillvaxt", en = "growth" }
summary = { sv = "Kort om tillväxt.", en = "Growth in short." }

[[goal]]
id = "bostader"
slug = { sv = "bostader", en = "housing" }
title = { sv = "Bostäder", en = "Housing" }
target = { sv = "Vi bygger 100 bostäder per år.", en = "We build 100 homes a year." }
indicators = ["utslapp"]
"#;

/// `content/tillvaxt/assessments/2024.toml`.
pub const ASSESSMENTS_2024: &str = r#"[bostader]
status = "delvis"
motivation = { sv = "Bättre än i fjol.", en = "Better than last year." }
"#;

pub const INDICATOR_TOML: &str = r#"title = { sv = "Utsläpp", en = "Emissions" }
slug = { sv = "utslapp", en = "emissions" }
unit = "kton CO2e"
source = { sv = "Testkälla", en = "Test source" }
definition = { sv = "Utsläpp inom kommunen.", en = "Emissions in the municipality." }
target = { value = 14, year = 2025 }
years = [2019, 2020, 2021]

[[series]]
name = { sv = "Kommunen", en = "Municipality" }
values = [96.5, "-", -1.25]
"#;

impl Fixture {
    /// A valid two-language site with one programme, goal and indicator.
    pub fn new() -> Fixture {
        let f = Fixture { dir: tempfile::tempdir().expect("temp dir") };
        f.write("site.toml", SITE_TOML);
        f.write(
            "content/_index.sv.md",
            "+++\ntitle = \"Start\"\n+++\nVälkommen. Se [bostäder](@/tillvaxt/programme.toml#bostader).\n",
        );
        f.write(
            "content/_index.en.md",
            "+++\ntitle = \"Home\"\n+++\nWelcome. See [housing](@/tillvaxt/programme.toml#bostader).\n",
        );
        f.write("content/om.sv.md", "+++\ntitle = \"Om\"\n+++\n## Bakgrund\n\nText[^1].\n\n[^1]: Fotnot.\n");
        f.write(
            "content/om.en.md",
            "+++\ntitle = \"About\"\nslug = \"about\"\n+++\n## Background\n\nText[^1].\n\n[^1]: Footnote.\n",
        );
        f.write("content/tillvaxt/programme.toml", PROGRAMME_TOML);
        f.write("content/tillvaxt/_index.sv.md", "## Läget\n\nSe [om](@/om.md#bakgrund).\n");
        f.write("content/tillvaxt/_index.en.md", "## Status\n\nSee [about](@/om.md#background).\n");
        f.write("content/tillvaxt/indicators/utslapp.toml", INDICATOR_TOML);
        f.write("content/tillvaxt/assessments/2023.toml", "[bostader]\nstatus = \"nej\"\n");
        f.write("content/tillvaxt/assessments/2024.toml", ASSESSMENTS_2024);
        f
    }

    /// Writes the site's own copy of the built-in theme file `rel` (under
    /// `themes/default/`), with `from` replaced by `to`.
    pub fn override_theme_file(&self, rel: &str, from: &str, to: &str) {
        let built_in = fs::read_to_string(repo().join("themes/default").join(rel)).expect("a built-in theme file");
        assert!(built_in.contains(from), "{rel} does not contain {from:?}");
        self.write(&format!("themes/default/{rel}"), &built_in.replacen(from, to, 1));
    }

    /// A file of the site (not of the output).
    pub fn read_source(&self, rel: &str) -> String {
        fs::read_to_string(self.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.root().join(rel)).unwrap();
    }

    /// Replaces `from` by `to` in the file `rel` (which must contain it).
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.root().join(rel)).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Runs `goalsite build` on the fixture; returns (exit code, stdout, stderr).
    pub fn build(&self) -> (i32, String, String) {
        run(&["build", "--root", self.root().to_str().unwrap()])
    }

    /// Runs `goalsite check` (with `extra` arguments) on the fixture; returns (exit code, stdout, stderr).
    pub fn check(&self, extra: &[&str]) -> (i32, String, String) {
        let mut args = vec!["check", "--root", self.root().to_str().unwrap()];
        args.extend_from_slice(extra);
        run(&args)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Whether `html` is a page that leads to another (a meta refresh).
pub fn redirect(html: &str) -> bool {
    html.contains("<meta http-equiv=\"refresh\"")
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the goalsite binary with `args`, in English unless `args` ask for
/// another language.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goalsite"))
        .env("GOALSITE_LANG", "en")
        .args(args)
        .output()
        .expect("run goalsite");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the goalsite binary with `args` in `dir` as an editor would: no
/// `GOALSITE_LANG`, the computer's locale `locale` (`C.UTF-8`: none that
/// goalsite speaks), so the language comes from the site or the locale.
pub fn run_as_editor(dir: &Path, locale: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goalsite"))
        .current_dir(dir)
        .env_remove("GOALSITE_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        .args(args)
        .output()
        .expect("run goalsite");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The elements of `html` that match the CSS selector `css`, parsed with a
/// real HTML parser.
fn select<T>(html: &str, css: &str, f: impl Fn(scraper::ElementRef) -> T) -> Vec<T> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    doc.select(&selector).map(f).collect()
}

/// The text of every element matching `css`, with white space collapsed and
/// as a reader sees it: without the soft hyphens of headings and table cells.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    select(html, css, |e| {
        e.text().collect::<String>().replace('\u{ad}', "").split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

/// The attribute `name` of every element matching `css` that has it.
pub fn attrs(html: &str, css: &str, name: &str) -> Vec<String> {
    select(html, css, |e| e.value().attr(name).map(str::to_owned)).into_iter().flatten().collect()
}

/// The outer HTML of every element matching `css`.
pub fn outer(html: &str, css: &str) -> Vec<String> {
    select(html, css, |e| e.html())
}

/// The `href` of every `<link rel="alternate" hreflang="…">` in `html`, by hreflang.
pub fn hreflangs(html: &str) -> Vec<(String, String)> {
    let hreflang = attrs(html, "link[rel=alternate][hreflang]", "hreflang");
    hreflang.into_iter().zip(attrs(html, "link[rel=alternate][hreflang]", "href")).collect()
}
