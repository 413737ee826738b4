//! `[open_data]` of `site.toml`, and a programme's data themes: what the
//! data catalogue (DCAT-AP-SE, which dataportal.se harvests) needs to say
//! about the data and its publisher, checked against the vocabularies it
//! must come from.

use std::sync::Arc;

use toml::Spanned;

use crate::config::SiteConfig;
use crate::diagnostics::Severity;
use crate::formats::{DATA_THEMES, DEFAULT_DATA_THEME, DEFAULT_PUBLISHER_TYPE, PUBLISHER_TYPES};
use crate::model::{Licence, OpenData};
use crate::source::Source;

use super::Validator;

impl Validator<'_> {
    /// `[open_data]`, or a warning that the site publishes no catalogue.
    pub(super) fn open_data(&mut self, c: &SiteConfig, file: &Arc<Source>) -> Option<OpenData> {
        let Some(o) = &c.open_data else {
            // The whole file: the table is missing, so no line of it is the place.
            let d = self.file(file, msg!(NoOpenData));
            d.severity = Severity::Warning;
            d.hint = Some(msg!(NoOpenDataHint));
            return None;
        };
        if c.footer.organisation.is_none() {
            self.at(file, o.licence.span(), msg!(CatalogueNeedsPublisher)).hint =
                Some(msg!(StatementNeedsOrganisationHint, example = crate::lang::text_example(self.langs)));
        }
        let licence = Licence::from_spdx(o.licence.get_ref()).unwrap_or_else(|| {
            let unknown = msg!(LicenceUnknown, value = o.licence.get_ref());
            self.at(file, o.licence.span(), unknown).hint = Some(msg!(LicenceHint));
            Licence::Cc0
        });
        let contact_email = self.email(file, Some(&o.contact_email)).unwrap_or_default();
        let publisher_iri = o.organisation_number.as_ref().and_then(|n| self.organisation_number(file, n));
        let publisher_type = match &o.publisher_type {
            Some(t) => self.one_of(file, t, &PUBLISHER_TYPES, "publisher-type"),
            None => DEFAULT_PUBLISHER_TYPE.to_owned(),
        };
        let mut themes = self.data_themes(file, &o.themes);
        if themes.is_empty() {
            themes.push(DEFAULT_DATA_THEME.to_owned());
        }
        let published = match &o.published {
            Some(date) => self.date(file, date, "published"),
            None => {
                let d = self.at(file, o.licence.span(), msg!(NoPublicationDate));
                d.severity = Severity::Warning;
                d.hint = Some(msg!(NoPublicationDateHint));
                None
            }
        };
        Some(OpenData { licence, contact_email, publisher_iri, publisher_type, themes, published })
    }

    /// EU data theme codes, each checked.
    pub(super) fn data_themes(&mut self, file: &Arc<Source>, themes: &[Spanned<String>]) -> Vec<String> {
        themes.iter().map(|t| self.one_of(file, t, &DATA_THEMES, "data-theme")).collect()
    }

    /// `value`, which must be one of `allowed`.
    fn one_of(&mut self, file: &Arc<Source>, value: &Spanned<String>, allowed: &[&str], what: &str) -> String {
        let v = value.get_ref();
        if !allowed.contains(&v.as_str()) {
            let d = self.at(file, value.span(), msg!(VocabularyUnknown, value = v, what = what));
            d.hint = Some(match crate::text::nearest(v, allowed) {
                Some(best) => msg!(VocabularyNearest, suggestion = best, what = what, list = allowed.join(", ")),
                None => msg!(VocabularyList, what = what, list = allowed.join(", ")),
            });
        }
        v.clone()
    }

    /// A Swedish organisation number (ten digits, a dash after the sixth if
    /// any, as the site.toml schema says) as dataportal.se's address for the
    /// organisation.
    fn organisation_number(&mut self, file: &Arc<Source>, number: &Spanned<String>) -> Option<String> {
        let written = number.get_ref();
        let digits = match written.split_once('-') {
            Some((head, tail)) if head.len() == 6 => format!("{head}{tail}"),
            Some(_) => String::new(),
            None => written.clone(),
        };
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
            self.at(file, number.span(), msg!(NotAnOrganisationNumber, value = number.get_ref())).hint =
                Some(msg!(OrganisationNumberHint));
            return None;
        }
        Some(format!("http://dataportal.se/organisation/SE{digits}"))
    }

    /// A TOML date (not a time), as `2026-11-27`.
    pub(super) fn date(
        &mut self,
        file: &Arc<Source>,
        date: &Spanned<toml::value::Datetime>,
        field: &str,
    ) -> Option<String> {
        let d = date.get_ref();
        if d.date.is_none() || d.time.is_some() {
            self.at(file, date.span(), msg!(NotADate, field = field, value = d.to_string())).hint =
                Some(msg!(DateHint, field = field));
            return None;
        }
        Some(d.to_string())
    }
}
