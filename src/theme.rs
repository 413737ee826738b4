//! The theme: minijinja templates, UI strings and number formats per language
//! (`i18n/<lang>.toml`) and static files, loaded from `themes/<name>/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};
use serde::Deserialize;

use crate::charts::ChartStyle;
use crate::diagnostics::Diagnostic;
use crate::markdown::Typography;
use crate::numbers::NumberFormat;
use crate::toml_doc;

/// The folder that holds the themes, under the site root.
pub const THEMES_DIR: &str = "themes";

/// A loaded theme, shared read-only by every page render.
pub struct Theme {
    pub env: Environment<'static>,
    pub i18n: BTreeMap<String, I18n>,
    /// Files to copy: (path relative to `static/`, path relative to the root).
    pub static_files: Vec<(String, PathBuf)>,
    pub chart: ChartStyle,
    /// Element ids written literally in the templates (`id="goals"`): valid link targets on any page.
    pub ids: std::collections::HashSet<String>,
}

/// `theme.toml`: the settings of a theme that Rust reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    chart: ChartStyle,
}

/// One language's UI strings and typographic rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18n {
    pub number: NumberFormat,
    pub typography: TypographyFile,
    pub strings: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypographyFile {
    /// Opening and closing double quote, e.g. `””` for Swedish.
    pub quotes: String,
    pub single_quotes: String,
}

impl I18n {
    pub fn typography(&self) -> Typography {
        let pair = |s: &str, dflt: (char, char)| {
            let mut c = s.chars();
            match (c.next(), c.next()) {
                (Some(a), Some(b)) => (a, b),
                _ => dflt,
            }
        };
        Typography {
            quotes: pair(&self.typography.quotes, ('“', '”')),
            single_quotes: pair(&self.typography.single_quotes, ('‘', '’')),
            footnotes_heading: self.string("footnotes"),
            back_to_text: self.string("back_to_text"),
        }
    }

    /// A UI string; an unknown key gives the key itself (validation reports it).
    pub fn string(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }
}

impl Theme {
    /// Loads `themes/<name>` for `langs`; every problem becomes a diagnostic.
    pub fn load(root: &Path, name: &str, langs: &[String]) -> Result<Theme, Vec<Diagnostic>> {
        let dir = Path::new(THEMES_DIR).join(name);
        if !root.join(&dir).is_dir() {
            return Err(vec![Diagnostic::error(Path::new("site.toml"), format!("the theme `{name}` does not exist"))
                .with_hint(format!("create {} or set theme = \"default\"", dir.display()))]);
        }
        let mut problems = Vec::new();
        let env = load_templates(root, &dir.join("templates"), &mut problems);
        let i18n = load_i18n(root, &dir.join("i18n"), langs, &mut problems);
        let static_files = list_static(root, &dir.join("static"));
        let rel = dir.join("theme.toml");
        let settings = toml_doc::read_text(root, &rel).and_then(|s| toml_doc::parse::<ThemeFile>(&rel, &s));
        if let Ok(settings) = &settings {
            check_chart_style(&settings.chart, &rel, &mut problems);
        }
        match settings {
            Ok(settings) if problems.is_empty() => {
                let ids = literal_ids(&env);
                Ok(Theme { env, i18n, static_files, chart: settings.chart, ids })
            }
            Ok(_) => Err(problems),
            Err(d) => {
                problems.push(d);
                Err(problems)
            }
        }
    }
}

fn load_templates(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_formatter(escape_html);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
        env.set_syntax(syntax);
    }
    let entries = walkdir::WalkDir::new(root.join(dir)).sort_by_file_name().into_iter().filter_map(Result::ok);
    for entry in entries.filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let name = entry.path().strip_prefix(root.join(dir)).unwrap_or(entry.path());
        let name = name.to_string_lossy().replace('\\', "/");
        let source = match toml_doc::read_text(root, &rel) {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        if let Err(e) = env.add_template_owned(name, source.clone()) {
            problems.push(template_error(&rel, &source, &e));
        }
    }
    env
}

