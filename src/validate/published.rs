//! Assessments of years an earlier edition published: they stay as they
//! were published unless a correction says why they changed (the change and
//! the note are then shown in both editions), and a goal an edition did not
//! have gets no assessment for its year.

use std::sync::Arc;

use toml::Spanned;

use crate::load::files::AssessmentEntry;
use crate::load::{LoadedAssessments, LoadedProgramme};
use crate::source::Source;

use super::Validator;

impl Validator<'_> {
    /// `entry`, the assessment of `goal` for `year` in the current content,
    /// against what the archived editions published.
    pub(super) fn published(
        &mut self,
        f: &Arc<Source>,
        year: i32,
        goal: &Spanned<String>,
        entry: &Spanned<AssessmentEntry>,
        corrected: bool,
    ) {
        let history = self.history;
        if !history.covers(year) {
            return;
        }
        let id = goal.get_ref();
        if history.goals.get(&year).is_some_and(|goals| !goals.contains(id)) {
            self.at(f, goal.span(), msg!(GoalNotInEdition, goal = id, year = year)).hint =
                Some(msg!(GoalNotInEditionHint, year = year));
            return;
        }
        let e = entry.get_ref();
        let as_published = history.assessments.get(&(id.clone(), year));
        let same = as_published.is_some_and(|p| {
            p.status == *e.status.get_ref() && p.motivation.as_ref() == e.motivation.as_ref().map(Spanned::get_ref)
        });
        if same || corrected {
            return;
        }
        let edition = history.latest.unwrap_or(year);
        let (span, message) = match as_published {
            Some(p) if p.status != *e.status.get_ref() => (
                e.status.span(),
                msg!(PublishedStatusChanged, goal = id, year = year, edition = edition, status = &p.status),
            ),
            Some(_) => {
                let span = e.motivation.as_ref().map_or(goal.span(), Spanned::span);
                (span, msg!(PublishedMotivationChanged, goal = id, year = year, edition = edition))
            }
            None => (goal.span(), msg!(PublishedAdded, goal = id, year = year, edition = edition)),
        };
        self.at(f, span, message).hint = Some(msg!(PublishedHint, example = crate::lang::text_example(self.langs)));
    }

    /// An assessment a published edition had, gone from the year's file.
    pub(super) fn unpublished_removals(&mut self, p: &LoadedProgramme, file: &LoadedAssessments) {
        let history = self.history;
        if !history.covers(file.year) {
            return;
        }
        let goals_here: Vec<&str> = p.data.goals.iter().map(|g| g.id.get_ref().as_str()).collect();
        let removed: Vec<&String> = history
            .assessments
            .keys()
            .filter(|(goal, year)| *year == file.year && goals_here.contains(&goal.as_str()))
            .filter(|(goal, _)| !file.data.keys().any(|k| k.get_ref() == goal))
            .map(|(goal, _)| goal)
            .collect();
        let edition = history.latest.unwrap_or(file.year);
        for goal in removed {
            let d = self.file(&file.source, msg!(PublishedRemoved, goal = goal, year = file.year, edition = edition));
            d.hint = Some(msg!(PublishedRemovedHint, goal = goal));
        }
    }
}
