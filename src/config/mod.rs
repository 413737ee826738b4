//! `site.toml` as written: the site's languages, base URL, report year,
//! assessment scale, theme, footer, downloads, search, accessibility
//! statement and browser editor (`cms.rs`), read into a [`SiteConfig`] that
//! keeps the source spans `validate` points at.

mod cms;

use std::path::Path;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::formats::{
    sv_en, DataTheme, Date, Email, Link, Year, DEFAULT_DATA_THEME, DEFAULT_PUBLISHER_TYPE, PUBLISHER_TYPES, YEARS,
};
use crate::locale::{Lang, SlugText, Text};
use crate::model::{AssessmentKind, Conformance, Licence, MissingTranslation, RawHtml};
use crate::source::Source;

pub use cms::{CmsBackendName, CmsSection};

/// The file name of a site's configuration, at the site root.
pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = en_sv!(
    "The site's settings: languages, address, report year, assessment scale, footer, branding and accessibility statement",
    "Webbplatsens inställningar: språk, adress, rapportår, bedömningsskala, sidfot, profil och tillgänglighetsredogörelse"
))]
#[schemars(extend("dependencies" = {
    "accessibility": {
        "description": en_sv!(
            "The accessibility statement needs the organisation's name under [footer]",
            "Tillgänglighetsredogörelsen behöver organisationens namn under [footer]"
        ),
        "required": ["footer"],
        "properties": { "footer": { "required": ["organisation"] } },
    }
}))]
pub struct SiteConfig {
    /// The public URL of the site's root folder, e.g. `https://www.umea.se/uppfoljning/`.
    #[schemars(with = "String", regex(pattern = "^https?://[^/\\s?#\"<>][^\\s?#\"<>]*$"))]
    #[schemars(extend("examples" = ["https://www.umea.se/uppfoljning/"]))]
    #[schemars(description = en_sv!(
        "The public address of the site's root folder, starting with https://",
        "Webbplatsens publika adress (rotmappen), som börjar med https://"
    ))]
    pub base_url: Spanned<String>,
    #[serde(default = "default_theme")]
    #[schemars(with = "String", extend("examples" = ["default"]))]
    #[schemars(description = en_sv!(
        "The theme the site is drawn with: a folder in themes/, or the built-in \"default\"",
        "Temat som webbplatsen ritas med: en mapp i themes/, eller det inbyggda \"default\""
    ))]
    pub theme: Spanned<String>,
    /// The year whose assessments the overview shows.
    #[schemars(range(min = *YEARS.start(), max = *YEARS.end()), example = 2024)]
    #[schemars(description = en_sv!(
        "The year the overview shows: whose assessments it shows, and what {report_year} in texts stands for",
        "Året som överblicken visar: vars bedömningar den visar, och vad {report_year} i texter står för"
    ))]
    pub report_year: i32,
    /// The years of the earlier editions, each kept under `editions/<year>/`
    /// (`goalsite new-year` adds each), so that a removed one is found.
    #[schemars(with = "Option<Vec<Year>>", extend("examples" = [[2024]]))]
    #[schemars(description = en_sv!(
        "The earlier editions the site has published, each kept in editions/<year>/; goalsite new-year adds each year, and none may be removed",
        "De tidigare utgåvor som webbplatsen har publicerat, var och en sparad i editions/<år>/; goalsite new-year lägger till varje år, och ingen får tas bort"
    ))]
    pub editions: Option<Spanned<Vec<i32>>>,
    /// The site's languages; the first is the default.
    #[schemars(with = "Vec<LanguageEntry>", length(min = 1))]
    #[schemars(description = en_sv!(
        "The site's languages, one [[languages]] each; the first is the default language",
        "Webbplatsens språk, ett [[languages]] per språk; det första är standardspråket"
    ))]
    pub languages: Spanned<Vec<LanguageEntry>>,
    #[schemars(with = "Text")]
    #[schemars(description = en_sv!("The site's title, in every language", "Webbplatsens titel, på alla språk"))]
    pub title: Spanned<Text>,
    #[schemars(with = "Text")]
    #[schemars(description = en_sv!(
        "A sentence or two about the site, for search engines and link previews",
        "En eller två meningar om webbplatsen, för sökmotorer och länkförhandsvisningar"
    ))]
    pub description: Spanned<Text>,
    /// The assessment scale, from best to worst.
    #[schemars(with = "Vec<ScaleStepEntry>", length(min = 1))]
    #[schemars(description = en_sv!(
        "The assessment scale, one [[scale]] per step, from best to worst",
        "Bedömningsskalan, ett [[scale]] per steg, från bäst till sämst"
    ))]
    pub scale: Spanned<Vec<ScaleStepEntry>>,
    #[serde(default)]
    pub footer: FooterSection,
    #[serde(default)]
    pub branding: BrandingSection,
    pub open_data: Option<OpenDataSection>,
    #[serde(default)]
    pub check: CheckRules,
    #[serde(default)]
    pub downloads: DownloadsSection,
    #[serde(default)]
    pub search: SearchSection,
    pub accessibility: Option<AccessibilitySection>,
    pub cms: Option<CmsSection>,
}

