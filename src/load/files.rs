//! The shapes of the TOML files under `content/` as editors write them
//! (`programme.toml`, `indicators/<id>.toml`, `assessments/<year>.toml`).
//! Values that validation may complain about keep their source span;
//! `validate` turns these into the span-free [`crate::model`]. The JSON
//! Schemas of these files are derived from these types (`schemas`).

use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

use super::value::{series_values, DataValue, PresentValue};
use crate::formats::{sv_en, DataTheme, Slug, Year, MAX_DECIMALS, STILL_VALID};
use crate::locale::{SlugText, Text};
use crate::model::{ChartKind, ValueScale};

/// The contents of `programme.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = en_sv!(
    "A programme: its title, summary and goals (delmål); its folder in content/ holds its texts, indicators/ and assessments/",
    "Ett program: titel, sammanfattning och delmål; dess mapp i content/ innehåller texterna, indicators/ och assessments/"
))]
pub struct ProgrammeFile {
    #[schemars(with = "Text", example = sv_en("Program tillväxt", "Growth programme"))]
    #[schemars(description = en_sv!("The programme's title, in every language", "Programmets titel, på alla språk"))]
    #[schemars(title = en_sv!("Title", "Titel"))]
    pub title: Spanned<Text>,
    /// A short title for the menu, when the title is long.
    #[schemars(with = "Option<Text>", example = sv_en("Tillväxt", "Growth"))]
    #[schemars(description = en_sv!(
        "A short title for the menu, when the title is long (at most 40 characters fit)",
        "En kort titel för menyn, när titeln är lång (högst 40 tecken får plats)"
    ))]
    #[schemars(title = en_sv!("Menu title", "Kort titel i menyn"))]
    pub menu_title: Option<Spanned<Text>>,
    #[schemars(with = "Option<SlugText>", example = sv_en("tillvaxt", "growth"))]
    #[schemars(description = en_sv!(
        "The programme's address per language; without it, the folder name",
        "Programmets adress per språk; utan den används mappens namn"
    ))]
    #[schemars(title = en_sv!("Address", "Adress"))]
    pub slug: Option<Spanned<Text>>,
    #[serde(default)]
    #[schemars(example = 1)]
    #[schemars(description = en_sv!(
        "Where the programme comes in the menu and overview (smaller first)",
        "Var programmet kommer i menyn och överblicken (mindre först)"
    ))]
    #[schemars(title = en_sv!("Order", "Ordning"))]
    pub order: i64,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!(
        "A short summary, shown on the overview",
        "En kort sammanfattning, som visas på överblicken"
    ))]
    #[schemars(title = en_sv!("Summary", "Sammanfattning"))]
    pub summary: Option<Spanned<Text>>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!(
        "What the page says when the programme has no goals",
        "Vad sidan säger när programmet saknar delmål"
    ))]
    #[schemars(title = en_sv!("Text without goals", "Text när delmål saknas"))]
    pub no_goals_note: Option<Spanned<Text>>,
    /// EU data themes of the programme's indicators (`ENVI`), for the data catalogue.
    #[serde(default)]
    #[schemars(with = "Vec<DataTheme>", example = ["ENVI", "GOVE"])]
    #[schemars(description = en_sv!(
        "EU data themes of the programme's indicators in the data catalogue",
        "EU:s datateman för programmets indikatorer i datakatalogen"
    ))]
    #[schemars(title = en_sv!("Data themes", "Datateman"))]
    pub data_themes: Vec<Spanned<String>>,
    #[serde(default, rename = "goal")]
    #[schemars(description = en_sv!(
        "The programme's goals (delmål), one [[goal]] each; their assessments go in assessments/<year>.toml",
        "Programmets delmål, ett [[goal]] per delmål; bedömningarna skrivs i assessments/<år>.toml"
    ))]
    #[schemars(title = en_sv!("Goals", "Delmål"))]
    pub goals: Vec<GoalEntry>,
    /// The report year for which the file's texts (summary, notes) were
    /// read and found still true, though unchanged since the last edition (the
    /// editions check reads it with the texts, from the file itself).
    #[allow(dead_code)]
    #[schemars(with = "Option<Year>", description = STILL_VALID)]
    #[schemars(title = en_sv!("Still valid in", "Fortfarande giltig år"))]
    pub still_valid: Option<Spanned<i32>>,
}

