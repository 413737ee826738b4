//! Validate: checks the loaded configuration and content against each other
//! (translations, assessment ids, references, ids, years, data shapes) and
//! returns every problem found, never only the first.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::model::{Content, Goal, Indicator, MarkdownDoc, Programme, SourceFile};
use crate::routes::{is_valid_slug, slugify};
use crate::text::Text;
use crate::toml_doc::nearest;

/// Years outside this range are typing mistakes, not report years.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The chart kinds an indicator may ask for.
pub const CHART_KINDS: &[&str] = &["line", "bar", "hbar"];

/// Everything wrong with `config` (read from `config_file`) and `content`.
pub fn validate(config: &SiteConfig, config_file: &SourceFile, content: &Content) -> Vec<Diagnostic> {
    let langs = config.lang_codes();
    let mut v = Validator { config, langs: &langs, problems: Vec::new() };
    v.config(config_file);
    v.home(content);
    let mut goal_ids: HashMap<String, String> = HashMap::new();
    let mut indicator_ids: HashMap<String, String> = HashMap::new();
    for p in &content.programmes {
        for ind in &p.indicators {
            if let Some(first) = indicator_ids.insert(ind.id.clone(), ind.file.path.to_string_lossy().into_owned()) {
                v.problems.push(
                    Diagnostic::error(&ind.file.path, format!("the indicator id `{}` is used twice", ind.id))
                        .with_hint(format!("the other is {first}; rename one of the files")),
                );
            }
        }
    }
    let all_indicators: HashSet<&str> = indicator_ids.keys().map(String::as_str).collect();
    for p in &content.programmes {
        v.programme(p, &mut goal_ids, &all_indicators);
    }
    for page in &content.pages {
        v.docs(&page.docs, &page.key, true);
        v.page_path(page);
    }
    v.problems
}

