//! The overview of a programme's year: how many goals got each assessment
//! (in words, and as the parts of a bar), and how the assessments changed
//! since the year before.

use serde::Serialize;

use crate::locale::{fill, I18n, Lang, UiKey};
use crate::model::{GoalId, Site};

/// One programme's assessments in the report year.
#[derive(Serialize)]
pub struct TallyView {
    pub year: i32,
    /// How many goals the programme has.
    pub goals: usize,
    /// One part per step of the scale given this year (in the scale's
    /// order), then the goals without an assessment.
    pub parts: Vec<TallyPart>,
    pub change: Option<ChangeView>,
}

#[derive(Serialize)]
pub struct TallyPart {
    /// `met`, `partly`, `not-met`, `not-assessed`, or `none` (no assessment).
    pub kind: &'static str,
    /// The count in words: "3 Ja".
    pub text: String,
    pub count: usize,
    /// Where the part starts in the bar, counted in goals.
    pub start: usize,
}

/// The assessments compared with an earlier year's.
#[derive(Serialize)]
pub struct ChangeView {
    /// The year compared with.
    pub year: i32,
    /// "Jämfört med 2023:"
    pub intro: String,
    /// "1 bättre", "1 sämre", "4 med samma bedömning", "1 nytt delmål", "1
    /// utan bedömning att jämföra": the non-zero ones.
    pub parts: Vec<ChangePart>,
}

#[derive(Serialize)]
pub struct ChangePart {
    /// `better`, `worse`, `same`, `new` or `uncompared`.
    pub direction: &'static str,
    pub text: String,
}

/// How many of `goals` got each step of the scale in `year`, and how many got none.
pub fn counts(site: &Site, goals: &[GoalId], year: i32) -> (Vec<usize>, usize) {
    let mut per_step = vec![0; site.settings.scale.len()];
    let mut none = 0;
    for &g in goals {
        match site.goal(g).assessment_for(year) {
            Some(a) => per_step[a.step] += 1,
            None => none += 1,
        }
    }
    (per_step, none)
}

/// How the assessments of `goals` in `year` compare with the latest earlier
/// year in which any of them was assessed: that year, and how many goals
/// got a better, a worse and the same assessment, how many are new (never
/// assessed before `year`), and how many cannot be compared (not assessed,
/// or "not assessed", in one of the two years). Every goal is counted once,
/// so the comparison adds up to the tally; none when no earlier year has an
/// assessment.
pub fn change(site: &Site, goals: &[GoalId], year: i32) -> Option<(i32, [usize; 5])> {
    let earlier = goals.iter().flat_map(|&g| &site.goal(g).assessments).map(|a| a.year).filter(|&y| y < year).max()?;
    let rank = |g: GoalId, y: i32| {
        let a = site.goal(g).assessment_for(y)?;
        site.settings.scale[a.step].kind.rank()
    };
    let mut counts = [0; 5];
    for &g in goals {
        let new = !site.goal(g).assessments.iter().any(|a| a.year < year);
        let k = match (rank(g, year), rank(g, earlier)) {
            _ if new => 3,
            (Some(now), Some(then)) => match now.cmp(&then) {
                std::cmp::Ordering::Greater => 0,
                std::cmp::Ordering::Less => 1,
                std::cmp::Ordering::Equal => 2,
            },
            _ => 4,
        };
        counts[k] += 1;
    }
    Some((earlier, counts))
}

/// One part of the comparison in words: "1 bättre", "1 nytt delmål".
fn change_part(direction: &'static str, n: usize, i18n: &I18n) -> ChangePart {
    let key = match direction {
        "better" => UiKey::ChangeBetter,
        "worse" => UiKey::ChangeWorse,
        "same" => UiKey::ChangeSame,
        "new" if n == 1 => UiKey::ChangeNewOne,
        "new" => UiKey::ChangeNewMany,
        _ => UiKey::ChangeUncompared,
    };
    ChangePart { direction, text: fill(&i18n.string(key), &[("n", &n.to_string())]) }
}

