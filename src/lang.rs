//! A language code (`sv`, `en`, `fi`, `se`, `zh-hant`): a small value that is
//! copied, compared and hashed like the text it holds.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest language code a site may use (BCP 47 codes in use for sites
/// are far shorter: `sv`, `fit`, `zh-hant`).
pub const MAX_LEN: usize = 15;

/// A language code of the site: lowercase a–z, digits and `-`, at most
/// [`MAX_LEN`] bytes. `Copy`, so every page and chart can carry its own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Lang {
    len: u8,
    bytes: [u8; MAX_LEN],
}

impl Lang {
    /// The code, if `code` can be one: lowercase a–z, digits and `-`, not
    /// starting or ending with `-`, at most [`MAX_LEN`] bytes.
    pub fn new(code: &str) -> Option<Lang> {
        let ok = !code.is_empty()
            && code.len() <= MAX_LEN
            && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !code.starts_with('-')
            && !code.ends_with('-');
        if !ok {
            return None;
        }
        let mut bytes = [0; MAX_LEN];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        Some(Lang { len: code.len() as u8, bytes })
    }

    /// A code known to be valid (in tests and for built-in languages); panics otherwise.
    pub fn known(code: &str) -> Lang {
        Lang::new(code).unwrap_or_else(|| panic!("`{code}` is not a language code"))
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked in `new`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// How a text in every one of `langs` is written in TOML, to show in a
/// hint: `{ sv = "…", en = "…" }`.
pub fn text_example<L: fmt::Display>(langs: &[L]) -> String {
    let each: Vec<String> = langs.iter().map(|l| format!("{l} = \"…\"")).collect();
    format!("{{ {} }}", each.join(", "))
}

impl Deref for Lang {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Lang {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Maps keyed by `Lang` are looked up by `&str` too: hashing and order are the text's.
impl Borrow<str> for Lang {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for Lang {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::new(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{code}` is not a language code: write a short lowercase code like sv or en"
            ))
        })
    }
}

/// A language code as the schemas describe it: what [`Lang::new`] takes.
impl JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "languageCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": en_sv!(
                "A language code: lowercase letters, digits and -, like sv or en",
                "En språkkod: små bokstäver, siffror och -, som sv eller en"
            ),
            "type": "string",
            "pattern": crate::formats::SLUG_PATTERN,
            "maxLength": MAX_LEN,
            "examples": ["sv", "en", "fi", "se"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn codes_are_checked_and_compare_as_text() {
        assert_eq!(Lang::new("sv").unwrap().as_str(), "sv");
        assert_eq!(Lang::new("zh-hant").unwrap(), "zh-hant");
        for bad in ["", "SV", "sv_SE", "-sv", "sv-", "svenska-finland-x", "sv se"] {
            assert!(Lang::new(bad).is_none(), "{bad} accepted");
        }
        assert!(Lang::new("en").unwrap() < Lang::new("sv").unwrap());
        let map: BTreeMap<Lang, u8> = [(Lang::new("sv").unwrap(), 1)].into();
        assert_eq!(map.get("sv"), Some(&1), "looked up by &str");
    }
}