/// A goal (delmål) of a programme.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "goal", title = en_sv!("Goal", "Delmål"), description = en_sv!(
    "A goal (delmål); its assessments go in assessments/<year>.toml, in a table named by its id",
    "Ett delmål; dess bedömningar skrivs i assessments/<år>.toml, i en tabell med delmålets id som namn"
))]
pub struct GoalEntry {
    #[schemars(with = "Slug", extend("examples" = ["bostadsbyggande"]))]
    #[schemars(description = en_sv!(
        "The goal's id, unique in the whole site: lowercase a–z, digits and -",
        "Delmålets id, unikt på hela webbplatsen: små bokstäver a–z, siffror och -"
    ))]
    #[schemars(title = en_sv!("Id", "Id"))]
    pub id: Spanned<String>,
    #[schemars(with = "Option<SlugText>", example = sv_en("bostadsbyggande", "housing"))]
    #[schemars(description = en_sv!("The goal's address per language", "Delmålets adress per språk"))]
    #[schemars(title = en_sv!("Address", "Adress"))]
    pub slug: Option<Spanned<Text>>,
    #[schemars(with = "Text", example = sv_en("Bostadsbyggande", "Housing construction"))]
    #[schemars(description = en_sv!("The goal's title, in every language", "Delmålets titel, på alla språk"))]
    #[schemars(title = en_sv!("Title", "Rubrik"))]
    pub title: Spanned<Text>,
    /// The target statement ("Umeå har 200 000 invånare år 2050.").
    #[schemars(with = "Text")]
    #[schemars(example = sv_en("I Umeå byggs 2 000 bostäder per år.", "2,000 homes are built in Umeå every year."))]
    #[schemars(description = en_sv!("The target statement, in every language", "Målformuleringen, på alla språk"))]
    #[schemars(title = en_sv!("Target", "Målformulering"))]
    pub target: Spanned<Text>,
    /// Ids of indicators that follow the goal up.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("uniqueItems" = true), example = ["territoriella-utslapp"])]
    #[schemars(description = en_sv!(
        "Ids of the indicators that follow the goal up: their file names in indicators/, without .toml",
        "Id för indikatorerna som följer upp delmålet: deras filnamn i indicators/, utan .toml"
    ))]
    #[schemars(title = en_sv!("Indicators", "Indikatorer"))]
    pub indicators: Vec<Spanned<String>>,
    /// `[[goal.assessment]]`, the old place of assessments: read only to
    /// explain where they go now (the schema refuses it).
    #[serde(rename = "assessment")]
    #[schemars(skip)]
    pub old_assessments: Option<Spanned<Vec<toml::Table>>>,
}

/// `assessments/<year>.toml`: one table per goal, named by the goal's id.
pub type AssessmentsFile = BTreeMap<Spanned<String>, Spanned<AssessmentEntry>>;

/// [`AssessmentsFile`] as the schemas describe it (a map has no schema of
/// its own to give).
pub struct AssessmentsSchema;

impl JsonSchema for AssessmentsSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "assessments".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": en_sv!(
                "A year's assessments of a programme's goals: one table per goal, named by the goal's id in programme.toml, like [bostadsbyggande]",
                "Ett års bedömningar av programmets delmål: en tabell per delmål, med delmålets id från programme.toml som namn, som [bostadsbyggande]"
            ),
            "type": "object",
            "propertyNames": {
                "description": en_sv!("A goal's id from programme.toml", "Ett delmåls id från programme.toml"),
                "allOf": [generator.subschema_for::<Slug>()],
            },
            "additionalProperties": generator.subschema_for::<AssessmentEntry>(),
        })
    }
}

