//! The editor's collections, from the site as it is now: every Markdown text
//! per language (home page, programme texts, free pages), each programme's
//! assessments per year (one group per goal, the status a choice among the
//! scale's labels), each indicator's figures, and each programme's file.
//! Archived editions (`editions/`) are never among them.

use std::path::Path;

use serde_json::{json, Value};

use super::fields::{declared, merge, Forms};
use crate::load::files::{CategoryEntry, GoalEntry, IndicatorFile, ProgrammeFile, SeriesEntry, TargetEntry};
use crate::load::{ASSESSMENTS_DIR, CONTENT_DIR, INDEX_STEM};
use crate::locale::Lang;
use crate::messages::Message;
use crate::model::{Data, FrontMatter, Indicator, Programme, Site};
use crate::pages::PageRef;
use crate::routes::Routes;
use crate::schemas::SchemaFile;

/// What the collections are made from.
pub struct Sources<'a> {
    pub root: &'a Path,
    pub site: &'a Site,
    pub routes: &'a Routes,
    pub forms: &'a Forms,
    /// The language of the collections' names (goalsite's messages).
    pub said_in: Lang,
    /// goalsite's JSON Schemas, and the front matter's.
    pub schemas: Vec<SchemaFile>,
    pub front_matter: Value,
}

/// The names of the collections whose files are Markdown.
pub const MARKDOWN: [&str; 1] = ["goalsite-texts"];

/// What a Markdown document is, which decides its front matter (as
/// `validate` checks it: the home page has a title and a description, a
/// free page also a slug and an order, a programme's text none).
#[derive(Clone, Copy)]
enum Role {
    Home,
    Page,
    Narrative,
}

impl Role {
    fn front_matter(self) -> Vec<&'static str> {
        let used: &[&str] = match self {
            Role::Home => &["title", "description"],
            Role::Page => &["title", "slug", "description", "order"],
            Role::Narrative => &[],
        };
        let all = declared::<FrontMatter>();
        all.iter().copied().filter(|f| used.contains(f) || *f == "still_valid").collect()
    }
}

