//! What the earlier editions published, as the current edition is checked
//! against it: which goals each year's edition had, and every assessment as
//! the latest edition published it (earlier years' too, with their
//! corrections).

use std::collections::{BTreeMap, BTreeSet};

use crate::locale::Text;
use crate::model::Site;

/// What the archived editions published.
#[derive(Debug, Default)]
pub struct History {
    /// The goal ids of each archived edition, by its year.
    pub goals: BTreeMap<i32, BTreeSet<String>>,
    /// Every assessment the latest edition published, by goal id and year.
    pub assessments: BTreeMap<(String, i32), Published>,
    /// The year of the latest archived edition.
    pub latest: Option<i32>,
}

/// An assessment as an edition published it.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The id of its step on the edition's scale.
    pub status: String,
    pub motivation: Option<Text>,
}

impl History {
    /// The history of `editions` (each archived edition's year and checked
    /// site, oldest first).
    pub fn of(editions: &[(i32, &Site)]) -> History {
        let goals =
            editions.iter().map(|(year, site)| (*year, site.goals.iter().map(|g| g.id.clone()).collect())).collect();
        let mut assessments = BTreeMap::new();
        if let Some((_, site)) = editions.last() {
            for goal in &site.goals {
                for a in &goal.assessments {
                    let status = site.settings.scale[a.step].id.clone();
                    assessments
                        .insert((goal.id.clone(), a.year), Published { status, motivation: a.motivation.clone() });
                }
            }
        }
        History { goals, assessments, latest: editions.last().map(|(year, _)| *year) }
    }

    /// Whether the assessments of `year` were published by an archived
    /// edition (and so may only change with a correction).
    pub fn covers(&self, year: i32) -> bool {
        self.latest.is_some_and(|latest| year <= latest)
    }
}