/// The ids the templates write as literal text, like `id="goals"`.
fn literal_ids(env: &Environment) -> std::collections::HashSet<String> {
    let mut ids = std::collections::HashSet::new();
    for (_, tmpl) in env.templates() {
        for part in tmpl.source().split("id=\"").skip(1) {
            if let Some(id) = part.split('"').next().filter(|id| !id.contains('{')) {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

/// Autoescaping that escapes the five characters HTML needs (`& < > " '`)
/// and leaves `/` alone, so URLs stay readable in the output.
fn escape_html(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    let html = matches!(state.auto_escape(), minijinja::AutoEscape::Html);
    match value.as_str() {
        Some(s) if html && !value.is_safe() => {
            let write_failed = |_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write");
            let mut start = 0;
            for (i, b) in s.bytes().enumerate() {
                let entity = match b {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&s[start..i]).map_err(write_failed)?;
                out.write_str(entity).map_err(write_failed)?;
                start = i + 1;
            }
            out.write_str(&s[start..]).map_err(write_failed)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// A template error as a diagnostic pointing into the template file.
pub fn template_error(rel: &Path, source: &str, e: &minijinja::Error) -> Diagnostic {
    let message = format!("template error: {}", e.detail().unwrap_or(&e.kind().to_string()));
    match e.range() {
        Some(range) => Diagnostic::error_at(rel, source, range, message),
        None => Diagnostic::error(rel, message),
    }
}

fn load_i18n(root: &Path, dir: &Path, langs: &[String], problems: &mut Vec<Diagnostic>) -> BTreeMap<String, I18n> {
    let mut out = BTreeMap::new();
    for lang in langs {
        let rel = dir.join(format!("{lang}.toml"));
        if !root.join(&rel).is_file() {
            problems.push(
                Diagnostic::error(&rel, format!("the theme has no UI strings for the language `{lang}`"))
                    .with_hint(format!("create {} (copy another language's file and translate it)", rel.display())),
            );
            continue;
        }
        match toml_doc::read_text(root, &rel).and_then(|s| toml_doc::parse::<I18n>(&rel, &s)) {
            Ok(i) => {
                out.insert(lang.clone(), i);
            }
            Err(d) => problems.push(d),
        }
    }
    // Every language has the strings goalsite itself writes, and the same
    // strings as every other language (the templates use them all).
    let mut all_keys: std::collections::BTreeSet<&str> = REQUIRED_STRINGS.iter().copied().collect();
    all_keys.extend(out.values().flat_map(|i| i.strings.keys().map(String::as_str)));
    for (lang, i18n) in &out {
        for key in all_keys.iter().filter(|k| !i18n.strings.contains_key(**k)) {
            let file = dir.join(format!("{lang}.toml"));
            let hint = match out.iter().find(|(_, other)| other.strings.contains_key(*key)) {
                Some((other, _)) => format!("{other}.toml has it: add its translation under [strings]"),
                None => "goalsite needs it: add it under [strings]".to_owned(),
            };
            problems.push(Diagnostic::error(&file, format!("the UI string `{key}` is missing")).with_hint(hint));
        }
    }
    out
}

/// The UI strings goalsite writes itself (in Markdown, charts and their summaries).
pub const REQUIRED_STRINGS: &[&str] = &[
    "back_to_text",
    "category",
    "chart_above_target",
    "chart_at_target",
    "chart_below_target",
    "chart_categories",
    "chart_decrease",
    "chart_gaps",
    "chart_increase",
    "chart_one_value",
    "chart_series_change",
    "chart_series_change_percent",
    "chart_series_single",
    "chart_series_unchanged",
    "chart_target",
    "chart_target_label",
    "chart_value_unit",
    "example_data",
    "footnotes",
    "home",
    "no_value",
    "not_found_title",
    "percent",
    "statement_title",
    "year",
];

/// Checks what a theme's `[chart]` settings must hold for drawing to work.
fn check_chart_style(style: &ChartStyle, file: &Path, problems: &mut Vec<Diagnostic>) {
    let colours = [
        &style.background,
        &style.text,
        &style.axis,
        &style.grid,
        &style.bar,
        &style.highlight,
        &style.national,
        &style.target,
    ]
    .into_iter()
    .chain(&style.series);
    for c in colours.filter(|c| charts_rs::Color::parse(c).is_none()) {
        problems.push(
            Diagnostic::error(file, format!("`{c}` is not a colour")).with_hint("write colours like \"#0b3c5d\""),
        );
    }
    if style.series.is_empty() || style.dashes.is_empty() {
        problems.push(Diagnostic::error(file, "[chart] needs at least one colour in series and one pattern in dashes"));
    }
    if style.font_size <= 0.0 {
        problems.push(Diagnostic::error(file, "[chart] font_size must be a positive number"));
    }
}

fn list_static(root: &Path, dir: &Path) -> Vec<(String, PathBuf)> {
    let base = root.join(dir);
    walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&base).unwrap_or(e.path()).to_string_lossy().replace('\\', "/");
            (rel, e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf())
        })
        .collect()
}