/// One goal's assessment in a year's file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "assessment", description = en_sv!(
    "One goal's assessment for the year",
    "Ett delmåls bedömning för året"
))]
pub struct AssessmentEntry {
    /// An id from the scale in `site.toml`.
    #[schemars(with = "String", extend("examples" = ["ja", "delvis", "nej"]))]
    #[schemars(description = en_sv!(
        "The assessment: an id from the scale in site.toml",
        "Bedömningen: ett id från skalan i site.toml"
    ))]
    #[schemars(title = en_sv!("Assessment", "Bedömning"))]
    pub status: Spanned<String>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!(
        "Why the goal was assessed so, in every language",
        "Varför delmålet bedömdes så, på alla språk"
    ))]
    #[schemars(title = en_sv!("Motivation", "Motivering"))]
    pub motivation: Option<Spanned<Text>>,
    /// Why an assessment of an earlier, published year was changed: shown
    /// with it in both editions. Without it, such a change is an error.
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!(
        "Why an assessment of an earlier, published year was changed: shown with it in both editions",
        "Varför bedömningen av ett tidigare, publicerat år ändrades: visas med den i båda utgåvorna"
    ))]
    #[schemars(title = en_sv!("Correction", "Rättelse"))]
    pub correction: Option<Spanned<Text>>,
}

