//! The data catalogue that dataportal.se harvests: `catalog.rdf`, RDF/XML in
//! DCAT-AP-SE (the Swedish profile of DCAT-AP). One `dcat:Catalog` for the
//! site, one `dcat:Dataset` per indicator with real data (example data is
//! never catalogued), and one `dcat:Distribution` per file: CSV, JSON and an
//! Excel workbook per language. Controlled values come from the EU's
//! vocabularies (file types, languages, themes, frequency, access rights),
//! as the DCAT-AP SHACL shapes require.

use crate::locale::{Lang, Text};
use crate::model::{IndicatorId, OpenData, Site};
use crate::routes::{PageRef, Routes};
use crate::text::escape;

/// The catalogue's path under the site root.
pub const CATALOG_PATH: &str = "catalog.rdf";

const EU: &str = "http://publications.europa.eu/resource/authority";
const IANA: &str = "https://www.iana.org/assignments/media-types";
const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
const XSD_YEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";

/// A file of a dataset: its path under the site root, its EU file type and
/// its IANA media type, and the language of its texts (none: every language).
pub struct Distribution {
    pub path: String,
    pub file_type: &'static str,
    pub media_type: &'static str,
    pub lang: Option<Lang>,
}

/// The catalogue of the `catalogued` indicators; `files(i)` lists indicator
/// `i`'s distributions.
pub fn catalog(
    site: &Site,
    routes: &Routes,
    open: &OpenData,
    catalogued: &[IndicatorId],
    files: &dyn Fn(IndicatorId) -> Vec<Distribution>,
) -> String {
    let s = &site.settings;
    let base = routes.base_url();
    let me = |fragment: &str| format!("{base}{CATALOG_PATH}#{fragment}");
    let publisher = open.publisher_iri.clone().unwrap_or_else(|| me("publisher"));
    let mut x = Xml::new(&s.langs(), s.report_year);
    x.open(&format!("dcat:Catalog rdf:about=\"{}\"", escape(&me("catalog"))));
    x.texts("dcterms:title", &s.title);
    x.texts("dcterms:description", &s.description);
    x.resource("dcterms:publisher", &publisher);
    // DCAT-AP-SE: the catalogue itself is always CC0.
    x.resource("dcterms:license", crate::model::Licence::Cc0.iri());
    x.resource("foaf:homepage", base);
    for lang in s.langs() {
        if let Some(code) = eu_language(&lang) {
            x.resource("dcterms:language", &format!("{EU}/language/{code}"));
        }
    }
    x.dates(open.published.as_deref());
    x.resource("dcat:themeTaxonomy", &format!("{EU}/data-theme"));
    for &id in catalogued {
        x.resource("dcat:dataset", &dataset_iri(routes, s.default_lang(), id));
    }
    x.close("dcat:Catalog");
    x.line(&format!("<foaf:Document rdf:about=\"{}\"/>", escape(base)));

    let organisation = s.footer.organisation.clone().unwrap_or_default();
    x.open(&format!("foaf:Agent rdf:about=\"{}\"", escape(&publisher)));
    x.texts("foaf:name", &organisation);
    x.resource("dcterms:type", &format!("http://purl.org/adms/publishertype/{}", open.publisher_type));
    x.close("foaf:Agent");
    x.open(&format!("vcard:Organization rdf:about=\"{}\"", escape(&me("contact"))));
    x.line(&format!("<vcard:fn>{}</vcard:fn>", escape(organisation.tr(s.default_lang()))));
    x.resource("vcard:hasEmail", &format!("mailto:{}", open.contact_email));
    x.close("vcard:Organization");

    for &id in catalogued {
        dataset(&mut x, site, routes, open, id, &publisher, &me("contact"), &files(id));
    }
    x.finish()
}

/// `…/sv/tillvaxt/utslapp/#dataset`: the dataset's IRI, on its landing page.
fn dataset_iri(routes: &Routes, lang: Lang, id: IndicatorId) -> String {
    format!("{}#dataset", routes.abs_url(PageRef::Indicator(id), lang))
}