/// `[accessibility]`: what the accessibility statement (tillgänglighetsredogörelse),
/// published as a page of its own, must say: conformance, known shortcomings,
/// how to report, supervision, date and method.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "accessibility", description = en_sv!(
    "The accessibility statement, published as a page of its own",
    "Tillgänglighetsredogörelsen, som publiceras som en egen sida"
))]
pub struct AccessibilitySection {
    #[schemars(with = "SlugText")]
    #[schemars(description = en_sv!("The statement page's address, per language", "Redogörelsesidans adress, per språk"))]
    pub slug: Spanned<Text>,
    #[schemars(description = en_sv!(
        "How far the site meets the accessibility requirements: full, partial or none",
        "Hur väl webbplatsen uppfyller tillgänglighetskraven: full (helt), partial (delvis) eller none (inte)"
    ))]
    pub status: Conformance,
    /// The date the statement was written or last reviewed.
    #[schemars(with = "Date")]
    #[schemars(description = en_sv!(
        "The date the statement was written or last reviewed, as a TOML date without quotes",
        "Datum då redogörelsen skrevs eller senast granskades, som ett TOML-datum utan citattecken"
    ))]
    pub statement_date: Spanned<toml::value::Datetime>,
    /// How to report a problem or ask for content in another form.
    #[schemars(with = "Text")]
    #[schemars(description = en_sv!(
        "How to report a problem or ask for the content in another form",
        "Hur man rapporterar brister eller begär innehållet i en annan form"
    ))]
    pub contact: Spanned<Text>,
    #[schemars(with = "Option<Link>")]
    #[schemars(description = en_sv!("Where to report a problem", "Var man rapporterar brister"))]
    pub contact_url: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<Text>", extend("default" = []))]
    #[schemars(description = en_sv!("Known shortcomings, one text each", "Kända brister, en text för varje"))]
    pub shortcomings: Vec<Spanned<Text>>,
    /// How the site was assessed.
    #[schemars(with = "Text")]
    #[schemars(description = en_sv!("How the site was assessed", "Hur webbplatsen har granskats"))]
    pub method: Spanned<Text>,
    /// The supervisory authority, and where to reach it.
    #[schemars(with = "Text")]
    #[schemars(example = sv_en("Myndigheten för digital förvaltning (Digg)", "Agency for Digital Government (Digg)"))]
    #[schemars(description = en_sv!("The supervisory authority", "Tillsynsmyndigheten"))]
    pub supervisor: Spanned<Text>,
    #[schemars(with = "Link", extend("examples" = ["https://www.digg.se/"]))]
    #[schemars(description = en_sv!("Where to reach the supervisory authority", "Var tillsynsmyndigheten nås"))]
    pub supervisor_url: Spanned<String>,
}

/// `[branding]`: the organisation's logo and accent colour.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "branding", description = en_sv!(
    "The organisation's logo and accent colour",
    "Organisationens logotyp och accentfärg"
))]
#[schemars(extend("dependencies" = { "logo": ["logo_alt"], "logo_alt": ["logo"] }))]
pub struct BrandingSection {
    /// An SVG file in the site folder, shown in the header (`logo.svg`).
    #[schemars(with = "Option<String>", regex(pattern = "\\.[sS][vV][gG]$"), extend("examples" = ["logo.svg"]))]
    #[schemars(description = en_sv!(
        "An SVG file in the site folder, shown in the header; needs logo_alt",
        "En SVG-fil i webbplatsens mapp, som visas i sidhuvudet; kräver logo_alt"
    ))]
    pub logo: Option<Spanned<String>>,
    /// What the logo says, per language (required with a logo).
    #[schemars(with = "Option<Text>", example = sv_en("Umeå kommun", "Umeå Municipality"))]
    #[schemars(description = en_sv!(
        "What the logo says, for screen readers and search engines, in every language",
        "Vad logotypen säger, för skärmläsare och sökmotorer, på alla språk"
    ))]
    pub logo_alt: Option<Spanned<Text>>,
    /// The colour of links, the menu's border and the overview's cards (`#0b5a8a`).
    #[schemars(with = "Option<String>", regex(pattern = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"), extend("examples" = ["#0b5a8a"]))]
    #[schemars(description = en_sv!(
        "The colour of links, the menu's border and the overview's cards, as a hex colour dark enough to read",
        "Färgen på länkar, menyns kant och överblickens kort, som en hexfärg som är mörk nog att läsa"
    ))]
    pub accent: Option<Spanned<String>>,
}