struct Validator<'a> {
    config: &'a SiteConfig,
    langs: &'a [String],
    problems: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn at(&mut self, file: &SourceFile, span: Range<usize>, msg: impl Into<String>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::error_at(&file.path, &file.text, span, msg));
        self.problems.last_mut().expect("just pushed")
    }

    /// A translated text must have every language of the site, and no other.
    fn text(&mut self, file: &SourceFile, text: &Spanned<Text>, what: &str) {
        let langs = self.langs;
        // Always an error, also where pages may be untranslated: a short text
        // in another language could not be marked with its language.
        for lang in text.get_ref().missing_langs(langs) {
            let d = self.at(file, text.span(), format!("{what} has no text in `{lang}`"));
            d.hint = Some(format!("add {lang} = \"…\" to the table"));
        }
        for lang in text.get_ref().unknown_langs(langs) {
            let d = self.at(
                file,
                text.span(),
                format!("{what} has a text in `{lang}`, which is not a language of the site"),
            );
            d.hint = Some(format!("the languages in site.toml are: {}", langs.join(", ")));
        }
    }

    fn missing_translation_is_warning(&self) -> bool {
        self.config.check.missing_translation == crate::config::MissingTranslation::Warn
    }

    fn opt_text(&mut self, file: &SourceFile, text: &Option<Spanned<Text>>, what: &str) {
        if let Some(t) = text {
            self.text(file, t, what);
        }
    }

    fn slug(&mut self, file: &SourceFile, slug: &Option<Spanned<Text>>) {
        let Some(slug) = slug else { return };
        self.text(file, slug, "the slug");
        let bad: Vec<String> = self
            .langs
            .iter()
            .filter_map(|l| slug.get_ref().get(l))
            .filter(|s| !is_valid_slug(s))
            .map(str::to_owned)
            .collect();
        for s in bad {
            let d = self.at(file, slug.span(), format!("the slug `{s}` cannot be used in an address"));
            d.hint = Some(format!("use lowercase a–z, digits and -, e.g. `{}`", slugify(&s)));
        }
    }

    fn id(&mut self, file: &SourceFile, id: &Spanned<String>, what: &str) {
        if !is_valid_slug(id.get_ref()) {
            let d = self.at(
                file,
                id.span(),
                format!("the {what} id `{}` may only have lowercase a–z, digits and -", id.get_ref()),
            );
            d.hint = Some(format!("write `{}`", slugify(id.get_ref())));
        }
    }

    fn config(&mut self, file: &SourceFile) {
        let c = self.config;
        if c.languages.get_ref().is_empty() {
            self.at(file, c.languages.span(), "the site needs at least one language");
        }
        let mut seen = HashSet::new();
        for l in c.languages.get_ref() {
            if !seen.insert(l.code.get_ref().clone()) {
                self.at(file, l.code.span(), format!("the language `{}` is listed twice", l.code.get_ref()));
            }
            if !is_valid_slug(l.code.get_ref()) {
                self.at(file, l.code.span(), "a language code is a short lowercase code like sv or en");
            }
        }
        if let Err(why) = crate::routes::check_base_url(c.base_url.get_ref()) {
            let d = self.at(file, c.base_url.span(), format!("base_url {why}"));
            d.hint = Some("write it like \"https://www.example.se/uppfoljning/\"".into());
        }
        if !YEARS.contains(&c.report_year) {
            self.problems
                .push(Diagnostic::error(&file.path, format!("report_year {} is not a sensible year", c.report_year)));
        }
        self.text(file, &c.title, "the site title");
        self.text(file, &c.description, "the site description");
        let mut ids = HashSet::new();
        for step in c.scale.get_ref() {
            if !ids.insert(step.id.get_ref().clone()) {
                self.at(file, step.id.span(), format!("the assessment `{}` is listed twice", step.id.get_ref()));
            }
            self.text(file, &step.label, "the assessment label");
            self.opt_text(file, &step.description, "the assessment description");
        }
        if c.scale.get_ref().is_empty() {
            self.at(file, c.scale.span(), "the assessment scale is empty");
        }
        self.opt_text(file, &c.footer.organisation, "the footer organisation");
        if let Some(a) = &c.accessibility {
            self.slug(file, &Some(a.slug.clone()));
            self.text(file, &a.contact, "the accessibility statement's contact");
            self.text(file, &a.method, "the accessibility statement's method");
            self.text(file, &a.supervisor, "the supervisory authority");
            for s in &a.shortcomings {
                self.text(file, s, "a known shortcoming");
            }
            if c.footer.organisation.is_none() {
                self.problems.push(
                    Diagnostic::error(&file.path, "the accessibility statement needs the organisation's name")
                        .with_hint("add organisation = { sv = \"…\", en = \"…\" } under [footer]"),
                );
            }
        }
        self.opt_text(file, &c.footer.address, "the footer address");
    }

    fn home(&mut self, content: &Content) {
        self.docs(&content.home, "_index.md", true);
    }

    /// A document must exist in every language (and have a title where needed).
    fn docs(&mut self, docs: &std::collections::BTreeMap<String, MarkdownDoc>, key: &str, need_title: bool) {
        let langs = self.langs;
        for lang in langs {
            let stem = key.trim_end_matches(".md");
            if !docs.contains_key(lang) {
                let have = docs.keys().next();
                let file = Path::new("content").join(format!("{stem}.{lang}.md"));
                let mut d = Diagnostic::error(&file, format!("the translation in `{lang}` is missing"));
                if let Some(have) = have {
                    d = d.with_hint(format!("create content/{stem}.{lang}.md (translate content/{stem}.{have}.md)"));
                }
                if self.missing_translation_is_warning() && !docs.is_empty() {
                    d = d.warning();
                }
                self.problems.push(d);
            }
        }
        for doc in docs.values() {
            if need_title && doc.front.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                self.problems.push(
                    Diagnostic::error(&doc.path, "the page has no title")
                        .with_hint("add front matter at the top:\n+++\ntitle = \"…\"\n+++"),
                );
            }
            if let Some(slug) = &doc.front.slug {
                if !is_valid_slug(slug) {
                    self.problems.push(
                        Diagnostic::error(&doc.path, format!("the slug `{slug}` cannot be used in an address"))
                            .with_hint(format!("use lowercase a–z, digits and -, e.g. `{}`", slugify(slug))),
                    );
                }
            }
        }
    }

    /// A free page's folders, and its file name where no slug replaces it,
    /// become its address: they must be usable there.
    fn page_path(&mut self, page: &crate::model::Page) {
        let Some(doc) = page.docs.values().next() else { return };
        let mut parts: Vec<&str> = page.key.trim_end_matches(".md").split('/').collect();
        if page.docs.values().all(|d| d.front.slug.is_some()) {
            parts.pop();
        }
        for part in parts.into_iter().filter(|p| !is_valid_slug(p)) {
            self.problems.push(
                Diagnostic::error(&doc.path, format!("`{part}` in the file's path cannot be used in an address"))
                    .with_hint(format!("rename it to `{}` (lowercase a–z, digits and -)", slugify(part))),
            );
        }
    }

    fn programme(&mut self, p: &Programme, goal_ids: &mut HashMap<String, String>, indicators: &HashSet<&str>) {
        let f = &p.file;
        let d = &p.data;
        if d.slug.is_none() && !is_valid_slug(&p.id) {
            self.problems.push(
                Diagnostic::error(&f.path, format!("the folder name `{}` cannot be used in an address", p.id))
                    .with_hint(format!(
                        "rename the folder to `{}`, or set slug = {{ … }} in this file",
                        slugify(&p.id)
                    )),
            );
        }
        self.text(f, &d.title, "the programme title");
        self.slug(f, &d.slug);
        self.opt_text(f, &d.summary, "the summary");
        self.opt_text(f, &d.no_goals_note, "no_goals_note");
        if p.narrative.is_empty() {
            let files: Vec<String> = self.langs.iter().map(|l| format!("_index.{l}.md")).collect();
            self.problems.push(
                Diagnostic::error(&f.path, "the programme has no text")
                    .with_hint(format!("write its narrative in {} in the same folder", files.join(" and "))),
            );
        } else {
            self.docs(&p.narrative, &format!("{}/_index.md", p.id), false);
        }
        for g in &d.goals {
            if let Some(first) = goal_ids.insert(g.id.get_ref().clone(), f.path.to_string_lossy().into_owned()) {
                let d = self.at(f, g.id.span(), format!("the goal id `{}` is used twice", g.id.get_ref()));
                d.hint = Some(format!("goal ids must be unique in the whole site; the other is in {first}"));
            }
            self.goal(f, g, indicators);
        }
        for ind in &p.indicators {
            self.indicator(ind);
        }
    }

    fn goal(&mut self, f: &SourceFile, g: &Goal, indicators: &HashSet<&str>) {
        self.id(f, &g.id, "goal");
        self.slug(f, &g.slug);
        self.text(f, &g.title, "the goal title");
        self.text(f, &g.target, "the goal's target");
        let mut listed = HashSet::new();
        for r in &g.indicators {
            if !listed.insert(r.get_ref()) {
                self.at(f, r.span(), format!("the indicator `{}` is listed twice", r.get_ref()));
            }
            if !indicators.contains(r.get_ref().as_str()) {
                let candidates: Vec<&str> = indicators.iter().copied().collect();
                let d = self.at(f, r.span(), format!("there is no indicator `{}`", r.get_ref()));
                d.hint = Some(match nearest(r.get_ref(), &candidates) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => "an indicator's id is its file name in the programme's indicators/ folder".into(),
                });
            }
        }
        let mut years = HashSet::new();
        for a in &g.assessments {
            let year = *a.year.get_ref();
            if !YEARS.contains(&year) {
                self.at(f, a.year.span(), format!("{year} is not a sensible year"));
            } else if !years.insert(year) {
                let d = self.at(f, a.year.span(), format!("the goal has two assessments for {year}"));
                d.hint = Some("keep one [[goal.assessment]] per year".into());
            }
            if self.config.scale_step(a.status.get_ref()).is_none() {
                let ids: Vec<&str> = self.config.scale.get_ref().iter().map(|s| s.id.get_ref().as_str()).collect();
                let d = self.at(
                    f,
                    a.status.span(),
                    format!("`{}` is not an assessment in site.toml's scale", a.status.get_ref()),
                );
                d.hint = Some(match nearest(a.status.get_ref(), &ids) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("use one of: {}", ids.join(", ")),
                });
            }
            self.opt_text(f, &a.motivation, "the motivation");
        }
    }

    fn indicator(&mut self, ind: &Indicator) {
        let f = &ind.file;
        let d = &ind.data;
        if !is_valid_slug(&ind.id) {
            self.problems.push(
                Diagnostic::error(
                    &f.path,
                    format!("the indicator id `{}` (its file name) may only have lowercase a–z, digits and -", ind.id),
                )
                .with_hint(format!("rename the file to {}.toml", slugify(&ind.id))),
            );
        }
        self.text(f, &d.title, "the indicator title");
        self.slug(f, &d.slug);
        self.opt_text(f, &d.unit, "the unit");
        self.text(f, &d.source, "the source");
        self.opt_text(f, &d.definition, "the definition");
        self.opt_text(f, &d.note, "the note");
        if let Some(kind) = &d.chart {
            if !CHART_KINDS.contains(&kind.get_ref().as_str()) {
                let dg = self.at(f, kind.span(), format!("`{}` is not a chart kind", kind.get_ref()));
                dg.hint = Some(match nearest(kind.get_ref(), CHART_KINDS) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("use one of: {}", CHART_KINDS.join(", ")),
                });
            }
        }
        match (&d.years, d.categories.is_empty()) {
            (Some(years), true) => self.time_series(ind, years),
            (None, false) => self.categories(ind),
            (Some(years), false) => {
                let dg = self.at(
                    f,
                    years.span(),
                    "an indicator has either years with [[series]] or [[category]] values, not both",
                );
                dg.hint = Some("split it into two indicators".into());
            }
            (None, true) => {
                self.problems.push(
                    Diagnostic::error(&f.path, "the indicator has no data").with_hint(
                        "add years = [...] with [[series]], or [[category]] entries (see docs/authoring.md)",
                    ),
                );
            }
        }
    }

    fn time_series(&mut self, ind: &Indicator, years: &Spanned<Vec<Spanned<i32>>>) {
        let f = &ind.file;
        let d = &ind.data;
        if years.get_ref().is_empty() {
            self.at(f, years.span(), "the list of years is empty");
        }
        let mut seen = HashSet::new();
        for y in years.get_ref() {
            if !YEARS.contains(y.get_ref()) {
                self.at(f, y.span(), format!("{} is not a sensible year", y.get_ref()));
            } else if !seen.insert(*y.get_ref()) {
                let dg = self.at(f, y.span(), format!("the year {} is listed twice", y.get_ref()));
                dg.hint = Some("each year appears once in years = [...]".into());
            }
        }
        if years.get_ref().windows(2).any(|w| w[0].get_ref() > w[1].get_ref()) {
            let dg = self.at(f, years.span(), "the years are not in order");
            dg.hint = Some("list the years from the earliest to the latest".into());
        }
        if d.series.is_empty() {
            self.problems.push(
                Diagnostic::error(&f.path, "the indicator has years but no [[series]]")
                    .with_hint("add a [[series]] with a name and values = [...]"),
            );
        }
        if let Some(y) = &d.year {
            self.at(f, y.span(), "`year` is for comparisons by [[category]]; a time series uses years = [...]");
        }
        for s in &d.series {
            self.text(f, &s.name, "the series name");
            let n = s.values.get_ref().len();
            if n == 0 {
                self.at(f, s.values.span(), "the series has no values");
            } else if n != years.get_ref().len() {
                let dg = self.at(
                    f,
                    s.values.span(),
                    format!("the series has {n} values but there are {} years", years.get_ref().len()),
                );
                dg.hint = Some("give one value per year; write \"-\" for a year without a value".into());
            } else if s.values.get_ref().iter().all(|v| v.get_ref().0.is_none()) {
                self.at(f, s.values.span(), "the series has no values, only gaps");
            }
        }
        if let (Some(target), Some(first)) = (&d.target, years.get_ref().first()) {
            if target.get_ref().year < *first.get_ref() {
                let dg = self.at(
                    f,
                    target.span(),
                    format!(
                        "the target year {} is before the data starts ({})",
                        target.get_ref().year,
                        first.get_ref()
                    ),
                );
                dg.hint = Some("a target lies in the future of the data; check the year".into());
            }
        }
        self.target_label(ind);
    }

    fn categories(&mut self, ind: &Indicator) {
        let f = &ind.file;
        let d = &ind.data;
        if !d.series.is_empty() {
            self.problems
                .push(Diagnostic::error(&f.path, "[[series]] needs years = [...]; comparisons use [[category]] only"));
        }
        match &d.year {
            Some(y) if !YEARS.contains(y.get_ref()) => {
                self.at(f, y.span(), format!("{} is not a sensible year", y.get_ref()));
            }
            None => self.problems.push(
                Diagnostic::error(&f.path, "a comparison by [[category]] needs the year it shows")
                    .with_hint("add year = 2023 (the year of the values) at the top"),
            ),
            _ => {}
        }
        for c in &d.categories {
            self.text(f, &c.name, "the category name");
            if c.value.get_ref().0.is_none() {
                self.at(f, c.value.span(), "a category needs a value");
            }
        }
        if let (Some(target), Some(year)) = (&d.target, &d.year) {
            if target.get_ref().year < *year.get_ref() {
                self.at(
                    f,
                    target.span(),
                    format!("the target year {} is before the data ({})", target.get_ref().year, year.get_ref()),
                );
            }
        }
        self.target_label(ind);
    }

    fn target_label(&mut self, ind: &Indicator) {
        if let Some(target) = &ind.data.target {
            if let Some(label) = &target.get_ref().label {
                let spanned = Spanned::new(target.span(), label.clone());
                self.text(&ind.file, &spanned, "the target label");
            }
        }
    }
}