/// The contents of an indicator file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = en_sv!(
    "An indicator: a time series (years = [...] with one [[series]] per line) or a comparison by category (year = ... with one [[category]] per bar)",
    "En indikator: en tidsserie (years = [...] med en [[series]] per linje) eller en jämförelse mellan kategorier (year = ... med en [[category]] per stapel)"
))]
#[schemars(extend(
    "if" = { "required": ["category"], "properties": { "category": { "minItems": 1 } } },
    "then" = {
        "description": en_sv!(
            "A comparison by category needs year, and has no years, [[series]] or line chart",
            "En jämförelse mellan kategorier behöver year, och har inga years, [[series]] eller linjediagram"
        ),
        "required": ["year"],
        "properties": { "series": { "maxItems": 0 }, "chart": { "enum": ["bar", "hbar"] } },
        "not": { "required": ["years"] },
    },
    "else" = {
        "description": en_sv!(
            "A time series needs years and at least one [[series]], and has no year",
            "En tidsserie behöver years och minst en [[series]], och har inget year"
        ),
        "required": ["years", "series"],
        "properties": { "series": { "minItems": 1 } },
        "not": { "required": ["year"] },
    },
))]
pub struct IndicatorFile {
    #[schemars(with = "Text", example = sv_en("Territoriella utsläpp", "Territorial emissions"))]
    #[schemars(description = en_sv!("The indicator's title, in every language", "Indikatorns titel, på alla språk"))]
    #[schemars(title = en_sv!("Title", "Rubrik"))]
    pub title: Spanned<Text>,
    #[schemars(with = "Option<SlugText>", example = sv_en("territoriella-utslapp", "territorial-emissions"))]
    #[schemars(description = en_sv!(
        "The indicator's address per language; without it, the file name",
        "Indikatorns adress per språk; utan den används filnamnet"
    ))]
    #[schemars(title = en_sv!("Address", "Adress"))]
    pub slug: Option<Spanned<Text>>,
    #[schemars(with = "Option<Text>", extend("examples" = ["kton CO2e", sv_en("procent", "per cent")]))]
    #[schemars(description = en_sv!("The unit of the values", "Värdenas enhet"))]
    #[schemars(title = en_sv!("Unit", "Enhet"))]
    pub unit: Option<Spanned<Text>>,
    #[schemars(with = "Text", extend("examples" = ["SCB"]))]
    #[schemars(description = en_sv!("Where the figures come from", "Var siffrorna kommer ifrån"))]
    #[schemars(title = en_sv!("Source", "Källa"))]
    pub source: Spanned<Text>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!("What the indicator measures", "Vad indikatorn mäter"))]
    #[schemars(title = en_sv!("Definition", "Definition"))]
    pub definition: Option<Spanned<Text>>,
    #[schemars(with = "Option<Text>")]
    #[schemars(description = en_sv!("A note shown with the chart", "En kommentar som visas med diagrammet"))]
    #[schemars(title = en_sv!("Note", "Kommentar"))]
    pub note: Option<Spanned<Text>>,
    /// True when the figures are examples, not official data.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "True when the figures are examples, not official data; the page and chart say so",
        "Sant när siffrorna är exempel, inte officiella data; sidan och diagrammet säger det"
    ))]
    #[schemars(title = en_sv!("Example data", "Exempeldata"))]
    pub example_data: bool,
    /// Where the indicator comes among its programme's (smaller first).
    #[schemars(example = 1)]
    #[schemars(description = en_sv!(
        "Where the indicator comes among its programme's (smaller first; without it, last, by file name)",
        "Var indikatorn kommer bland programmets (mindre först; utan den sist, efter filnamn)"
    ))]
    #[schemars(title = en_sv!("Order", "Ordning"))]
    pub order: Option<i64>,
    /// The name the report gives it, like "Diagram 1".
    #[schemars(with = "Option<Text>", example = sv_en("Diagram 1", "Chart 1"))]
    #[schemars(description = en_sv!("The name the report gives the chart", "Namnet som rapporten ger diagrammet"))]
    #[schemars(title = en_sv!("Label", "Beteckning"))]
    pub label: Option<Spanned<Text>>,
    /// How many decimals its values are shown with.
    #[schemars(with = "Option<u8>", range(min = 0, max = MAX_DECIMALS), example = 1)]
    #[schemars(description = en_sv!(
        "How many decimals the values are shown with (0 to 6)",
        "Hur många decimaler värdena visas med (0 till 6)"
    ))]
    #[schemars(title = en_sv!("Decimals", "Decimaler"))]
    pub decimals: Option<Spanned<u8>>,
    #[schemars(with = "Option<TargetEntry>")]
    #[schemars(description = en_sv!(
        "The target value and the year it is to be reached, drawn in the chart",
        "Målvärdet och året det ska nås, som ritas i diagrammet"
    ))]
    #[schemars(title = en_sv!("Target", "Mål"))]
    pub target: Option<Spanned<TargetEntry>>,
    /// Overrides the chart kind that follows from the data.
    #[schemars(with = "Option<ChartKind>")]
    #[schemars(description = en_sv!(
        "The chart kind, when not the one the data calls for: line, bar or hbar (horizontal bars)",
        "Diagramtypen, när den inte ska vara den som data ger: line (linje), bar (staplar) eller hbar (liggande staplar)"
    ))]
    #[schemars(title = en_sv!("Chart", "Diagramtyp"))]
    pub chart: Option<Spanned<ChartKind>>,
    /// `interval` when the values are differences from a baseline.
    #[serde(default)]
    #[schemars(extend("default" = "ratio"))]
    #[schemars(description = en_sv!(
        "What the values count from: ratio (a true zero: counts, amounts, shares; the default) or interval (a chosen baseline: a temperature's deviation from a normal, an index difference). On an interval scale the summary gives a change without a per cent",
        "Vad värdena räknas från: ratio (en verklig nolla: antal, belopp, andelar; standard) eller interval (en vald baslinje: en temperaturs avvikelse från ett normalvärde, en indexskillnad). På en intervallskala anger sammanfattningen förändringen utan procent"
    ))]
    #[schemars(title = en_sv!("Scale", "Skala"))]
    pub scale: ValueScale,
    /// Time series: the years, and one `[[series]]` per line.
    #[schemars(with = "Option<Vec<Year>>", length(min = 1), extend("uniqueItems" = true))]
    #[schemars(example = [2019, 2020, 2021, 2022])]
    #[schemars(description = en_sv!(
        "Time series: the years, from the earliest to the latest; each [[series]] has one value per year",
        "Tidsserie: åren, från det tidigaste till det senaste; varje [[series]] har ett värde per år"
    ))]
    #[schemars(title = en_sv!("Years", "År"))]
    pub years: Option<Spanned<Vec<Spanned<i32>>>>,
    #[serde(default)]
    #[schemars(description = en_sv!(
        "Time series: one [[series]] per line in the chart",
        "Tidsserie: en [[series]] per linje i diagrammet"
    ))]
    #[schemars(title = en_sv!("Series", "Serier"))]
    pub series: Vec<SeriesEntry>,
    /// Comparison by category: the year compared, and one `[[category]]` per bar.
    #[schemars(with = "Option<Year>")]
    #[schemars(description = en_sv!(
        "Comparison by category: the year the values are for",
        "Jämförelse mellan kategorier: året som värdena gäller"
    ))]
    #[schemars(title = en_sv!("Year", "År"))]
    pub year: Option<Spanned<i32>>,
    #[serde(default, rename = "category")]
    #[schemars(description = en_sv!(
        "Comparison by category: one [[category]] per bar",
        "Jämförelse mellan kategorier: en [[category]] per stapel"
    ))]
    #[schemars(title = en_sv!("Categories", "Kategorier"))]
    pub categories: Vec<CategoryEntry>,
    /// The report year for which the file's texts (source, note) were read
    /// and found still true, though unchanged since the last edition (the
    /// editions check reads it with the texts, from the file itself).
    #[allow(dead_code)]
    #[schemars(with = "Option<Year>", description = STILL_VALID)]
    #[schemars(title = en_sv!("Still valid in", "Fortfarande giltig år"))]
    pub still_valid: Option<Spanned<i32>>,
}