/// `[open_data]`: the data's licence, and what the data catalogue
/// (DCAT-AP-SE, for dataportal.se) says about the data and who publishes it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "openData", description = en_sv!(
    "Open data: licence and the data catalogue for dataportal.se",
    "Öppna data: licens och datakatalogen för dataportal.se"
))]
pub struct OpenDataSection {
    /// The data files' licence: `CC0-1.0` or `CC-BY-4.0`.
    #[schemars(with = "String", extend("enum" = Licence::ALL.map(Licence::spdx)))]
    #[schemars(description = en_sv!(
        "The data files' licence: CC0-1.0 (no conditions) or CC-BY-4.0 (name the source)",
        "Datafilernas licens: CC0-1.0 (inga villkor) eller CC-BY-4.0 (ange källan)"
    ))]
    pub licence: Spanned<String>,
    /// Where to ask about the data.
    #[schemars(with = "Email")]
    #[schemars(description = en_sv!("Where to ask about the data", "Vart man vänder sig med frågor om data"))]
    pub contact_email: Spanned<String>,
    /// The organisation number (`212000-0000`): the publisher then gets the
    /// address dataportal.se recommends.
    #[schemars(with = "Option<String>", regex(pattern = "^[0-9]{6}-?[0-9]{4}$"), extend("examples" = ["212000-0000"]))]
    #[schemars(description = en_sv!(
        "The organisation number: the publisher then gets dataportal.se's address",
        "Organisationsnumret: utgivaren får då dataportal.se:s adress"
    ))]
    pub organisation_number: Option<Spanned<String>>,
    /// The kind of publisher (ADMS publisher type), `LocalAuthority` unless said.
    #[schemars(with = "Option<String>", extend("enum" = PUBLISHER_TYPES, "default" = DEFAULT_PUBLISHER_TYPE))]
    #[schemars(description = en_sv!(
        "The kind of publisher (ADMS), LocalAuthority unless said",
        "Typ av utgivare (ADMS), LocalAuthority om inget annat anges"
    ))]
    pub publisher_type: Option<Spanned<String>>,
    /// The EU data themes of every dataset (`GOVE`, `ENVI`, …), unless a
    /// programme names its own.
    #[serde(default)]
    #[schemars(with = "Vec<DataTheme>", extend("default" = [DEFAULT_DATA_THEME]))]
    #[schemars(description = en_sv!(
        "The EU data themes of every dataset, unless a programme names its own",
        "EU:s datateman för alla dataset, om inte ett program anger egna"
    ))]
    pub themes: Vec<Spanned<String>>,
    /// The date the data was published.
    #[schemars(with = "Option<Date>")]
    #[schemars(description = en_sv!(
        "The date the data was published, as a TOML date without quotes",
        "Dagen då siffrorna publicerades, som ett TOML-datum utan citattecken"
    ))]
    pub published: Option<Spanned<toml::value::Datetime>>,
}

/// `[downloads]`: which files the site offers besides CSV, JSON and SVG.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "downloads", description = en_sv!(
    "Which files the site offers for download besides CSV, JSON and SVG",
    "Vilka filer webbplatsen erbjuder för nedladdning utöver CSV, JSON och SVG"
))]
pub struct DownloadsSection {
    /// Every chart as a PNG too (for slides). Drawing them takes most of a
    /// build's time on a large site, so it is a choice.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "Offer every chart as a PNG picture too (for slides; makes the build slower)",
        "Erbjud varje diagram som PNG-bild också (för presentationer; gör bygget långsammare)"
    ))]
    pub png: bool,
}

