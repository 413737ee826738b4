//! The theme: minijinja templates, UI strings and number formats per language
//! (`i18n/<lang>.toml`), chart style (`theme.toml`) and static files. The
//! default theme is built in (`files.rs`); a site changes it file by file in
//! `themes/<name>/`. Everything is checked for what goalsite needs of it.

mod colour;
mod files;
mod i18n;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{Environment, UndefinedBehavior};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Problems};
use crate::locale::{I18n, Lang, UiKey};
use crate::source::Source;
use crate::toml_file;

pub use files::{built_in_file, BUILT_IN_NAME, THEMES_DIR};
use files::{theme_files, ThemeFile};
pub use i18n::own_file as strings_file;

/// A loaded theme, shared read-only by every page render.
pub struct Theme {
    /// The theme's name (`default`, or a folder in `themes/`).
    pub name: String,
    pub env: Environment<'static>,
    i18n: BTreeMap<Lang, I18n>,
    /// Files to publish: path relative to `static/`, and contents.
    pub static_files: Vec<(String, Vec<u8>)>,
    pub chart: ChartStyle,
    /// Element ids written literally in the templates (`id="goals"`): valid link targets on any page.
    pub ids: HashSet<String>,
    /// Where each template came from, by name, for messages.
    template_paths: HashMap<String, PathBuf>,
    page: PageColours,
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
struct Settings {
    chart: ChartStyle,
    #[serde(default)]
    page: PageColours,
}

/// `[page]` of `theme.toml`: the backgrounds the site's accent colour must
/// stand out against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageColours {
    background: String,
    /// The background in dark mode, if the theme has one.
    dark_background: Option<String>,
}

impl Default for PageColours {
    fn default() -> Self {
        PageColours { background: "#ffffff".into(), dark_background: None }
    }
}

/// The contrast text and links need against their background (WCAG 1.4.3).
const TEXT_CONTRAST: f64 = 4.5;

impl Theme {
    /// Loads the theme `name` (from `site.toml`, read into `config`) for
    /// `langs`: the built-in theme with the site's `themes/<name>/` over it.
    /// Every problem is reported; `None` when the theme has errors.
    pub fn load(
        root: &Path,
        name: &Spanned<String>,
        config: &Arc<Source>,
        langs: &[Lang],
        problems: &mut Problems,
    ) -> Option<Theme> {
        if !is_theme_name(name.get_ref()) {
            let d = Diagnostic::error_at(config, name.span(), msg!(ThemeName, name = name.get_ref()));
            problems.push(d.with_hint(msg!(ThemeNameHint)));
            return None;
        }
        let name = name.get_ref();
        if name != BUILT_IN_NAME && !files::has_folder(root, name) {
            let message = msg!(ThemeNoFolder, name = name, folder = format!("{THEMES_DIR}/{name}/"));
            let hint = msg!(ThemeNoFolderHint, folder = format!("{THEMES_DIR}/{name}/"));
            problems.push(Diagnostic::error_at(config, name_span(config, name), message).with_hint(hint));
            return None;
        }
        let mark = problems.len();
        let files = theme_files(root, name, problems);
        let env = load_templates(&files, problems);
        let i18n = i18n::load(&files, name, langs, problems);
        let static_files = files
            .iter()
            .filter_map(|(rel, f)| Some((rel.strip_prefix("static/")?.to_owned(), f.bytes.to_vec())))
            .collect();
        let template_paths = files
            .iter()
            .filter_map(|(rel, f)| Some((rel.strip_prefix("templates/")?.to_owned(), f.path.clone())))
            .collect();
        let settings = match files.get("theme.toml") {
            Some(file) => merged_toml::<Settings>(file).inspect(|s| check_chart_style(&s.chart, &file.path, problems)),
            None => Err(Diagnostic::error(Path::new("theme.toml"), msg!(ThemeNoSettings))),
        };
        let settings = problems.take(settings)?;
        if problems.has_errors_since(mark) {
            return None;
        }
        let ids = literal_ids(&env);
        let name = name.to_owned();
        Some(Theme { name, env, i18n, static_files, chart: settings.chart, ids, template_paths, page: settings.page })
    }

    /// Checks the site's accent colour (`[branding] accent` in `config`)
    /// for the contrast links need against the theme's backgrounds.
    pub fn check_accent(&self, config: &crate::config::SiteConfig, source: &Arc<Source>) -> Option<Diagnostic> {
        let accent = config.branding.accent.as_ref()?;
        let Some(colour) = colour::Rgb::parse(accent.get_ref()) else {
            return Some(
                Diagnostic::error_at(source, accent.span(), msg!(NotAColour, value = accent.get_ref()))
                    .with_hint(msg!(AccentColourHint)),
            );
        };
        let backgrounds = std::iter::once(&self.page.background).chain(&self.page.dark_background);
        for background in backgrounds.filter_map(|b| colour::Rgb::parse(b)) {
            let ratio = colour.contrast(background);
            if ratio < TEXT_CONTRAST {
                let better = colour.darkened_to(background, TEXT_CONTRAST);
                let message = msg!(
                    AccentContrast,
                    colour = accent.get_ref(),
                    ratio = format!("{ratio:.1}"),
                    background = background.hex(),
                    needed = TEXT_CONTRAST.to_string()
                );
                let hint = msg!(
                    AccentContrastHint,
                    colour = better.hex(),
                    ratio = format!("{:.1}", better.contrast(background))
                );
                return Some(Diagnostic::error_at(source, accent.span(), message).with_hint(hint));
            }
        }
        None
    }