impl Sources<'_> {
    /// Every collection, texts first.
    pub fn collections(&self) -> Vec<Value> {
        let mut all = vec![self.texts()];
        all.extend(self.assessments());
        all.extend(self.indicators());
        all.push(self.programmes());
        all
    }

    /// The schema of goalsite's file `name` (`indicator.schema.json`).
    fn schema(&self, name: &str) -> &Value {
        self.schemas.iter().find(|s| s.name == name).map_or(&Value::Null, |s| &s.json)
    }

    fn say(&self, message: Message) -> String {
        message.text(self.said_in)
    }

    fn first_lang(&self) -> Lang {
        self.site.settings.default_lang()
    }

    fn collection(&self, name: &str, label: Message, description: Message, files: Vec<Value>) -> Value {
        json!({
            "name": name,
            "label": self.say(label),
            "description": self.say(description),
            "format": format!("goalsite-{name}"),
            "editor": { "preview": false },
            "files": files,
        })
    }

    fn texts(&self) -> Value {
        let site = self.site;
        let mut files = self.docs(INDEX_STEM, PageRef::Home, Role::Home, self.say(msg!(CmsHome)));
        for (i, p) in site.programmes.iter().enumerate() {
            let stem = format!("{}/{INDEX_STEM}", p.id);
            let page = PageRef::Programme(crate::model::ProgrammeId(i));
            files.extend(self.docs(&stem, page, Role::Narrative, p.title.tr(self.first_lang()).to_owned()));
        }
        for (i, page) in site.pages.iter().enumerate() {
            let title = page.docs.get(&self.first_lang()).or_else(|| page.docs.values().next());
            let title = title.and_then(|d| d.front.title.clone()).unwrap_or_else(|| page.key.clone());
            let stem = page.key.trim_end_matches(".md");
            files.extend(self.docs(stem, PageRef::Page(crate::model::PageId(i)), Role::Page, title));
        }
        self.collection("texts", msg!(CmsTexts), msg!(CmsTextsAbout), files)
    }

    /// A document's file in every language of the site (a missing one is
    /// made when saved).
    fn docs(&self, stem: &str, page: PageRef, role: Role, title: String) -> Vec<Value> {
        let schema = &self.front_matter;
        let mut fields = self.forms.fields(schema, schema, &role.front_matter());
        fields.push(json!({
            "name": "body",
            "label": self.say(msg!(CmsBody)),
            "hint": self.say(msg!(CmsBodyHint)),
            "widget": "markdown",
            "modes": ["raw"],
            "required": false,
        }));
        let languages = &self.site.settings.languages;
        languages
            .iter()
            .map(|l| {
                let file = format!("{CONTENT_DIR}/{stem}.{}.md", l.code);
                json!({
                    "name": entry_name(&format!("{stem}-{}", l.code)),
                    "label": self.say(msg!(CmsTextFile, page = title.as_str(), language = l.name.as_str())),
                    "file": file,
                    "preview_path": self.routes.path(page, l.code),
                    "fields": fields,
                })
            })
            .collect()
    }

    fn assessments(&self) -> Option<Value> {
        let files: Vec<Value> = self
            .site
            .programmes
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.goals.is_empty())
            .flat_map(|(i, p)| self.assessment_files(i, p))
            .collect();
        (!files.is_empty())
            .then(|| self.collection("assessments", msg!(CmsAssessments), msg!(CmsAssessmentsAbout), files))
    }

    /// A programme's assessments files, newest first: those in its folder,
    /// and the report year's if it has none yet.
    fn assessment_files(&self, index: usize, p: &Programme) -> Vec<Value> {
        let report_year = self.site.settings.report_year;
        let folder = Path::new(CONTENT_DIR).join(&p.id).join(ASSESSMENTS_DIR);
        let mut years: Vec<i32> = std::fs::read_dir(self.root.join(&folder))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().to_str()?.strip_suffix(".toml")?.parse().ok())
            .collect();
        let new = !years.contains(&report_year);
        if new {
            years.push(report_year);
        }
        years.sort_unstable_by(|a, b| b.cmp(a));
        let title = p.title.tr(self.first_lang());
        let preview = self.routes.path(PageRef::Programme(crate::model::ProgrammeId(index)), self.first_lang());
        years
            .into_iter()
            .map(|year| {
                let is_new = new && year == report_year;
                json!({
                    "name": entry_name(&format!("{}-{year}", p.id)),
                    "label": self.say(msg!(CmsAssessmentsFile, programme = title, year = year, new = if is_new { "yes" } else { "no" })),
                    "file": format!("{}/{year}.toml", folder.to_string_lossy().replace('\\', "/")),
                    "preview_path": preview,
                    "fields": self.goal_fields(p, year < report_year),
                })
            })
            .collect()
    }

    /// One group per goal: its status among the scale's steps, the
    /// motivation in every language, and for an earlier year the correction.
    fn goal_fields(&self, p: &Programme, earlier: bool) -> Vec<Value> {
        let schema = self.schema("assessments.schema.json");
        let entry = &schema["definitions"]["assessment"];
        let names: &[&str] = if earlier { &["status", "motivation", "correction"] } else { &["status", "motivation"] };
        let lang = self.first_lang();
        let scale = &self.site.settings.scale;
        let options: Vec<Value> = scale.iter().map(|s| json!({ "label": s.label.tr(lang), "value": s.id })).collect();
        let meanings: Vec<String> = scale
            .iter()
            .map(|s| match &s.description {
                Some(d) => format!("{}: {}", s.label.tr(lang), d.tr(lang)),
                None => s.label.tr(lang).to_owned(),
            })
            .collect();
        p.goals
            .iter()
            .map(|&g| {
                let goal = self.site.goal(g);
                let mut fields = self.forms.fields(schema, entry, names);
                if let Some(status) = fields.first_mut() {
                    merge(status, json!({ "widget": "select", "options": options, "hint": meanings.join(" ") }));
                }
                json!({
                    "name": goal.id,
                    "label": goal.title.tr(lang),
                    "hint": goal.target.tr(lang),
                    "widget": "object",
                    "collapsed": false,
                    "required": true,
                    "fields": fields,
                })
            })
            .collect()
    }

    fn indicators(&self) -> Option<Value> {
        let files: Vec<Value> =
            self.site.indicators.iter().enumerate().map(|(i, ind)| self.indicator_file(i, ind)).collect();
        (!files.is_empty()).then(|| self.collection("indicators", msg!(CmsIndicators), msg!(CmsIndicatorsAbout), files))
    }

    /// An indicator's file: the fields of a time series or of a comparison.
    fn indicator_file(&self, index: usize, ind: &Indicator) -> Value {
        let lang = self.first_lang();
        let schema = self.schema("indicator.schema.json");
        let other: &[&str] = match ind.data {
            Data::Years { .. } => &["year", "category"],
            Data::Categories { .. } => &["years", "series"],
        };
        let names: Vec<&str> = declared::<IndicatorFile>().iter().copied().filter(|n| !other.contains(n)).collect();
        let programme = self.site.programme(ind.programme).title.tr(lang);
        let page = PageRef::Indicator(crate::model::IndicatorId(index));
        json!({
            "name": entry_name(&format!("{}-{}", self.site.programme(ind.programme).id, ind.id)),
            "label": self.say(msg!(CmsIndicatorFile, programme = programme, indicator = ind.title.tr(lang))),
            "file": ind.file.to_string_lossy().replace('\\', "/"),
            "preview_path": self.routes.path(page, lang),
            "fields": self.forms.fields(schema, schema, &names),
        })
    }

    fn programmes(&self) -> Value {
        let lang = self.first_lang();
        let schema = self.schema("programme.schema.json");
        let mut fields = self.forms.fields(schema, schema, declared::<ProgrammeFile>());
        for f in fields.iter_mut().filter(|f| f["name"] == "goal") {
            f["collapsed"] = true.into();
        }
        let files: Vec<Value> = self
            .site
            .programmes
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({
                    "name": entry_name(&p.id),
                    "label": p.title.tr(lang),
                    "file": p.file.to_string_lossy().replace('\\', "/"),
                    "preview_path": self.routes.path(PageRef::Programme(crate::model::ProgrammeId(i)), lang),
                    "fields": fields,
                })
            })
            .collect();
        self.collection("programmes", msg!(CmsProgrammes), msg!(CmsProgrammesAbout), files)
    }
}

/// The definitions whose fields follow their type's declared order.
pub fn declared_orders() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("series", declared::<SeriesEntry>()),
        ("category", declared::<CategoryEntry>()),
        ("goal", declared::<GoalEntry>()),
        ("target", declared::<TargetEntry>()),
    ]
}

/// An entry's name in the editor's addresses: lowercase letters, digits and `-`.
fn entry_name(path: &str) -> String {
    let mut name = String::new();
    for c in path.chars() {
        match c.is_ascii_alphanumeric() {
            true => name.push(c.to_ascii_lowercase()),
            false if !name.ends_with('-') => name.push('-'),
            false => {}
        }
    }
    name.trim_matches('-').to_owned()
}
