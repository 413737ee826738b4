//! What goalsite's TOML formats allow, in one place for the types that read
//! them (`config`, `load`), their checks (`validate`) and the JSON Schemas
//! derived from those types (`schemas`): the bounds and vocabularies, the
//! string shapes several files share, and the descriptions editors read, in
//! English and Swedish.

use std::ops::RangeInclusive;

/// A description for editors, in English and Swedish, as a schema carries
/// it: `"English / Svenska"`. [`Bilingual::parse`] takes it apart again.
macro_rules! en_sv {
    ($en:literal, $sv:literal $(,)?) => {
        concat!($en, " / ", $sv)
    };
}

/// What stands between the English and the Swedish of a description.
const SEPARATOR: &str = " / ";

/// A description's two languages (for forms that show one of them, Swedish
/// first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual<'a> {
    pub en: &'a str,
    pub sv: &'a str,
}

impl<'a> Bilingual<'a> {
    /// The English and Swedish of a description written with [`en_sv!`];
    /// none for one that is not made of exactly two.
    pub fn parse(description: &'a str) -> Option<Bilingual<'a>> {
        let (en, sv) = description.split_once(SEPARATOR)?;
        let whole = |s: &str| !s.trim().is_empty() && !s.contains(SEPARATOR);
        (whole(en) && whole(sv)).then_some(Bilingual { en, sv })
    }

    /// The description in `lang` (`sv` or `en`).
    pub fn get(&self, lang: &str) -> Option<&'a str> {
        match lang {
            "sv" => Some(self.sv),
            "en" => Some(self.en),
            _ => None,
        }
    }
}

/// Years outside this range are typing mistakes, not report years.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// The largest value goalsite draws and writes exactly (a thousand million
/// million), either way; larger ones are typing mistakes or need another unit.
pub const MAX_VALUE: f64 = 1e15;

/// The most decimals an indicator may ask for.
pub const MAX_DECIMALS: u8 = 6;

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

/// The data theme of every dataset when `site.toml` names none.
pub const DEFAULT_DATA_THEME: &str = "GOVE";

/// The ADMS publisher types (purl.org/adms/publishertype).
pub const PUBLISHER_TYPES: [&str; 11] = [
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

/// What `still_valid` means, wherever it is written (`programme.toml`, an
/// indicator's file, a page's front matter).
pub const STILL_VALID: &str = en_sv!(
    "The report year for which the file's texts were read and found still true, though unchanged since the last edition",
    "Rapportåret då filens texter lästes och befanns fortfarande stämma, fast de är oförändrade sedan förra utgåvan"
);

/// An example of a text in Swedish and English, for the schemas.
pub fn sv_en(sv: &str, en: &str) -> serde_json::Value {
    serde_json::json!({ "sv": sv, "en": en })
}

/// Turns the schema of an enum of names whose variants have doc comments
/// (which the derive makes a `oneOf` of `const`s, one described by its
/// comment) into a plain `enum` of the names, as editors' tools complete.
pub fn plain_enum(schema: &mut schemars::Schema) {
    let Some(serde_json::Value::Array(variants)) = schema.remove("oneOf") else { return };
    let names: Vec<serde_json::Value> = variants
        .iter()
        .flat_map(|v| match (v.get("const"), v.get("enum")) {
            (Some(name), _) => vec![name.clone()],
            (None, Some(serde_json::Value::Array(names))) => names.clone(),
            _ => Vec::new(),
        })
        .collect();
    schema.insert("type".into(), "string".into());
    schema.insert("enum".into(), names.into());
}

/// The publisher type when `site.toml` names none.
pub const DEFAULT_PUBLISHER_TYPE: &str = "LocalAuthority";

/// The pattern of a slug and of a language code (as `text::is_valid_slug`
/// and `Lang::new` check them).
pub const SLUG_PATTERN: &str = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

/// A shape of values in goalsite's files that is no Rust type of its own
/// (the field holds a `String`, say): a type for the schemas only, a named
/// definition in them.
macro_rules! shape {
    ($(#[$doc:meta])* $name:ident = $id:literal, $schema:tt) => {
        $(#[$doc])*
        pub struct $name;

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                $id.into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!($schema)
            }
        }
    };
}

shape!(
    /// A part of an address (a goal's id, a page's slug).
    Slug = "slug",
    {
        "description": en_sv!(
            "A part of an address: lowercase a–z, digits and -",
            "En del av en adress: små bokstäver a–z, siffror och -"
        ),
        "type": "string",
        "pattern": SLUG_PATTERN,
    }
);

shape!(
    /// A link for readers to follow.
    Link = "link",
    {
        "description": en_sv!(
            "A full address starting with https://, http://, mailto: or tel:",
            "En fullständig adress som börjar med https://, http://, mailto: eller tel:"
        ),
        "type": "string",
        "pattern": "^([hH][tT][tT][pP][sS]?|[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]):[^\\s\"<>]*$",
        "examples": ["https://www.umea.se/"],
    }
);

shape!(
    /// An e-mail address, without a name or `mailto:`.
    Email = "email",
    {
        "description": en_sv!("An e-mail address, only the address", "En e-postadress, bara adressen"),
        "type": "string",
        "pattern": "^[^@\\s\"<>:/?#]+@[^\\s\"<>:/?#]*\\.[^\\s\"<>:/?#]*$",
        "examples": ["kommunen@example.se"],
    }
);

shape!(
    /// A TOML date (`2026-11-27`), which editors' tools see as its text.
    Date = "date",
    {
        "description": en_sv!(
            "A date, as a TOML date without quotes",
            "Ett datum, som ett TOML-datum utan citattecken"
        ),
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "examples": ["2026-11-27"],
    }
);

shape!(
    /// A year within [`YEARS`].
    Year = "year",
    {
        "title": en_sv!("Year", "År"),
        "description": en_sv!("A year, like 2023", "Ett år, som 2023"),
        "type": "integer",
        "minimum": YEARS.start(),
        "maximum": YEARS.end(),
        "examples": [2023],
    }
);

shape!(
    /// One of [`DATA_THEMES`].
    DataTheme = "dataTheme",
    {
        "description": en_sv!(
            "An EU data theme (publications.europa.eu/resource/authority/data-theme)",
            "Ett av EU:s datateman"
        ),
        "type": "string",
        "enum": DATA_THEMES,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_parts_into_english_and_swedish() {
        let d = Bilingual::parse(en_sv!("The year / of https://x", "Året")).map(|b| (b.en, b.get("sv")));
        assert_eq!(d, None, "a third part is refused, not guessed at");
        let b = Bilingual::parse(en_sv!("Starting with https://", "Som börjar med https://")).unwrap();
        assert_eq!((b.en, b.sv), ("Starting with https://", "Som börjar med https://"));
        assert_eq!(b.get("sv"), Some("Som börjar med https://"));
        assert_eq!(b.get("fi"), None);
        assert_eq!(Bilingual::parse("Only English"), None);
    }
}
