//! The open data page's values: every indicator with its unit, period,
//! source and files, the whole site's data and the catalogue, the licence,
//! and the indicators with example data, which are not published as data.

use minijinja::value::Serde;
use minijinja::Value;
use serde::Serialize;

use crate::downloads::{path, Name, CATALOG_PATH, FORMATS, ZIP_PATH};
use crate::locale::{Lang, UiKey};
use crate::model::{Indicator, IndicatorId, Licence};
use crate::routes::PageRef;

use super::views::FileLink;
use super::Renderer;

/// An indicator as the open data page lists it.
#[derive(Serialize)]
struct Dataset {
    heading: String,
    url: String,
    unit: String,
    /// `2019–2024`, or one year.
    period: String,
    source: String,
    /// The data formats, those in one language in the page's.
    files: Vec<FileLink>,
}

impl Renderer<'_> {
    pub(super) fn open_data_view(&self, lang: Lang) -> Value {
        let site = self.site;
        let (data, examples): (Vec<IndicatorId>, Vec<IndicatorId>) =
            (0..site.indicators.len()).map(IndicatorId).partition(|&i| !site.indicator(i).example_data);
        let list = |ids: &[IndicatorId]| -> Vec<Dataset> { ids.iter().map(|&i| self.dataset(i, lang)).collect() };
        let open = site.settings.open_data.as_ref();
        let i18n = self.theme.i18n(lang);
        let licence = match open.map(|o| o.licence) {
            Some(Licence::Cc0) => i18n.string(UiKey::OpenDataLicenceCc0),
            Some(Licence::CcBy4) => i18n.string(UiKey::OpenDataLicenceCcBy),
            None => i18n.string(UiKey::OpenDataNoLicence),
        };
        let has_data = !data.is_empty();
        let archived = site.edition.archived;
        minijinja::context! {
            datasets => Value::from(Serde(list(&data))),
            examples => Value::from(Serde(list(&examples))),
            licence => licence,
            licence_url => open.map(|o| o.licence.iri()),
            // The whole site's data and its catalogue are the current edition's.
            zip_url => (has_data && !archived).then(|| self.routes.asset_url(ZIP_PATH)),
            catalogue_url => (has_data && open.is_some() && !archived).then(|| self.routes.asset_url(CATALOG_PATH)),
        }
    }

    fn dataset(&self, id: IndicatorId, lang: Lang) -> Dataset {
        let ind: &Indicator = self.site.indicator(id);
        let i18n = self.theme.i18n(lang);
        Dataset {
            heading: crate::charts::heading(ind, i18n, lang),
            url: self.routes.url(PageRef::Indicator(id), lang),
            unit: ind.unit.as_ref().map_or("", |u| u.tr(lang)).to_owned(),
            period: match ind.data.period() {
                Some((a, b)) if a != b => format!("{a}–{b}"),
                Some((a, _)) => a.to_string(),
                None => String::new(),
            },
            source: ind.source.tr(lang).to_owned(),
            files: FORMATS
                .iter()
                .filter_map(|format| {
                    let label = match &format.data.as_ref()?.name {
                        Name::Ui(key) => i18n.string(*key),
                        Name::Same(name) => (*name).to_owned(),
                    };
                    Some(FileLink { label, url: self.routes.edition_url(&path(&ind.id, format, lang)) })
                })
                .collect(),
        }
    }
}