    /// The accent colour and a darker shade of it for hover, as CSS.
    pub fn accent_css(accent: &str) -> Option<String> {
        let colour = colour::Rgb::parse(accent)?;
        Some(format!(":root {{ --accent: {}; --accent-dark: {}; }}\n", colour.hex(), colour.darker(0.3).hex()))
    }

    /// The UI strings and number format of `lang`, one of the site's
    /// languages (a theme is only made when it has them all).
    pub fn i18n(&self, lang: Lang) -> &I18n {
        &self.i18n[&lang]
    }

    /// The UI string `key` (a page's slug, like `report_slug`) in each of `langs`.
    pub fn slugs(&self, key: UiKey, langs: &[Lang]) -> Vec<String> {
        langs.iter().map(|&l| self.i18n(l).string(key)).collect()
    }

    /// Where the site writes its UI strings for `lang` (for messages).
    pub fn strings_file(&self, lang: Lang) -> String {
        crate::diagnostics::display_path(&i18n::own_file(&self.name, lang))
    }

    /// The file of template `name` (the site's own, or the built-in one), for messages.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.template_paths.get(name).cloned().unwrap_or_else(|| Path::new("templates").join(name))
    }
}

/// Where `theme = "…"` is written in `site.toml`, or the start of the file
/// when the theme is the default one, unwritten.
fn name_span(config: &Source, name: &str) -> std::ops::Range<usize> {
    let quoted = format!("\"{name}\"");
    config.text.find(&quoted).map_or(0..0, |at| at..at + quoted.len())
}

/// A theme's name: a plain folder name, never a path (`../x`, `/etc`).
fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// A theme TOML file read into `T`: the site's own file laid over the
/// built-in one key by key (a site changes only what it writes), or the file
/// alone when only one exists.
fn merged_toml<T: DeserializeOwned>(file: &ThemeFile) -> Result<T, Diagnostic> {
    let source = file.source()?;
    let Some(built_in) = file.built_in else { return toml_file::parse::<T>(&source) };
    let own: toml::Table = toml_file::parse(&source)?;
    let mut merged: toml::Table = toml::from_str(std::str::from_utf8(built_in).unwrap_or_default())
        .map_err(|e| Diagnostic::error(&file.path, msg!(BuiltInFileBroken, detail = e.to_string())))?;
    merge(&mut merged, own);
    T::deserialize(toml::Value::Table(merged)).map_err(|e| {
        Diagnostic::error(&file.path, toml_file::plain_message(e.message().trim())).with_hint(msg!(ThemeFileKeysHint))
    })
}

/// Lays `over` onto `base`: tables merge key by key, other values replace.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Every template of the theme, with the site's own over the built-in ones.
fn load_templates(files: &BTreeMap<String, ThemeFile>, problems: &mut Problems) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_formatter(escape_html);
    env.add_filter("hyphenate", hyphenate);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
        env.set_syntax(syntax);
    }
    for (rel, file) in files {
        let Some(name) = rel.strip_prefix("templates/") else { continue };
        let source = match file.source() {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        if let Err(e) = env.add_template_owned(name.to_owned(), source.text.clone()) {
            problems.push(template_error(&source, &e));
        }
    }
    env
}

/// `{{ text|hyphenate }}`: soft hyphens in the long words of a heading or a
/// table cell, by the page's language (`lang`), or by the language given
/// (`|hyphenate(page.title_lang)` for a title in another language). None on
/// a page made to be printed (`print`): a PDF keeps them in its text, where
/// they break a search for the word.
fn hyphenate(state: &minijinja::State, text: String, lang: Option<String>) -> String {
    if state.lookup("print").is_some_and(|p| p.is_true()) {
        return text;
    }
    let page_lang = || state.lookup("lang").and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let lang = lang.filter(|l| !l.is_empty()).unwrap_or_else(page_lang);
    crate::text::hyphenate(&text, &lang)
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
    let message = msg!(TemplateError, detail = e.detail().map_or_else(|| e.kind().to_string(), str::to_owned));
    match e.range() {
        Some(range) => Diagnostic::error_at(source, range, message),
        None => Diagnostic::error(&source.path, message),
    }
}

/// Checks what a theme's `[chart]` settings must hold for drawing to work.
fn check_chart_style(style: &ChartStyle, file: &Path, problems: &mut Problems) {
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
        problems.push(Diagnostic::error(file, msg!(NotAColour, value = c.as_str())).with_hint(msg!(ChartColourHint)));
    }
    if style.series.is_empty() || style.dashes.is_empty() {
        problems.push(Diagnostic::error(file, msg!(ChartStyleEmpty)));
    }
}
