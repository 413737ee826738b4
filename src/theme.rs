//! The theme: minijinja templates, UI strings and number formats per language
//! (`i18n/<lang>.toml`), chart style (`theme.toml`) and static files, loaded
//! from `themes/<name>/` and checked for what goalsite needs of them.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{Environment, UndefinedBehavior};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::locale::{I18n, REQUIRED_STRINGS};
use crate::source::Source;
use crate::toml_file;

/// The folder that holds the themes, under the site root.
pub const THEMES_DIR: &str = "themes";

/// A loaded theme, shared read-only by every page render.
pub struct Theme {
    /// The theme's folder, relative to the site root (`themes/default`).
    pub dir: PathBuf,
    pub env: Environment<'static>,
    pub i18n: BTreeMap<String, I18n>,
    /// Files to publish: path relative to `static/`, and contents.
    pub static_files: Vec<(String, Vec<u8>)>,
    pub chart: ChartStyle,
    /// Element ids written literally in the templates (`id="goals"`): valid link targets on any page.
    pub ids: HashSet<String>,
}

/// How charts look; the `[chart]` table of the theme's `theme.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStyle {
    pub background: String,
    pub text: String,
    pub axis: String,
    pub grid: String,
    /// Line colours in order; neighbours differ by at least 3:1 in contrast.
    pub series: Vec<String>,
    /// Dash patterns per series (`""` is solid), so lines differ by more than colour.
    pub dashes: Vec<String>,
    pub bar: String,
    pub highlight: String,
    pub national: String,
    pub target: String,
}

/// `theme.toml`: the settings of a theme that Rust reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    chart: ChartStyle,
}

impl Theme {
    /// Loads the theme `name` (from `site.toml`, read into `config`) for
    /// `langs`; every problem becomes a diagnostic.
    pub fn load(
        root: &Path,
        name: &Spanned<String>,
        config: &Arc<Source>,
        langs: &[String],
    ) -> Result<Theme, Vec<Diagnostic>> {
        if !is_theme_name(name.get_ref()) {
            let message = format!("`{}` is not a theme's name", name.get_ref());
            return Err(vec![Diagnostic::error_at(config, name.span(), message).with_hint(
                "a theme is a folder in the site's themes/ folder: write only its name, like theme = \"default\"",
            )]);
        }
        let name = name.get_ref();
        let dir = Path::new(THEMES_DIR).join(name);
        if !root.join(&dir).is_dir() {
            return Err(vec![Diagnostic::error(Path::new("site.toml"), format!("the theme `{name}` does not exist"))
                .with_hint(format!("create {} or set theme = \"default\"", dir.display()))]);
        }
        let mut problems = Vec::new();
        let env = load_templates(root, &dir.join("templates"), &mut problems);
        let i18n = load_i18n(root, &dir.join("i18n"), langs, &mut problems);
        let static_files = read_static(root, &dir.join("static"), &mut problems);
        let settings = toml_file::read(root, &dir.join("theme.toml")).and_then(|s| toml_file::parse::<ThemeFile>(&s));
        if let Ok(settings) = &settings {
            check_chart_style(&settings.chart, &dir.join("theme.toml"), &mut problems);
        }
        match settings {
            Ok(settings) if problems.is_empty() => {
                let ids = literal_ids(&env);
                Ok(Theme { dir, env, i18n, static_files, chart: settings.chart, ids })
            }
            Ok(_) => Err(problems),
            Err(d) => {
                problems.push(d);
                Err(problems)
            }
        }
    }

    /// The full report's slug in each of `langs`.
    pub fn report_slugs(&self, langs: &[String]) -> Vec<String> {
        langs.iter().map(|l| self.i18n[l].string("report_slug")).collect()
    }

    /// The file of template `name`, relative to the site root, for messages.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.dir.join("templates").join(name)
    }
}
/// A theme's name: a plain folder name, never a path (`../x`, `/etc`).
fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
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
        let source = match toml_file::read(root, &rel) {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        if let Err(e) = env.add_template_owned(name, source.text.clone()) {
            problems.push(template_error(&source, &e));
        }
    }
    env
}

/// The ids the templates write as literal text, like `id="goals"`.
fn literal_ids(env: &Environment) -> HashSet<String> {
    let mut ids = HashSet::new();
    for (_, tmpl) in env.templates() {
        for part in tmpl.source().split("id=\"").skip(1) {
            if let Some(id) = part.split('"').next().filter(|id| !id.contains('{')) {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

/// Autoescaping with goalsite's one escape function (`& < > " '`), which
/// leaves `/` alone so URLs stay readable in the output.
fn escape_html(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    let html = matches!(state.auto_escape(), minijinja::AutoEscape::Html);
    match value.as_str() {
        Some(s) if html && !value.is_safe() => {
            let mut escaped = String::with_capacity(s.len());
            crate::text::escape_into(&mut escaped, s);
            out.write_str(&escaped)
                .map_err(|_| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "cannot write"))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// A template error as a diagnostic pointing into the template file.
fn template_error(source: &Arc<Source>, e: &minijinja::Error) -> Diagnostic {
    let message = format!("template error: {}", e.detail().unwrap_or(&e.kind().to_string()));
    match e.range() {
        Some(range) => Diagnostic::error_at(source, range, message),
        None => Diagnostic::error(&source.path, message),
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
        match toml_file::read(root, &rel).and_then(|s| toml_file::parse::<I18n>(&s)) {
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
        let slug = i18n.strings.get("report_slug").filter(|s| !crate::text::is_valid_slug(s));
        if let Some(slug) = slug {
            problems.push(
                Diagnostic::error(
                    &dir.join(format!("{lang}.toml")),
                    format!("report_slug `{slug}` cannot be part of an address"),
                )
                .with_hint(format!("use lowercase a–z, digits and -, e.g. \"{}\"", crate::text::slugify(slug))),
            );
        }
    }
    out
}

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
}

/// Reads every file under the theme's `static/` folder.
fn read_static(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<(String, Vec<u8>)> {
    let base = root.join(dir);
    let entries = walkdir::WalkDir::new(&base).sort_by_file_name().into_iter().filter_map(Result::ok);
    let mut files = Vec::new();
    for e in entries.filter(|e| e.file_type().is_file()) {
        let name = e.path().strip_prefix(&base).unwrap_or(e.path()).to_string_lossy().replace('\\', "/");
        match std::fs::read(e.path()) {
            Ok(bytes) => files.push((name, bytes)),
            Err(err) => problems.push(Diagnostic::error(&dir.join(&name), format!("cannot read the file: {err}"))),
        }
    }
    files
}
