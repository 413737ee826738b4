//! Each year's assessments of a programme's goals (`assessments/<year>.toml`,
//! one table per goal, named by the goal's id): every goal named must exist,
//! every status must be on the scale, and every goal should be assessed for
//! the report year. Assessments in the old place, under a goal in
//! `programme.toml`, are refused with the new shape shown.

use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::Severity;
use crate::load::files::GoalEntry;
use crate::load::{LoadedProgramme, ASSESSMENTS_DIR};
use crate::model::{Assessment, Goal, ScaleStep};
use crate::source::Source;
use crate::text::{is_valid_slug, nearest, slugify};

use super::{Validator, What};
use crate::formats::YEARS;

impl Validator<'_> {
    /// Attaches the programme's assessment files to its `goals`.
    pub(super) fn assessments(
        &mut self,
        p: &LoadedProgramme,
        goals: &mut [Goal],
        scale: &[ScaleStep],
        report_year: i32,
    ) {
        for file in &p.assessments {
            let f = &file.source;
            if !YEARS.contains(&file.year) {
                self.file(f, msg!(YearNotSensible, year = file.year)).hint = Some(msg!(YearFileName));
                continue;
            }
            if file.year > report_year {
                let d = self.file(f, msg!(AssessmentsAfterReportYear, year = file.year, report_year = report_year));
                d.hint = Some(msg!(AssessmentsAfterReportYearHint, year = file.year));
                continue;
            }
            for (goal_id, entry) in &file.data {
                let Some(goal) = goals.iter_mut().find(|g| g.id == *goal_id.get_ref()) else {
                    self.unknown_goal(f, goal_id, p);
                    continue;
                };
                let e = entry.get_ref();
                let motivation = self.opt_text(f, &e.motivation, What::MOTIVATION);
                let correction = self.opt_text(f, &e.correction, What::CORRECTION);
                self.published(f, file.year, goal_id, entry, correction.is_some());
                match scale.iter().position(|s| s.id == *e.status.get_ref()) {
                    Some(step) => goal.assessments.push(Assessment { year: file.year, step, motivation, correction }),
                    None => self.unknown_status(f, goal_id, &e.status, scale, file.year),
                }
            }
            self.unpublished_removals(p, file);
        }
        for goal in goals.iter_mut() {
            goal.assessments.sort_by_key(|a| a.year);
        }
        // A report year's file that could not be read has its own error; no
        // warnings that its goals are unassessed on top of it.
        let file =
            std::path::Path::new("content").join(&p.id).join(ASSESSMENTS_DIR).join(format!("{report_year}.toml"));
        if YEARS.contains(&report_year) && !self.unread.contains(&file) {
            self.unassessed(p, goals, report_year);
        }
    }

    /// Every goal is assessed for the report year (or says on purpose that it
    /// is not). A goal named in the report year's file with a status that has
    /// its own error is not warned about again.
    fn unassessed(&mut self, p: &LoadedProgramme, goals: &[Goal], report_year: i32) {
        let named: Vec<&str> = p
            .assessments
            .iter()
            .filter(|file| file.year == report_year)
            .flat_map(|file| file.data.keys().map(|id| id.get_ref().as_str()))
            .collect();
        // A name in the file that is no goal's was meant for the goal nearest
        // it: that name has its error, with the goal's id as the fix.
        let ids: Vec<&str> = goals.iter().map(|g| g.id.as_str()).collect();
        let meant: Vec<&str> = named.iter().filter(|n| !ids.contains(n)).filter_map(|n| nearest(n, &ids)).collect();
        for (goal, entry) in goals.iter().zip(&p.data.goals) {
            let id = goal.id.as_str();
            if goal.assessment_for(report_year).is_some() || named.contains(&id) || meant.contains(&id) {
                continue;
            }
            let d = self.at(&p.source, entry.id.span(), msg!(GoalUnassessed, goal = id, year = report_year));
            let file = format!("content/{}/{ASSESSMENTS_DIR}/{report_year}.toml", p.id);
            // The table is named by the id as it must be written (an id with å is an error of its own).
            let table = if is_valid_slug(id) { id.to_owned() } else { slugify(id) };
            d.hint = Some(msg!(GoalUnassessedHint, goal = table, file = file));
            d.severity = Severity::Warning;
        }
    }

    fn unknown_goal(&mut self, f: &Arc<Source>, goal_id: &Spanned<String>, p: &LoadedProgramme) {
        let mut seen = std::collections::HashSet::new();
        let ids: Vec<&str> =
            p.data.goals.iter().map(|g| g.id.get_ref().as_str()).filter(|id| seen.insert(*id)).collect();
        let d = self.at(f, goal_id.span(), msg!(NoSuchGoal, goal = goal_id.get_ref(), file = &p.source.path));
        d.hint = Some(match nearest(goal_id.get_ref(), &ids) {
            Some(best) => msg!(DidYouMeanTable, suggestion = best),
            None if ids.is_empty() => msg!(ProgrammeNoGoals),
            None => msg!(TablesAreGoals, list = ids.join(", ")),
        });
    }

    fn unknown_status(
        &mut self,
        f: &Arc<Source>,
        goal: &Spanned<String>,
        status: &Spanned<String>,
        scale: &[ScaleStep],
        year: i32,
    ) {
        let ids: Vec<&str> = scale.iter().map(|s| s.id.as_str()).collect();
        if status.get_ref().trim().is_empty() {
            // Left empty by `goalsite new-year`, to be filled in.
            let d = self.at(f, status.span(), msg!(StatusNotFilledIn, goal = goal.get_ref(), year = year));
            d.hint = Some(msg!(StatusNotFilledInHint, list = ids.join(", ")));
            return;
        }
        let written = status.get_ref();
        let d = self.at(f, status.span(), msg!(UnknownStatus, status = written, list = ids.join(", ")));
        let lowercase = written.to_lowercase();
        d.hint = Some(match nearest(written, &ids) {
            Some(best) if best == lowercase => msg!(StatusLowercase, status = best),
            Some(best) => msg!(DidYouMean, suggestion = best),
            None => msg!(UseOneOf, list = ids.join(", ")),
        });
    }

    /// `[[goal.assessment]]` in `programme.toml`: an assessment added at the
    /// end of the file would silently belong to the last goal, so it is an
    /// error that shows where each assessment goes now.
    pub(super) fn old_assessments(&mut self, f: &Arc<Source>, g: &GoalEntry, old: &Spanned<Vec<toml::Table>>) {
        let folder = f.path.parent().map(|p| p.join(ASSESSMENTS_DIR)).unwrap_or_default();
        let mut moved = String::new();
        for table in old.get_ref() {
            let year = table.get("year").map_or("<year>".to_owned(), ToString::to_string);
            moved.push_str(&format!("\n\n# {}/{year}.toml\n[{}]", folder.display(), g.id.get_ref()));
            for (key, value) in table.iter().filter(|(k, _)| *k != "year") {
                moved.push_str(&format!("\n{key} = {value}"));
            }
        }
        let d = self.at(f, old.span(), msg!(OldAssessments));
        d.hint = Some(msg!(OldAssessmentsHint, moved = moved));
    }
}