#[allow(clippy::too_many_arguments)]
fn dataset(
    x: &mut Xml,
    site: &Site,
    routes: &Routes,
    open: &OpenData,
    id: IndicatorId,
    publisher: &str,
    contact: &str,
    files: &[Distribution],
) {
    let s = &site.settings;
    let ind = site.indicator(id);
    let lang = s.default_lang();
    let iri = dataset_iri(routes, lang, id);
    let landing = routes.abs_url(PageRef::Indicator(id), lang);
    x.open(&format!("dcat:Dataset rdf:about=\"{}\"", escape(&iri)));
    x.texts("dcterms:title", &ind.title);
    x.texts("dcterms:description", ind.definition.as_ref().unwrap_or(&ind.title));
    x.resource("dcterms:publisher", publisher);
    x.resource("dcat:contactPoint", contact);
    let programme = site.programme(ind.programme);
    for keyword in [programme.menu_title.as_ref().unwrap_or(&programme.title), &ind.title] {
        x.texts("dcat:keyword", keyword);
    }
    let themes = if programme.data_themes.is_empty() { &open.themes } else { &programme.data_themes };
    for theme in themes {
        x.resource("dcat:theme", &format!("{EU}/data-theme/{theme}"));
    }
    if let Some((first, last)) = ind.data.period() {
        x.open("dcterms:temporal");
        x.open("dcterms:PeriodOfTime");
        x.line(&format!("<dcat:startDate rdf:datatype=\"{XSD_YEAR}\">{first}</dcat:startDate>"));
        x.line(&format!("<dcat:endDate rdf:datatype=\"{XSD_YEAR}\">{last}</dcat:endDate>"));
        x.close("dcterms:PeriodOfTime");
        x.close("dcterms:temporal");
    }
    x.resource("dcterms:accrualPeriodicity", &format!("{EU}/frequency/ANNUAL"));
    x.resource("dcterms:accessRights", &format!("{EU}/access-right/PUBLIC"));
    for l in s.langs() {
        if let Some(code) = eu_language(&l) {
            x.resource("dcterms:language", &format!("{EU}/language/{code}"));
        }
    }
    x.resource("dcat:landingPage", &landing);
    x.dates(open.published.as_deref());
    x.open("dcterms:provenance");
    x.open("dcterms:ProvenanceStatement");
    x.texts("dcterms:description", &ind.source);
    x.close("dcterms:ProvenanceStatement");
    x.close("dcterms:provenance");
    for f in files {
        x.resource("dcat:distribution", &format!("{iri}-{}", f.path.rsplit('/').next().unwrap_or(&f.path)));
    }
    x.close("dcat:Dataset");
    x.line(&format!("<foaf:Document rdf:about=\"{}\"/>", escape(&landing)));
    for f in files {
        distribution(x, routes, open, &iri, &ind.title, f);
    }
}

fn distribution(x: &mut Xml, routes: &Routes, open: &OpenData, dataset: &str, title: &Text, f: &Distribution) {
    let name = f.path.rsplit('/').next().unwrap_or(&f.path);
    let url = format!("{}{}", routes.base_url(), f.path);
    x.open(&format!("dcat:Distribution rdf:about=\"{}\"", escape(&format!("{dataset}-{name}"))));
    let format = f.file_type;
    let titled = title.map(|t| match &f.lang {
        Some(l) => format!("{t} ({format}, {l})"),
        None => format!("{t} ({format})"),
    });
    x.texts("dcterms:title", &titled);
    x.resource("dcat:accessURL", &url);
    x.resource("dcat:downloadURL", &url);
    x.resource("dcterms:format", &format!("{EU}/file-type/{}", f.file_type));
    x.resource("dcat:mediaType", &format!("{IANA}/{}", f.media_type));
    x.resource("dcterms:license", open.licence.iri());
    if let Some(code) = f.lang.as_deref().and_then(eu_language) {
        x.resource("dcterms:language", &format!("{EU}/language/{code}"));
    }
    x.close("dcat:Distribution");
}

/// The EU's code for a language (ISO 639-1 as the site writes it, to the
/// authority list's three letters); none for a code it does not know.
fn eu_language(code: &str) -> Option<&'static str> {
    Some(match code {
        "sv" => "SWE",
        "en" => "ENG",
        "fi" => "FIN",
        "se" => "SME",
        "smj" => "SMJ",
        "sma" => "SMA",
        "fit" => "FIT",
        "yi" => "YID",
        "rom" => "ROM",
        "de" => "DEU",
        "fr" => "FRA",
        "es" => "SPA",
        "nb" | "no" => "NOR",
        "da" => "DAN",
        "ar" => "ARA",
        _ => return None,
    })
}

/// RDF/XML written line by line, indented, every text escaped.
struct Xml {
    out: String,
    depth: usize,
    langs: Vec<Lang>,
    report_year: String,
}

impl Xml {
    fn new(langs: &[Lang], report_year: i32) -> Xml {
        let out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF\n    xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n    xmlns:dcterms=\"http://purl.org/dc/terms/\"\n    xmlns:dcat=\"http://www.w3.org/ns/dcat#\"\n    xmlns:foaf=\"http://xmlns.com/foaf/0.1/\"\n    xmlns:vcard=\"http://www.w3.org/2006/vcard/ns#\">\n",
        );
        Xml { out, depth: 1, langs: langs.to_vec(), report_year: report_year.to_string() }
    }

    fn line(&mut self, line: &str) {
        self.out.push_str(&"  ".repeat(self.depth));
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn open(&mut self, tag: &str) {
        self.line(&format!("<{tag}>"));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.line(&format!("</{name}>"));
    }

    fn resource(&mut self, property: &str, iri: &str) {
        self.line(&format!("<{property} rdf:resource=\"{}\"/>", escape(iri)));
    }

    /// `text` in each of the site's languages it has, as language-tagged literals.
    fn texts(&mut self, property: &str, text: &Text) {
        for lang in self.langs.clone() {
            if let Some(t) = text.get(&lang).filter(|t| !t.trim().is_empty()) {
                let t = t.replace("{report_year}", &self.report_year);
                self.line(&format!("<{property} xml:lang=\"{lang}\">{}</{property}>", escape(&t)));
            }
        }
    }

    fn dates(&mut self, published: Option<&str>) {
        if let Some(date) = published {
            for property in ["dcterms:issued", "dcterms:modified"] {
                self.line(&format!("<{property} rdf:datatype=\"{XSD_DATE}\">{date}</{property}>"));
            }
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</rdf:RDF>\n");
        self.out
    }
}