/// One line of a time series.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "series", title = en_sv!("Series", "Serie"))]
#[schemars(description = en_sv!("One line of a time series", "En linje i en tidsserie"))]
pub struct SeriesEntry {
    #[schemars(with = "Text", extend("examples" = ["Umeå"]))]
    #[schemars(description = en_sv!("The line's name, in the legend", "Linjens namn, i teckenförklaringen"))]
    #[schemars(title = en_sv!("Name", "Namn"))]
    pub name: Spanned<Text>,
    #[schemars(schema_with = "series_values")]
    #[schemars(description = en_sv!(
        "One value per year in years; \"-\" for a year without a value",
        "Ett värde per år i years; \"-\" för ett år utan värde"
    ))]
    #[schemars(title = en_sv!("Values", "Värden"))]
    pub values: Spanned<Vec<Spanned<DataValue>>>,
    /// The home series: the one the target and the summary's distance to it refer to.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "The home series: the one the target and the distance to it refer to",
        "Den egna serien: den som målet och avståndet till det gäller"
    ))]
    #[schemars(title = en_sv!("Own series", "Egen serie"))]
    pub highlight: bool,
}

/// One bar of a comparison by category.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "category", title = en_sv!("Category", "Kategori"))]
#[schemars(description = en_sv!("One bar of a comparison", "En stapel i en jämförelse"))]
pub struct CategoryEntry {
    #[schemars(with = "Text", extend("examples" = ["Umeå"]))]
    #[schemars(description = en_sv!("The bar's name", "Stapelns namn"))]
    #[schemars(title = en_sv!("Name", "Namn"))]
    pub name: Spanned<Text>,
    #[schemars(with = "PresentValue")]
    #[schemars(description = en_sv!("The bar's value", "Stapelns värde"))]
    #[schemars(title = en_sv!("Value", "Värde"))]
    pub value: Spanned<DataValue>,
    /// The home municipality.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "The home municipality, set apart in colour",
        "Den egna kommunen, framhävd med färg"
    ))]
    #[schemars(title = en_sv!("Highlighted", "Framhävd"))]
    pub highlight: bool,
    /// The national value (Riket), set apart.
    #[serde(default)]
    #[schemars(description = en_sv!(
        "The national value (Riket), set apart",
        "Värdet för hela landet (Riket), särskilt markerat"
    ))]
    #[schemars(title = en_sv!("National", "Riket"))]
    pub national: bool,
}

/// An indicator's target: a value to reach by a year.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "target", example = serde_json::json!({ "value": 14, "year": 2030 }))]
#[schemars(description = en_sv!(
    "A target: a value to reach by a year",
    "Ett mål: ett värde att nå till ett visst år"
))]
pub struct TargetEntry {
    #[schemars(example = 14)]
    #[schemars(description = en_sv!("The target value", "Målvärdet"))]
    #[schemars(title = en_sv!("Value", "Värde"))]
    pub value: f64,
    #[schemars(example = 2030)]
    #[schemars(description = en_sv!("The year the target is to be reached", "Året då målet ska nås"))]
    #[schemars(title = en_sv!("Year", "År"))]
    pub year: i32,
    #[schemars(description = en_sv!(
        "What the target line is called in the chart",
        "Vad mållinjen heter i diagrammet"
    ))]
    #[schemars(title = en_sv!("Label", "Beteckning"))]
    pub label: Option<Text>,
}