/// The tally of `goals` in `year`, in `lang`; none for a programme without goals.
pub fn tally(site: &Site, goals: &[GoalId], year: i32, i18n: &I18n, lang: Lang) -> Option<TallyView> {
    if goals.is_empty() {
        return None;
    }
    let (per_step, none) = counts(site, goals, year);
    let mut parts = Vec::new();
    let mut start = 0;
    let steps = site.settings.scale.iter().zip(per_step);
    for (kind, text, count) in steps
        .map(|(step, n)| (step.kind.as_str(), format!("{n} {}", step.label.tr(lang)), n))
        .chain(std::iter::once(("none", fill(&i18n.string(UiKey::TallyUnassessed), &[("n", &none.to_string())]), none)))
        .filter(|(_, _, n)| *n > 0)
    {
        parts.push(TallyPart { kind, text, count, start });
        start += count;
    }
    let change = change(site, goals, year).map(|(earlier, counts)| ChangeView {
        year: earlier,
        intro: fill(&i18n.string(UiKey::ChangeIntro), &[("year", &earlier.to_string())]),
        parts: ["better", "worse", "same", "new", "uncompared"]
            .into_iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(direction, n)| change_part(direction, n, i18n))
            .collect(),
    });
    Some(TallyView { year, goals: goals.len(), parts, change })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Text;
    use crate::model::{Assessment, AssessmentKind, Goal, ProgrammeId, ScaleStep};
    use crate::source::Source;
    use std::sync::Arc;

    fn step(id: &str, kind: AssessmentKind) -> ScaleStep {
        ScaleStep { id: id.into(), kind, label: Text::Same(id.into()), description: None }
    }

    /// A site whose goals were assessed `years[i]` = [(year, step), …].
    fn site(years: &[&[(i32, usize)]]) -> Site {
        let mut site = Site::default();
        site.settings.scale = vec![
            step("Ja", AssessmentKind::Met),
            step("Delvis", AssessmentKind::Partly),
            step("Nej", AssessmentKind::NotMet),
            step("Ej bedömt", AssessmentKind::NotAssessed),
        ];
        site.goals = years
            .iter()
            .enumerate()
            .map(|(i, ys)| Goal {
                id: format!("g{i}"),
                programme: ProgrammeId(0),
                slug: None,
                title: Text::Same("g".into()),
                target: Text::Same("t".into()),
                indicators: Vec::new(),
                assessments: ys
                    .iter()
                    .map(|&(year, step)| Assessment { year, step, motivation: None, correction: None })
                    .collect(),
                written_at: (Arc::new(Source::new("content/p/programme.toml", "")), 0..0),
            })
            .collect();
        site
    }

    fn all(site: &Site) -> Vec<GoalId> {
        (0..site.goals.len()).map(GoalId).collect()
    }

    #[test]
    fn counts_every_step_and_the_goals_without_one() {
        let s = site(&[&[(2024, 0)], &[(2024, 0)], &[(2024, 1)], &[(2023, 2)], &[(2024, 3)]]);
        assert_eq!(counts(&s, &all(&s), 2024), (vec![2, 1, 0, 1], 1));
    }

    #[test]
    fn change_compares_with_the_latest_earlier_year_and_skips_what_cannot_be_compared() {
        let s = site(&[
            &[(2022, 2), (2024, 0)], // only 2022 before: not compared with 2023
            &[(2023, 2), (2024, 1)], // better
            &[(2023, 0), (2024, 1)], // worse
            &[(2023, 1), (2024, 1)], // same
            &[(2023, 3), (2024, 0)], // "not assessed" then: not compared
            &[(2023, 0)],            // no assessment now
        ]);
        assert_eq!(change(&s, &all(&s), 2024), Some((2023, [1, 1, 1, 0, 3])), "every goal counted once");
        assert_eq!(change(&s, &all(&s), 2023), Some((2022, [0, 0, 0, 5, 1])), "assessed first in 2023: new");
        let first_year = site(&[&[(2024, 0)]]);
        assert_eq!(change(&first_year, &all(&first_year), 2024), None);
    }

    #[test]
    fn a_goal_added_this_year_is_counted_as_new_so_the_comparison_adds_up_to_the_tally() {
        let s = site(&[&[(2024, 0), (2025, 0)], &[(2024, 1), (2025, 0)], &[(2025, 1)]]);
        assert_eq!(change(&s, &all(&s), 2025), Some((2024, [1, 0, 1, 1, 0])));
    }
}
