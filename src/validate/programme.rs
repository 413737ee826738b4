//! Programmes and their goals: texts, slugs, narrative, unique ids and the
//! indicators a goal lists. Each year's assessments (`assessments/<year>.toml`)
//! are in `assessments.rs`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Severity;
use crate::load::files::{GoalEntry, ProgrammeFile};
use crate::load::{LoadedProgramme, INDICATORS_DIR};
use crate::locale::{Lang, Text};
use crate::model::{Goal, GoalId, IndicatorId, Programme, ProgrammeId, Site};
use crate::source::Source;
use crate::text::{is_valid_slug, nearest, slugify};

use super::{Validator, What};

/// The longest menu entry that fits a phone's menu on a line or two.
const MENU_TITLE_CHARS: usize = 40;

/// Every indicator id of the site, for goals that name them.
struct Known<'a> {
    /// Every indicator id, with the indicator it names.
    indicators: &'a HashMap<String, IndicatorId>,
    /// Ids of indicator files that could not be read (already reported).
    unread: HashSet<String>,
}

impl Validator<'_> {
    /// Checks and converts every programme with its goals, assessments and indicators.
    pub(super) fn programmes(&mut self, site: &mut Site, mut programmes: Vec<LoadedProgramme>, failed: &[PathBuf]) {
        for p in &mut programmes {
            p.indicators.sort_by_cached_key(|i| (i.data.order.unwrap_or(i64::MAX), i.id.clone()));
        }
        let indicator_ids = self.indicator_ids(&programmes);
        let unread = failed
            .iter()
            .filter(|p| p.parent().and_then(Path::file_name).is_some_and(|n| n == INDICATORS_DIR))
            .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
            .collect();
        let known = Known { indicators: &indicator_ids, unread };
        // Where each goal id was first seen: file and line.
        let mut goal_places: HashMap<String, String> = HashMap::new();
        for (pi, p) in programmes.into_iter().enumerate() {
            let programme = ProgrammeId(pi);
            let first_goal = site.goals.len();
            for g in &p.data.goals {
                let place = format!("{}:{}", p.source.path.display(), p.source.line_of(g.id.span().start));
                if let Some(first) = goal_places.get(g.id.get_ref()) {
                    let d = self.at(&p.source, g.id.span(), msg!(GoalIdTwice, id = g.id.get_ref()));
                    d.hint = Some(msg!(GoalIdTwiceHint, other = first));
                } else {
                    goal_places.insert(g.id.get_ref().clone(), place);
                }
                let goal = self.goal(&p.source, g, programme, &known);
                site.goals.push(goal);
            }
            let goals = &mut site.goals[first_goal..];
            self.assessments(&p, goals, &site.settings.scale, site.settings.report_year);
            let mut indicators = Vec::new();
            for ind in &p.indicators {
                indicators.push(IndicatorId(site.indicators.len()));
                let indicator = self.indicator(ind, programme);
                site.indicators.push(indicator);
            }
            let goals = (first_goal..site.goals.len()).map(GoalId).collect();
            let converted = self.programme(p, goals, indicators);
            site.programmes.push(converted);
        }
        for (gi, goal) in site.goals.iter().enumerate() {
            for ind in &goal.indicators {
                site.indicators[ind.0].goals.push(GoalId(gi));
            }
        }
    }

    /// Indicator ids (their file names) are unique in the whole site.
    fn indicator_ids(&mut self, programmes: &[LoadedProgramme]) -> HashMap<String, IndicatorId> {
        let mut files: HashMap<&str, String> = HashMap::new();
        let mut ids = HashMap::new();
        for (i, ind) in programmes.iter().flat_map(|p| &p.indicators).enumerate() {
            if let Some(first) = files.insert(&ind.id, ind.source.path.to_string_lossy().into_owned()) {
                self.file(&ind.source, msg!(IndicatorIdTwice, id = &ind.id)).hint =
                    Some(msg!(IndicatorIdTwiceHint, other = first));
            }
            ids.entry(ind.id.clone()).or_insert(IndicatorId(i));
        }
        ids
    }

    fn programme(&mut self, p: LoadedProgramme, goals: Vec<GoalId>, indicators: Vec<IndicatorId>) -> Programme {
        let f = &p.source;
        let d = &p.data;
        if d.slug.is_none() && !is_valid_slug(&p.id) {
            self.file(f, msg!(FolderNotAddress, folder = &p.id)).hint =
                Some(msg!(FolderNotAddressHint, folder = slugify(&p.id)));
        }
        let title = self.text(f, &d.title, What::PROGRAMME_TITLE);
        let menu_title = self.opt_text(f, &d.menu_title, What::MENU_TITLE);
        self.menu_length(f, d, &title, menu_title.as_ref());
        let slug = self.slug(f, &d.slug);
        let summary = self.opt_text(f, &d.summary, What::SUMMARY);
        let no_goals_note = self.opt_text(f, &d.no_goals_note, What::NO_GOALS_NOTE);
        let data_themes = self.data_themes(f, &d.data_themes);
        let mut narrative = p.narrative;
        if narrative.is_empty() {
            let files: Vec<String> = self.langs.iter().map(|l| format!("_index.{l}.md")).collect();
            self.file(f, msg!(ProgrammeNoText)).hint = Some(msg!(ProgrammeNoTextHint).alternatives(&files));
        } else {
            self.docs(&mut narrative, &format!("{}/_index.md", p.id), super::docs::Role::Narrative(&f.path));
        }
        Programme {
            file: f.path.clone(),
            fingerprint: crate::source::fingerprint(f.text.as_bytes()),
            id: p.id,
            title,
            menu_title,
            slug,
            summary,
            no_goals_note,
            data_themes,
            narrative,
            goals,
            indicators,
        }
    }

    /// A programme whose menu entry (its menu title, or else its title) is
    /// longer than [`MENU_TITLE_CHARS`] in some language fills the menu on a phone.
    fn menu_length(&mut self, f: &Arc<Source>, d: &ProgrammeFile, title: &Text, menu: Option<&Text>) {
        let (shown, span) = match (menu, &d.menu_title) {
            (Some(menu), Some(written)) => (menu, written.span()),
            _ => (title, d.title.span()),
        };
        let long: Vec<&str> =
            self.langs.iter().filter(|l| shown.tr(**l).chars().count() > MENU_TITLE_CHARS).map(Lang::as_str).collect();
        if long.is_empty() {
            return;
        }
        let what = if menu.is_some() { "menu-title" } else { "title" };
        let message = msg!(MenuTitleLong, what = what, max = MENU_TITLE_CHARS, langs = long.join(", "));
        let example = crate::lang::text_example(self.langs);
        let d = self.at(f, span, message);
        d.severity = Severity::Warning;
        d.hint = Some(msg!(MenuTitleLongHint, example = example));
    }

    fn goal(&mut self, f: &Arc<Source>, g: &GoalEntry, programme: ProgrammeId, known: &Known) -> Goal {
        self.id(f, &g.id, "goal");
        let slug = self.slug(f, &g.slug);
        let title = self.text(f, &g.title, What::GOAL_TITLE);
        let target = self.text(f, &g.target, What::GOAL_TARGET);
        let mut listed = HashSet::new();
        let mut indicators = Vec::new();
        for r in &g.indicators {
            if !listed.insert(r.get_ref()) {
                self.at(f, r.span(), msg!(IndicatorListedTwice, id = r.get_ref()));
            }
            match known.indicators.get(r.get_ref()) {
                Some(id) => indicators.push(*id),
                None if known.unread.contains(r.get_ref()) => {}
                None => {
                    let candidates: Vec<&str> = known.indicators.keys().map(String::as_str).collect();
                    let d = self.at(f, r.span(), msg!(NoSuchIndicator, id = r.get_ref()));
                    d.hint = Some(match nearest(r.get_ref(), &candidates) {
                        Some(best) => msg!(DidYouMean, suggestion = best),
                        None => msg!(IndicatorIdIsFileName),
                    });
                }
            }
        }
        if let Some(old) = &g.old_assessments {
            self.old_assessments(f, g, old);
        }
        let written_at = (f.clone(), g.slug.as_ref().map_or(g.id.span(), |s| s.span()));
        let (id, assessments) = (g.id.get_ref().clone(), Vec::new());
        Goal { id, programme, slug, title, target, indicators, assessments, written_at }
    }
}
