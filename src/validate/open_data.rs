//! `[open_data]` of `site.toml`, and a programme's data themes: what the
//! data catalogue (DCAT-AP-SE, which dataportal.se harvests) needs to say
//! about the data and its publisher, checked against the vocabularies it
//! must come from.

use std::sync::Arc;

use toml::Spanned;

use crate::config::SiteConfig;
use crate::diagnostics::Severity;
use crate::model::{Licence, OpenData};
use crate::source::Source;

use super::Validator;

/// The EU's data themes (publications.europa.eu/resource/authority/data-theme).
pub const DATA_THEMES: [&str; 14] = [
    "AGRI",
    "ECON",
    "EDUC",
    "ENER",
    "ENVI",
    "GOVE",
    "HEAL",
    "INTR",
    "JUST",
    "OP_DATPRO",
    "REGI",
    "SOCI",
    "TECH",
    "TRAN",
];

/// The ADMS publisher types (purl.org/adms/publishertype).
const PUBLISHER_TYPES: [&str; 11] = [
    "Academia-ScientificOrganisation",
    "Company",
    "IndustryConsortium",
    "LocalAuthority",
    "NationalAuthority",
    "NonGovernmentalOrganisation",
    "NonProfitOrganisation",
    "PrivateIndividual(s)",
    "RegionalAuthority",
    "StandardisationBody",
    "SupraNationalAuthority",
];

impl Validator<'_> {
    /// `[open_data]`, or a warning that the site publishes no catalogue.
    pub(super) fn open_data(&mut self, c: &SiteConfig, file: &Arc<Source>) -> Option<OpenData> {
        let Some(o) = &c.open_data else {
            // The whole file: the table is missing, so no line of it is the place.
            let d = self.file(file, "the site has no [open_data], so it publishes no data catalogue for dataportal.se");
            d.severity = Severity::Warning;
            d.hint = Some(
                "add [open_data] with licence = \"CC0-1.0\" (or \"CC-BY-4.0\"), contact_email, themes = [\"GOVE\"] and published = 2026-01-31"
                    .into(),
            );
            return None;
        };
        if c.footer.organisation.is_none() {
            self.at(file, o.licence.span(), "the data catalogue needs the publisher's name").hint =
                Some("add organisation = { sv = \"…\", en = \"…\" } under [footer]".into());
        }
        let licence = match o.licence.get_ref().as_str() {
            "CC0-1.0" => Licence::Cc0,
            "CC-BY-4.0" => Licence::CcBy4,
            other => {
                self.at(
                    file,
                    o.licence.span(),
                    format!("`{other}` is not a licence goalsite can publish data under"),
                )
                .hint = Some("write licence = \"CC0-1.0\" (no conditions) or \"CC-BY-4.0\" (name the source)".into());
                Licence::Cc0
            }
        };
        let contact_email = self.email(file, Some(&o.contact_email)).unwrap_or_default();
        let publisher_iri = o.organisation_number.as_ref().and_then(|n| self.organisation_number(file, n));
        let publisher_type = match &o.publisher_type {
            Some(t) => self.one_of(file, t, &PUBLISHER_TYPES, "publisher type"),
            None => "LocalAuthority".to_owned(),
        };
        let mut themes = self.data_themes(file, &o.themes);
        if themes.is_empty() {
            themes.push("GOVE".to_owned());
        }
        let published = match &o.published {
            Some(date) => self.date(file, date, "published"),
            None => {
                let d = self.at(file, o.licence.span(), "the data has no publication date");
                d.severity = Severity::Warning;
                d.hint = Some("add published = 2026-01-31 (the day the data was published) under [open_data]".into());
                None
            }
        };
        Some(OpenData { licence, contact_email, publisher_iri, publisher_type, themes, published })
    }

    /// EU data theme codes, each checked.
    pub(super) fn data_themes(&mut self, file: &Arc<Source>, themes: &[Spanned<String>]) -> Vec<String> {
        themes.iter().map(|t| self.one_of(file, t, &DATA_THEMES, "data theme")).collect()
    }

    /// `value`, which must be one of `allowed`.
    fn one_of(&mut self, file: &Arc<Source>, value: &Spanned<String>, allowed: &[&str], what: &str) -> String {
        let v = value.get_ref();
        if !allowed.contains(&v.as_str()) {
            let d = self.at(file, value.span(), format!("`{v}` is not a {what} the EU's vocabulary has"));
            d.hint = Some(match crate::text::nearest(v, allowed) {
                Some(best) => format!("did you mean {best}? The {what}s are {}", allowed.join(", ")),
                None => format!("the {what}s are {}", allowed.join(", ")),
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
            self.at(file, number.span(), format!("`{}` is not an organisation number", number.get_ref())).hint =
                Some("write the ten digits, like organisation_number = \"212000-0000\"".into());
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
            self.at(file, date.span(), format!("{field} {d} is not a date")).hint =
                Some(format!("write the date without quotes or a time, like {field} = 2026-11-27"));
            return None;
        }
        Some(d.to_string())
    }
}