/// `[search]`: a search page per language and a search field on every page,
/// with a static index built by Pagefind.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "search", description = en_sv!(
    "A search page per language and a search field on every page, searched with Pagefind",
    "En söksida per språk och ett sökfält på varje sida, med Pagefind"
))]
pub struct SearchSection {
    /// Off unless asked for: search runs Pagefind's WebAssembly in the
    /// reader's browser, which the host's Content-Security-Policy must allow
    /// (`script-src 'self' 'wasm-unsafe-eval'`), and indexing takes time.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "Build a search index and a search page per language. Search runs WebAssembly in the reader's browser: the host's Content-Security-Policy must allow it (script-src 'self' 'wasm-unsafe-eval')",
        "Bygg ett sökindex och en söksida per språk. Sökningen kör WebAssembly i läsarens webbläsare: webbserverns Content-Security-Policy måste tillåta det (script-src 'self' 'wasm-unsafe-eval')"
    ))]
    pub enabled: bool,
}

/// `[check]`: how strict the site is about what editors write.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "check", description = en_sv!(
    "How strict goalsite is about what editors write",
    "Hur strikt goalsite är med det redaktörerna skriver"
))]
pub struct CheckRules {
    /// `"warn"` (default): raw HTML in Markdown is a warning; `"forbid"`: an error.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "Raw HTML in Markdown: \"warn\" (default) gives a warning, \"forbid\" an error",
        "Rå HTML i Markdown: \"warn\" (standard) ger en varning, \"forbid\" ett fel"
    ))]
    pub raw_html: RawHtml,
    /// `"error"` (default): a page (Markdown file) without a translation stops
    /// the build; `"warn"`: it is a warning, and the page shows the text in
    /// another language, marked with that language and saying so. Titles and
    /// labels must always be translated.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "A page without a translation: \"error\" (default) stops the build, \"warn\" shows it in another language",
        "En sida utan översättning: \"error\" (standard) stoppar bygget, \"warn\" visar den på ett annat språk"
    ))]
    pub missing_translation: MissingTranslation,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "language", description = en_sv!("One of the site's languages", "Ett av webbplatsens språk"))]
pub struct LanguageEntry {
    #[schemars(with = "Lang")]
    #[schemars(description = en_sv!(
        "The language's code, used in addresses and file names (_index.sv.md)",
        "Språkets kod, som används i adresser och filnamn (_index.sv.md)"
    ))]
    pub code: Spanned<String>,
    /// The language's name in itself (`Svenska`, `English`), used by the language switch.
    #[schemars(extend("examples" = ["Svenska", "English"]))]
    #[schemars(description = en_sv!(
        "The language's name in itself, shown by the language switch",
        "Språkets namn på språket självt, som språkväljaren visar"
    ))]
    pub name: String,
}

/// One step of the assessment scale (`ja`, `delvis`, `nej`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "scaleStep", description = en_sv!(
    "One step of the assessment scale",
    "Ett steg i bedömningsskalan"
))]
pub struct ScaleStepEntry {
    #[schemars(with = "String", extend("examples" = ["ja", "delvis", "nej"]))]
    #[schemars(description = en_sv!(
        "The step's id, used as status in assessments/<year>.toml",
        "Stegets id, som används som status i assessments/<år>.toml"
    ))]
    pub id: Spanned<String>,
    #[schemars(description = en_sv!(
        "What the step means, which gives its colour and icon: met, partly, not-met or not-assessed",
        "Vad steget betyder, vilket ger dess färg och ikon: met (uppfyllt), partly (delvis), not-met (inte uppfyllt) eller not-assessed (inte bedömt)"
    ))]
    pub kind: AssessmentKind,
    #[schemars(with = "Text", example = sv_en("Delvis", "Partly"))]
    #[schemars(description = en_sv!("The step's name, in every language", "Stegets namn, på alla språk"))]
    pub label: Spanned<Text>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!(
        "What the step means, shown with the scale",
        "Vad steget betyder, som visas med skalan"
    ))]
    pub description: Option<Spanned<Text>>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "footer", description = en_sv!(
    "What every page's footer says about the organisation",
    "Vad sidfoten på varje sida säger om organisationen"
))]
pub struct FooterSection {
    #[schemars(with = "Option<Text>", example = sv_en("Umeå kommun", "Umeå Municipality"))]
    #[schemars(description = en_sv!("The organisation's name", "Organisationens namn"))]
    pub organisation: Option<Spanned<Text>>,
    #[schemars(with = "Option<Link>")]
    #[schemars(description = en_sv!("The organisation's website", "Organisationens webbplats"))]
    pub website: Option<Spanned<String>>,
    #[schemars(with = "Option<Email>")]
    pub email: Option<Spanned<String>>,
    #[schemars(with = "Option<String>", regex(pattern = "^[0-9 +()-]*[0-9][0-9 +()-]*$"), extend("examples" = ["090-16 10 00"]))]
    #[schemars(description = en_sv!(
        "A phone number: digits, spaces, + - and ( )",
        "Ett telefonnummer: siffror, mellanslag, + - och ( )"
    ))]
    pub phone: Option<Spanned<String>>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!("The postal or visiting address", "Post- eller besöksadress"))]
    pub address: Option<Spanned<Text>>,
}

fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

/// The first language of the site at `root`, if its `site.toml` names one
/// (read on its own, before anything is checked: for choosing the language
/// goalsite speaks).
pub fn first_language(root: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let Ok(table) = toml::from_str::<toml::Table>(&text) else {
        // A slip elsewhere in the file is said in its language all the same.
        return first_language_as_written(&text);
    };
    let first = table.get("languages")?.as_array()?.first()?;
    Lang::new(first.get("code")?.as_str()?)
}

/// The first `code = "…"` after `languages` in a `site.toml` that is not
/// valid TOML, read line by line.
fn first_language_as_written(text: &str) -> Option<Lang> {
    let languages = text.lines().position(|line| line.trim_start().trim_start_matches('[').starts_with("languages"))?;
    text.lines().skip(languages).find_map(|line| {
        let at = line.find("code")?;
        let value = line[at + "code".len()..].trim_start().strip_prefix('=')?.trim_start().strip_prefix('"')?;
        Lang::new(&value[..value.find('"')?])
    })
}

/// The theme named in the `site.toml` at `root` (`default` when it names
/// none), if the file can be read: for commands that need no more of it.
pub fn theme_name(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(CONFIG_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Some(table.get("theme").and_then(|t| t.as_str()).unwrap_or("default").to_owned())
}

impl SiteConfig {
    /// What is wrong with the list of languages: none, one twice, a code that
    /// is not a code. Every other file depends on it, so the pass stops here
    /// when there is something.
    pub fn language_problems(&self, source: &Arc<Source>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.languages.get_ref().is_empty() {
            problems.push(Diagnostic::error_at(source, self.languages.span(), msg!(NoLanguages)));
        }
        let mut seen = std::collections::HashSet::new();
        for l in self.languages.get_ref() {
            let code = l.code.get_ref();
            if !seen.insert(code.clone()) {
                problems.push(Diagnostic::error_at(source, l.code.span(), msg!(LanguageTwice, code = code)));
            }
            if Lang::new(code).is_none() {
                let d = Diagnostic::error_at(source, l.code.span(), msg!(LanguageCode));
                problems.push(d.with_hint(msg!(LanguageCodeHint, code = code.to_lowercase())));
            }
        }
        problems
    }

    /// Reads `root/site.toml`; also returns its text, for error positions.
    pub fn load(root: &Path) -> Result<(SiteConfig, Arc<Source>), Diagnostic> {
        let rel = Path::new(CONFIG_FILE);
        if !root.join(rel).is_file() {
            return Err(Diagnostic::error(rel, msg!(NoConfig, folder = root)).with_hint(msg!(NoConfigHint)));
        }
        let source = crate::toml_file::read(root, rel)?;
        Ok((crate::toml_file::parse(&source)?, source))
    }

    /// The language codes in order (those that are codes: the others are
    /// [`SiteConfig::language_problems`]); the first is the default language.
    pub fn langs(&self) -> Vec<Lang> {
        self.languages.get_ref().iter().filter_map(|l| Lang::new(l.code.get_ref())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_language_of_a_site_toml_with_a_slip_is_read_as_written() {
        let tables =
            "title = \"x\"\n[[languages]]\ncode = \"sv\"\nname = \"Svenska\"\n\n[[languages]]\ncode = \"en\"\n";
        let slip = "statement_date = 2025-31-12\n";
        assert_eq!(first_language_as_written(&format!("{tables}{slip}")), Lang::new("sv"));
        let inline = "languages = [ { code = \"fi\", name = \"Suomi\" }, { code = \"sv\" } ]\nx = ”y”\n";
        assert_eq!(first_language_as_written(inline), Lang::new("fi"));
        assert_eq!(first_language_as_written("# code = \"sv\"\ntitle = ”x”\n"), None, "no list of languages");
    }
}
