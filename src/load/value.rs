//! A value of an indicator as editors write it: a number, `"-"` for a gap,
//! or a table that also says what kind of figure it is; how it is read, and
//! how the schemas describe it.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::formats::MAX_VALUE;
use crate::locale::Text;
use crate::model::ValueStatus;

/// A number, or no value (`"-"`) for a gap in a series; or a table that
/// also says what kind of figure it is: `{ value = 427, status = "derived",
/// note = { sv = "…", en = "…" } }`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataValue {
    pub value: Option<f64>,
    pub status: ValueStatus,
    pub note: Option<Text>,
}

impl<'de> Deserialize<'de> for DataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DataValueVisitor)
    }
}

/// The table form of a value.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = en_sv!(
    "A value that says what kind of figure it is",
    "Ett värde som säger vilken sorts siffra det är"
))]
struct MarkedValue {
    #[schemars(description = en_sv!("The number, or \"-\" for no value", "Talet, eller \"-\" för inget värde"))]
    #[schemars(title = en_sv!("Value", "Värde"))]
    value: Number,
    #[serde(default)]
    #[schemars(description = en_sv!(
        "What kind of figure the value is: measured (default), derived, estimated or preliminary",
        "Vilken sorts siffra värdet är: measured (uppmätt, standard), derived (beräknad), estimated (uppskattad) eller preliminary (preliminär)"
    ))]
    #[schemars(title = en_sv!("Kind of figure", "Sorts siffra"))]
    status: ValueStatus,
    #[schemars(description = en_sv!("A note on this value, in every language", "En kommentar till värdet, på alla språk"))]
    #[schemars(title = en_sv!("Note", "Kommentar"))]
    note: Option<Text>,
}

/// A bare number or gap, inside the table form.
struct Number(Option<f64>);

shape!(
    /// A number goalsite draws: within [`MAX_VALUE`] either way.
    FiniteNumber = "number",
    {
        "description": en_sv!(
            "A number, like 12.5 (at most 1e15 either way)",
            "Ett tal, som 12.5 (högst 1e15 åt båda hållen)"
        ),
        "type": "number",
        "minimum": -MAX_VALUE,
        "maximum": MAX_VALUE,
    }
);

shape!(
    /// No value, as [`DataValueVisitor::visit_str`] reads it.
    Gap = "gap",
    {
        "description": en_sv!("No value for this year: \"-\"", "Inget värde för året: \"-\""),
        "type": "string",
        "pattern": "^\\s*(-|–|)\\s*$",
        "examples": ["-"],
    }
);

impl JsonSchema for Number {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "numberOrGap".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "oneOf": [generator.subschema_for::<FiniteNumber>(), generator.subschema_for::<Gap>()] })
    }
}

impl JsonSchema for DataValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "value".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": en_sv!("Value", "Värde"),
            "description": en_sv!(
                "A value: a number, \"-\" for a year without a value, or { value = 427, status = \"derived\", note = { … } }",
                "Ett värde: ett tal, \"-\" för ett år utan värde, eller { value = 427, status = \"derived\", note = { … } }"
            ),
            "oneOf": [
                generator.subschema_for::<FiniteNumber>(),
                generator.subschema_for::<Gap>(),
                MarkedValue::json_schema(generator),
            ],
            "examples": [12.5, "-", { "value": 427, "status": "derived" }],
        })
    }
}

/// A value that is there (a number, or the table form of one), where a gap
/// makes no sense: a category's bar.
pub struct PresentValue;

impl JsonSchema for PresentValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "presentValue".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let number = generator.subschema_for::<FiniteNumber>();
        let mut table = MarkedValue::json_schema(generator);
        if let Some(value) = table.pointer_mut("/properties/value") {
            *value = number.clone().into();
        }
        json_schema!({
            "description": en_sv!(
                "A value that is there: a number, or { value = 12.5, status = \"estimated\", note = { … } }",
                "Ett värde som finns: ett tal, eller { value = 12.5, status = \"estimated\", note = { … } }"
            ),
            "oneOf": [number, table],
            "examples": [12.5, { "value": 12.5, "status": "estimated" }],
        })
    }
}

/// The schema of a series' values: one value per year, at least one of
/// them there.
pub fn series_values(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "minItems": 1,
        "items": generator.subschema_for::<DataValue>(),
        "contains": generator.subschema_for::<PresentValue>(),
        "examples": [[96.5, "-", 101.25]],
    })
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BareValueVisitor).map(Number)
    }
}

/// A number or a gap, but not a table: the value inside a value's table.
struct BareValueVisitor;

impl<'de> Visitor<'de> for BareValueVisitor {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        // A word the TOML messages turn into the editor's language (`toml_file`).
        f.write_str("a figure")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_i64(v).map(|d| d.value)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_u64(v).map(|d| d.value)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_f64(v).map(|d| d.value)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<f64>, E> {
        DataValueVisitor.visit_str(v).map(|d| d.value)
    }
}

struct DataValueVisitor;

impl<'de> Visitor<'de> for DataValueVisitor {
    type Value = DataValue;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        // A word the TOML messages turn into the editor's language (`toml_file`).
        f.write_str("a figure or its table")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<DataValue, E> {
        Ok(DataValue { value: Some(v as f64), ..DataValue::default() })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<DataValue, E> {
        Ok(DataValue { value: Some(v as f64), ..DataValue::default() })
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<DataValue, E> {
        if v.is_finite() {
            Ok(DataValue { value: Some(v), ..DataValue::default() })
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DataValue, E> {
        match v.trim() {
            "-" | "–" | "" => Ok(DataValue::default()),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<DataValue, A::Error> {
        let marked = MarkedValue::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(DataValue { value: marked.value.0, status: marked.status, note: marked.note })
    }
}
