//! Form fields from the JSON Schemas: one field per property of a file's
//! shape, in the order of the Rust type that reads it, labelled with the
//! property's title and helped by its description in the site's first
//! language; a text gets a field per language of the site, an indicator's
//! value a row of value, kind of figure and note.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::{json, Value};

use crate::formats::Bilingual;

/// What forms are made with: the language of labels and hints, and the
/// site's languages and words.
pub struct Forms {
    /// The language labels and hints are in (`sv` or `en`, the schemas' two).
    pub lang: &'static str,
    /// The site's languages: code and name, the first the default.
    pub languages: Vec<(String, String)>,
    /// The kinds of figure (`derived`) with their names in the site's first language.
    pub value_status: Vec<(String, String)>,
    /// The order of the properties of the schemas' named definitions
    /// (`series`), as their types declare them; others are alphabetical.
    pub order: Vec<(&'static str, &'static [&'static str])>,
}

/// Texts written on one line (names and titles); the others get a box that grows.
const ONE_LINE: [&str; 6] = ["title", "menu_title", "label", "name", "unit", "slug"];

impl Forms {
    /// The fields of `names` of the object schema `schema` (whose `$ref`s
    /// point into `root`), in that order.
    pub fn fields(&self, root: &Value, schema: &Value, names: &[&str]) -> Vec<Value> {
        self.fields_within(root, schema, names, true)
    }

    /// [`Forms::fields`] of an object that is itself required or not: the
    /// fields of one that may be left empty are never required.
    fn fields_within(&self, root: &Value, schema: &Value, names: &[&str], within_required: bool) -> Vec<Value> {
        let schema = resolve(root, schema).0;
        let required =
            |n: &str| within_required && schema["required"].as_array().is_some_and(|r| r.iter().any(|x| x == n));
        names.iter().filter_map(|&n| Some(self.field(root, n, schema["properties"].get(n)?, required(n)))).collect()
    }

    /// The field for property `name` (schema `prop`).
    pub fn field(&self, root: &Value, name: &str, prop: &Value, required: bool) -> Value {
        let mut field = json!({ "name": name, "label": self.label(prop, name), "required": required });
        if let Some(hint) = self.text_of(prop, "description") {
            field["hint"] = hint.into();
        }
        let (target, definition) = resolve(root, prop);
        let widget = match definition {
            Some("text") => return self.text(field, !ONE_LINE.contains(&name), required),
            Some("slugText") => return self.text(field, false, false),
            Some("value" | "presentValue") => return self.value(root, target, field),
            _ => self.widget(root, target, definition, required),
        };
        merge(&mut field, widget);
        field
    }

    /// A field's widget and options from its (resolved) schema, the
    /// definition `definition` if it is one.
    fn widget(&self, root: &Value, schema: &Value, definition: Option<&str>, required: bool) -> Value {
        if let Some(options) = schema["enum"].as_array() {
            return json!({ "widget": "select", "options": options });
        }
        match schema["type"].as_str() {
            Some("integer") => number(schema, "int"),
            Some("number") => number(schema, "float"),
            Some("boolean") => json!({ "widget": "boolean" }),
            Some("array") => self.list(root, &schema["items"]),
            Some("object") if schema.get("properties").is_some() => {
                let fields = self.fields_within(root, schema, &self.order_of(schema, definition), required);
                json!({ "widget": "object", "collapsed": false, "fields": fields })
            }
            _ => json!({ "widget": "string" }),
        }
    }

    /// A list of `items`: rows of fields, rows of values, or single fields.
    fn list(&self, root: &Value, items: &Value) -> Value {
        let mut list = self.list_of(root, items);
        let (target, _) = resolve(root, items);
        if let Some(one) = self.text_of(target, "title") {
            let mut chars = one.chars();
            let singular: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            if list["widget"] == "list" {
                list["label_singular"] = singular.into();
            }
        }
        list
    }

    fn list_of(&self, root: &Value, items: &Value) -> Value {
        let (target, definition) = resolve(root, items);
        if matches!(definition, Some("value" | "presentValue")) {
            let row = self.value(root, target, json!({}));
            return json!({ "widget": "list", "fields": row["fields"], "collapsed": true, "summary": "{{fields.year}}: {{fields.value}}" });
        }
        if target["enum"].is_array() {
            let mut select = self.widget(root, target, definition, false);
            select["multiple"] = true.into();
            return select;
        }
        if target.get("properties").is_some() {
            let fields = self.fields(root, target, &self.order_of(target, definition));
            let mut list = json!({ "widget": "list", "collapsed": false, "fields": fields });
            if let Some(name) = ["name", "title", "id"].into_iter().find(|n| target["properties"].get(*n).is_some()) {
                let first = self.languages.first().map_or("", |(code, _)| code.as_str());
                let text = list["fields"]
                    .as_array()
                    .and_then(|f| f.iter().find(|f| f["name"] == name))
                    .is_some_and(|f| self.is_text(f));
                list["summary"] =
                    if text { format!("{{{{fields.{name}.{first}}}}}") } else { format!("{{{{fields.{name}}}}}") }
                        .into();
            }
            return list;
        }
        let mut one = json!({ "name": "item", "label": self.label(target, "item") });
        merge(&mut one, self.widget(root, target, definition, true));
        json!({ "widget": "list", "field": one, "collapsed": false })
    }

    /// The properties of `schema` in the declared order of its definition,
    /// or alphabetical.
    fn order_of<'a>(&self, schema: &'a Value, definition: Option<&str>) -> Vec<&'a str> {
        let all: Vec<&str> =
            schema["properties"].as_object().map_or(Vec::new(), |p| p.keys().map(String::as_str).collect());
        match self.order.iter().find(|(d, _)| Some(*d) == definition) {
            Some((_, order)) => order.iter().filter_map(|n| all.iter().find(|a| *a == n).copied()).collect(),
            None => all,
        }
    }

