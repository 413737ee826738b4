//! goalsite's own words (problems, hints, progress and summaries) in the
//! editor's language: one Fluent catalogue per language (`en.ftl`, `sv.ftl`),
//! messages named by a [`MsgId`] and filled with named arguments when they
//! are shown, so that the library reports what happened and the driver
//! chooses the language. Plural forms follow each language's rules.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/message_ids.rs"));

/// The catalogues goalsite ships, by language; English is the fallback.
const CATALOGUES: &[(&str, &str)] = &[("en", include_str!("en.ftl")), ("sv", include_str!("sv.ftl"))];

/// How an encoded message starts (see [`Message::encode`]).
const ENCODED: &str = "\u{1}goalsite-message:";

/// The placeholder names that messages raised inside deserializers use.
const KEYS: &[&str] = &["kind", "code", "value", "list"];

/// The language messages fall back to.
pub const FALLBACK: &str = "en";

/// A message to show: which one, and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: MsgId,
    args: Vec<(&'static str, Arg)>,
}

/// The value of a placeholder: a text as it is (a file name, an id, a value
/// quoted from a file), or a number (which plural forms can depend on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

/// A message with its arguments: `msg!(GoalUnassessed, goal = &g.id, year = 2024)`.
#[macro_export]
macro_rules! msg {
    ($id:ident $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($crate::MsgId::$id)
            $(.arg(stringify!($key), $value))*
    };
}

impl Message {
    pub fn new(id: MsgId) -> Message {
        Message { id, args: Vec::new() }
    }

    /// Sets the placeholder `{ $key }`.
    pub fn arg(mut self, key: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((key, value.into()));
        self
    }

    /// The message in `lang` (in English where goalsite has no catalogue for it).
    pub fn text(&self, lang: Lang) -> String {
        let catalogue = catalogue();
        let bundle = catalogue.get(lang.as_str()).or_else(|| catalogue.get(FALLBACK)).expect("the English catalogue");
        format(bundle, self).or_else(|| format(&catalogue[FALLBACK], self)).unwrap_or_else(|| self.id.as_str().into())
    }

    /// The message as a serde error's text, so that a deserializer can report
    /// a catalogued message through toml ([`Message::decode`] reads it back).
    pub fn encode(&self) -> String {
        let args: Vec<serde_json::Value> = self
            .args
            .iter()
            .map(|(k, v)| match v {
                Arg::Text(s) => serde_json::json!([k, s]),
                Arg::Number(n) => serde_json::json!([k, n]),
            })
            .collect();
        format!("{ENCODED}{}", serde_json::json!({ "id": self.id.as_str(), "args": args }))
    }

    /// The message in a text made by [`Message::encode`].
    pub fn decode(text: &str) -> Option<Message> {
        let json: serde_json::Value = serde_json::from_str(text.strip_prefix(ENCODED)?).ok()?;
        let mut message = Message::new(MsgId::from_id(json["id"].as_str()?)?);
        for pair in json["args"].as_array()? {
            let key: &'static str = KEYS.iter().find(|k| Some(**k) == pair[0].as_str())?;
            let value = match &pair[1] {
                serde_json::Value::Number(n) => Arg::Number(n.as_i64()?),
                v => Arg::Text(v.as_str()?.to_owned()),
            };
            message.args.push((key, value));
        }
        Some(message)
    }

    /// Sets `{ $first }`, `{ $last }` and `{ $count }` for a list of
    /// alternatives the catalogue joins with its word for "or".
    pub fn alternatives(self, items: &[impl AsRef<str>]) -> Message {
        let (last, first) = items.split_last().map_or(("", &[][..]), |(l, f)| (l.as_ref(), f));
        let first: Vec<&str> = first.iter().map(AsRef::as_ref).collect();
        self.arg("first", first.join(", ")).arg("last", last).arg("count", items.len())
    }

    /// The value of the placeholder `key`, if set.
    pub fn get(&self, key: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// English, as `{}` shows it (tests and logs); editors see [`Message::text`] in their language.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::known(FALLBACK)))
    }
}

/// A message is its English text, for tests and logs.
impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.to_string().as_str() == *other
    }
}

/// Whether goalsite has messages in `lang`.
pub fn speaks(lang: Lang) -> bool {
    CATALOGUES.iter().any(|(code, _)| *code == lang.as_str())
}

type Bundle = FluentBundle<FluentResource>;

fn catalogue() -> &'static HashMap<&'static str, Bundle> {
    static CATALOGUE: OnceLock<HashMap<&'static str, Bundle>> = OnceLock::new();
    CATALOGUE.get_or_init(|| CATALOGUES.iter().map(|(lang, ftl)| (*lang, bundle(lang, ftl))).collect())
}

fn bundle(lang: &str, ftl: &str) -> Bundle {
    let resource = FluentResource::try_new(ftl.to_owned()).unwrap_or_else(|(r, _)| r);
    let id = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and the browser overlay show these as they are: no bidi marks.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// `message` from `bundle`, if it has it.
fn format(bundle: &Bundle, message: &Message) -> Option<String> {
    let pattern = bundle.get_message(message.id.as_str())?.value()?;
    let mut args = FluentArgs::new();
    for (key, value) in &message.args {
        match value {
            Arg::Text(s) => args.set(*key, FluentValue::from(s.as_str())),
            Arg::Number(n) => args.set(*key, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
    debug_assert!(errors.is_empty(), "message {} in {:?}: {errors:?}", message.id.as_str(), bundle.locales);
    Some(text)
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&Path> for Arg {
    fn from(p: &Path) -> Arg {
        Arg::Text(p.to_string_lossy().replace('\\', "/"))
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}

impl From<Lang> for Arg {
    fn from(l: Lang) -> Arg {
        Arg::Text(l.as_str().to_owned())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}

number_args!(i32, i64, u32, u64, usize, u8, u16);

#[cfg(test)]
mod tests;
