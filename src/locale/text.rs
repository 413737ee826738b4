//! Translatable text: a value written once per language (`{ sv = "…", en = "…" }`)
//! or once for every language (a plain string, for proper names and units).

use std::collections::BTreeMap;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::Lang;
use crate::formats::Slug;

/// A text with one value per language, or one value shared by all languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same text in every language (names, units).
    Same(String),
    /// One text per language code.
    PerLang(BTreeMap<String, String>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Same(String::new())
    }
}

impl Text {
    /// Every value, in whatever language.
    pub fn values(&self) -> Vec<&str> {
        match self {
            Text::Same(s) => vec![s.as_str()],
            Text::PerLang(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// The same text with `f` applied to every language's value.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Text {
        match self {
            Text::Same(s) => Text::Same(f(s)),
            Text::PerLang(map) => Text::PerLang(map.iter().map(|(k, v)| (k.clone(), f(v))).collect()),
        }
    }

    /// The text in `lang`, if it has one.
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Same(s) => Some(s),
            Text::PerLang(map) => map.get(lang).map(String::as_str),
        }
    }

    /// The text in `lang`, or an empty string when the translation is missing
    /// (validation has reported that already, so rendering never sees it).
    pub fn tr(&self, lang: Lang) -> &str {
        self.get(&lang).unwrap_or("")
    }

    /// Language codes this text has a value for that are not in `langs`.
    pub fn unknown_langs<'a>(&'a self, langs: &'a [Lang]) -> impl Iterator<Item = &'a str> {
        let keys: Vec<&str> = match self {
            Text::Same(_) => Vec::new(),
            Text::PerLang(map) => map.keys().map(String::as_str).collect(),
        };
        keys.into_iter().filter(move |k| !langs.iter().any(|l| l == k))
    }

    /// Languages from `langs` this text lacks.
    pub fn missing_langs<'a>(&'a self, langs: &'a [Lang]) -> impl Iterator<Item = Lang> + 'a {
        langs.iter().copied().filter(move |l| self.get(l).is_none_or(|s| s.trim().is_empty()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // A word the TOML messages turn into the editor's language (`toml_file`).
        f.write_str("a text per language")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        visible(v)?;
        filled_in(v)?;
        Ok(Text::Same(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, v)) = map.next_entry::<String, String>()? {
            visible(&v)?;
            filled_in(&v)?;
            out.insert(k, v);
        }
        Ok(Text::PerLang(out))
    }
}

/// Refuses a text with an invisible character written as an escape (such as
/// `\u0001` or `\u202E`; pasted ones are found before the file is parsed): a
/// control character would make the pages, charts and data catalogue
/// invalid XML, a zero-width or text-direction one would hide or reorder text.
fn visible<E: de::Error>(v: &str) -> Result<(), E> {
    match crate::text::invisible_character(v) {
        Some((_, c, kind)) => {
            Err(E::custom(msg!(InvisibleCharacterEscaped, kind = kind, code = format!("{:04X}", c as u32)).encode()))
        }
        None => Ok(()),
    }
}

/// Refuses a text that is only the placeholder `…` (or `...`) that goalsite
/// writes where a text is to be filled in (the motivation `new-year` leaves
/// commented out, the correction its hint shows): uncommented or copied as
/// it is, it would be published as the text.
fn filled_in<E: de::Error>(v: &str) -> Result<(), E> {
    match matches!(v.trim(), "…" | "...") {
        true => Err(E::custom(msg!(TextPlaceholder).encode())),
        false => Ok(()),
    }
}

/// A text as the schemas describe it: [`Text`]'s two forms.
impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut per_lang = per_language(generator, json_schema!({ "type": "string", "pattern": "\\S" }));
        per_lang.insert("description".into(), en_sv!("One text per language code", "En text per språkkod").into());
        json_schema!({
            "description": en_sv!(
                "A text in every language: { sv = \"…\", en = \"…\" }, or one text in quotes that is the same in every language (names, units)",
                "En text på alla språk: { sv = \"…\", en = \"…\" }, eller en text inom citattecken som är likadan på alla språk (namn, enheter)"
            ),
            "oneOf": [
                {
                    "description": en_sv!("The same text in every language", "Samma text på alla språk"),
                    "type": "string",
                    "pattern": "\\S",
                },
                per_lang,
            ],
            "examples": [{ "sv": "Ja", "en": "Yes" }],
        })
    }
}

/// A [`Text`] that is a page's slug: its schema allows only slugs.
pub struct SlugText;

impl JsonSchema for SlugText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "slugText".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let slug = generator.subschema_for::<Slug>();
        json_schema!({
            "description": en_sv!(
                "The page's address per language: lowercase a–z, digits and -",
                "Sidans adress per språk: små bokstäver a–z, siffror och -"
            ),
            "oneOf": [slug.clone(), per_language(generator, slug)],
            "examples": [{ "sv": "tillganglighet", "en": "accessibility" }],
        })
    }
}

/// A table of one `value` per language code: the second form of a text.
fn per_language(generator: &mut SchemaGenerator, value: Schema) -> Schema {
    json_schema!({
        "type": "object",
        "minProperties": 1,
        "propertyNames": generator.subschema_for::<Lang>(),
        "additionalProperties": value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Message, MsgId};

    #[derive(Deserialize)]
    struct Doc {
        t: Text,
    }

    fn parse(src: &str) -> Result<Text, toml::de::Error> {
        toml::from_str::<Doc>(src).map(|d| d.t)
    }

    #[test]
    fn a_text_with_a_control_character_is_refused() {
        for src in ["t = \"A\\u0001B\"", "t = { sv = \"Ja\", en = \"Y\\u001Fes\" }"] {
            let e = parse(src).unwrap_err();
            let message = Message::decode(e.message()).expect("a catalogued message");
            assert!(message.to_string().contains("invisible control character (U+00"), "{src}: {message}");
        }
        assert!(parse("t = \"Rad ett\\nRad två\\tslut\"").is_ok());
    }

    #[test]
    fn plain_string_is_the_same_in_every_language() {
        let t = parse("t = \"Umeå\"").unwrap();
        assert_eq!(t.get("sv"), Some("Umeå"));
        assert_eq!(t.get("en"), Some("Umeå"));
    }

    #[test]
    fn table_has_one_text_per_language_and_reports_gaps() {
        let t = parse("t = { sv = \"Ja\", de = \"Ja\" }").unwrap();
        let langs = [Lang::new("sv").unwrap(), Lang::new("en").unwrap()];
        assert_eq!(t.get("en"), None);
        assert_eq!(t.missing_langs(&langs).collect::<Vec<_>>(), vec!["en"]);
        assert_eq!(t.unknown_langs(&langs).collect::<Vec<_>>(), vec!["de"]);
    }

    #[test]
    fn a_text_left_as_the_placeholder_is_refused_and_one_that_uses_it_is_not() {
        for toml in ["t = \"…\"", "t = { sv = \" ... \", en = \"Yes\" }", "t = { sv = \"Ja\", en = \"…\" }"] {
            let e = parse(toml).unwrap_err();
            assert_eq!(Message::decode(e.message()).map(|m| m.id), Some(MsgId::TextPlaceholder), "{toml}");
        }
        assert!(parse("t = { sv = \"Ja …\", en = \"...and more\" }").is_ok());
    }

    #[test]
    fn a_number_is_a_clear_error() {
        let e = parse("t = 3").unwrap_err();
        assert!(e.message().ends_with("expected a text per language"), "{}", e.message());
    }
}