    /// Whether `field` is a text in every language (a field per language).
    pub fn is_text(&self, field: &Value) -> bool {
        is_text_of(field, &self.languages)
    }

    /// A text in every language: a field per language, named by its code.
    pub fn text(&self, mut field: Value, long: bool, required: bool) -> Value {
        let widget = if long { "text" } else { "string" };
        let languages: Vec<Value> = self
            .languages
            .iter()
            .map(|(code, name)| json!({ "name": code, "label": name, "widget": widget, "required": required }))
            .collect();
        merge(&mut field, json!({ "widget": "object", "collapsed": false, "fields": languages }));
        field
    }

    /// An indicator's value: the number (empty for none), the kind of
    /// figure, and a note, from the table form of a value in `schema`.
    fn value(&self, root: &Value, schema: &Value, mut field: Value) -> Value {
        let table = schema["oneOf"].as_array().and_then(|o| o.iter().find(|s| s.get("properties").is_some()));
        let table = table.unwrap_or(&Value::Null);
        let mut value = self.field(root, "value", &table["properties"]["value"], false);
        merge(&mut value, json!({ "widget": "number", "value_type": "float" }));
        let options: Vec<Value> =
            self.value_status.iter().map(|(id, word)| json!({ "label": word, "value": id })).collect();
        let mut status = self.field(root, "status", &table["properties"]["status"], false);
        merge(&mut status, json!({ "widget": "select", "options": options }));
        let note = self.field(root, "note", &table["properties"]["note"], false);
        merge(&mut field, json!({ "widget": "object", "collapsed": false, "fields": [value, status, note] }));
        field
    }

    fn label(&self, schema: &Value, name: &str) -> String {
        self.text_of(schema, "title").unwrap_or_else(|| name.to_owned())
    }

    /// The `title` or `description` of a schema in the forms' language.
    fn text_of(&self, schema: &Value, key: &str) -> Option<String> {
        let text = schema[key].as_str()?;
        Some(Bilingual::parse(text).and_then(|b| b.get(self.lang)).unwrap_or(text).to_owned())
    }
}

/// Whether `field` has a field per language of `languages`, and nothing else.
fn is_text_of(field: &Value, languages: &[(String, String)]) -> bool {
    field["fields"].as_array().is_some_and(|f| {
        f.len() == languages.len() && f.iter().zip(languages).all(|(f, (code, _))| f["name"] == code.as_str())
    })
}

/// A number field, with the schema's bounds.
fn number(schema: &Value, value_type: &str) -> Value {
    let mut field = json!({ "widget": "number", "value_type": value_type });
    for (from, to) in [("minimum", "min"), ("maximum", "max")] {
        if let Some(bound) = schema.get(from) {
            field[to] = bound.clone();
        }
    }
    field
}

/// The schema `schema` stands for (following `$ref` and a single `allOf`),
/// with the name of its definition in `root`, if it is one.
pub fn resolve<'a>(root: &'a Value, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/definitions/")) {
        let (target, inner) = resolve(root, &root["definitions"][name]);
        return (target, inner.or(Some(name)));
    }
    match schema["allOf"].as_array().map(Vec::as_slice) {
        Some([one]) => resolve(root, one),
        _ => (schema, None),
    }
}

/// `extra`'s keys set on `field`.
pub fn merge(field: &mut Value, extra: Value) {
    if let (Some(field), Value::Object(extra)) = (field.as_object_mut(), extra) {
        field.extend(extra);
    }
}

/// The names of `T`'s fields in the order the type declares them (as
/// serde's derive gives them to a deserializer): the order forms follow.
pub fn declared<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut names = FieldNames(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// A deserializer that only learns the field names of a struct.
struct FieldNames(&'static [&'static str]);

#[derive(Debug)]
struct Learned;

impl std::fmt::Display for Learned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names learned")
    }
}

impl std::error::Error for Learned {}

impl de::Error for Learned {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Learned
    }
}

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = Learned;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Learned> {
        Err(Learned)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Learned> {
        self.0 = fields;
        Err(Learned)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::files::{IndicatorFile, ProgrammeFile};

    #[test]
    fn the_declared_order_is_the_types() {
        assert_eq!(&declared::<ProgrammeFile>()[..3], ["title", "menu_title", "slug"]);
        assert_eq!(declared::<IndicatorFile>()[0], "title");
    }
}
