//! Readers for the three shapes of a form file that serde's derive can only
//! read through its buffered `Content`: a field (its kind is flattened and
//! tagged by `type`), a condition (untagged: its keys say which it is) and a
//! note (a text or a table).
//!
//! Each is read in one pass into a plain struct that names every key it may
//! have (derived, `deny_unknown_fields`), then shaped into the model. This
//! keeps serde's `Content` machinery out of the site's WebAssembly (it was
//! the largest part of reading a form) and reads a form about twice as fast.
//! It is also stricter: a condition or field with a key that belongs to
//! another shape (`filled` beside `equals`, `min_words` on a `text` field) is
//! refused instead of silently ignored.
//!
//! Writing stays derived (`Serialize` on the model), so what the build writes
//! is what these readers read.

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::expr::{CmpOp, Expr};
use super::{ChoiceOption, Condition, Field, FieldKind, Note, Signer, SignsFor};

/// Every key a field may have; which of the kind's keys are allowed depends
/// on `type` (checked in [`RawField::into_field`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: String,
    label: String,
    #[serde(default)]
    hint: Option<String>,
    #[serde(rename = "type")]
    kind: KindName,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    recommended: bool,
    #[serde(default)]
    when: Option<Condition>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    missing_message: Option<String>,
    // The kinds' own keys.
    max_length: Option<usize>,
    min_words: Option<usize>,
    not_in_future: Option<bool>,
    options: Option<Vec<ChoiceOption>>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    unit: Option<String>,
    integer: Option<bool>,
    signer: Option<Signer>,
    signs_for: Option<SignsFor>,
    confirmations: Option<Vec<String>>,
    fields: Option<Vec<Field>>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    item_label: Option<String>,
}

/// The `type` of a field.
#[derive(serde::Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum KindName {
    Text,
    LongText,
    Date,
    Choice,
    MultiChoice,
    YesNo,
    Bsn,
    Postcode,
    Brin,
    Number,
    Money,
    Person,
    Signature,
    Attachment,
    List,
}

impl KindName {
    /// The keys of its own that a field of this type may have.
    fn keys(self) -> &'static [&'static str] {
        match self {
            KindName::Text => &["max_length"],
            KindName::LongText => &["max_length", "min_words"],
            KindName::Date => &["not_in_future"],
            KindName::Choice | KindName::MultiChoice => &["options"],
            KindName::YesNo
            | KindName::Bsn
            | KindName::Postcode
            | KindName::Brin
            | KindName::Person => &[],
            KindName::Number => &["min", "max", "unit", "integer"],
            KindName::Money => &["max"],
            KindName::Signature => &["signer", "signs_for"],
            KindName::Attachment => &["confirmations"],
            KindName::List => &["fields", "min_items", "max_items", "item_label"],
        }
    }
}

/// The names whose flag is set, in order.
fn named<const N: usize>(flags: [(&'static str, bool); N]) -> impl Iterator<Item = &'static str> {
    flags
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
}

impl RawField {
    /// The kinds' keys this field has.
    fn given(&self) -> impl Iterator<Item = &'static str> {
        named([
            ("max_length", self.max_length.is_some()),
            ("min_words", self.min_words.is_some()),
            ("not_in_future", self.not_in_future.is_some()),
            ("options", self.options.is_some()),
            ("min", self.min.is_some()),
            ("max", self.max.is_some()),
            ("unit", self.unit.is_some()),
            ("integer", self.integer.is_some()),
            ("signer", self.signer.is_some()),
            ("signs_for", self.signs_for.is_some()),
            ("confirmations", self.confirmations.is_some()),
            ("fields", self.fields.is_some()),
            ("min_items", self.min_items.is_some()),
            ("max_items", self.max_items.is_some()),
            ("item_label", self.item_label.is_some()),
        ])
    }

    /// The field; a key of another kind than its `type` is refused as unknown.
    fn into_field<E: de::Error>(self) -> Result<Field, E> {
        let allowed = self.kind.keys();
        if let Some(key) = self.given().find(|key| !allowed.contains(key)) {
            return Err(E::unknown_field(key, allowed));
        }
        let options =
            |options: Option<Vec<ChoiceOption>>| options.ok_or_else(|| E::missing_field("options"));
        let kind = match self.kind {
            KindName::Text => FieldKind::Text {
                max_length: self.max_length,
            },
            KindName::LongText => FieldKind::LongText {
                max_length: self.max_length,
                min_words: self.min_words,
            },
            KindName::Date => FieldKind::Date {
                not_in_future: self.not_in_future.unwrap_or(false),
            },
            KindName::Choice => FieldKind::Choice {
                options: options(self.options)?,
            },
            KindName::MultiChoice => FieldKind::MultiChoice {
                options: options(self.options)?,
            },
            KindName::YesNo => FieldKind::YesNo,
            KindName::Bsn => FieldKind::Bsn,
            KindName::Postcode => FieldKind::Postcode,
            KindName::Brin => FieldKind::Brin,
            KindName::Number => FieldKind::Number {
                min: self.min,
                max: self.max,
                unit: self.unit,
                integer: self.integer.unwrap_or(false),
            },
            KindName::Money => FieldKind::Money { max: self.max },
            KindName::Person => FieldKind::Person,
            KindName::Signature => FieldKind::Signature {
                signer: self.signer.ok_or_else(|| E::missing_field("signer"))?,
                signs_for: self.signs_for,
            },
            KindName::Attachment => FieldKind::Attachment {
                confirmations: self.confirmations.unwrap_or_default(),
            },
            KindName::List => FieldKind::List {
                fields: self.fields.ok_or_else(|| E::missing_field("fields"))?,
                min_items: self.min_items,
                max_items: self.max_items,
                item_label: self
                    .item_label
                    .ok_or_else(|| E::missing_field("item_label"))?,
            },
        };
        Ok(Field {
            id: self.id,
            label: self.label,
            hint: self.hint,
            kind,
            required: self.required,
            recommended: self.recommended,
            when: self.when,
            source: self.source,
            missing_message: self.missing_message,
        })
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawField::deserialize(deserializer)?.into_field()
    }
}

/// Every key a condition may have; which shape it is follows from them.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    field: Option<String>,
    equals: Option<String>,
    one_of: Option<Vec<String>>,
    filled: Option<bool>,
    same_as: Option<String>,
    month_in: Option<Vec<u32>>,
    contains_any: Option<Vec<String>>,
    left: Option<Expr>,
    op: Option<CmpOp>,
    right: Option<Expr>,
    all: Option<Vec<Condition>>,
    any: Option<Vec<Condition>>,
    at_least: Option<usize>,
    of: Option<Vec<Condition>>,
    not: Option<Box<Condition>>,
    condition: Option<String>,
}

/// The keys that say which condition it is, as the error names them.
const CONDITION_KEYS: &str = "`equals`, `one_of`, `filled`, `same_as`, `month_in`, \
     `contains_any`, `op` (met `left` en `right`), `all`, `any`, `at_least` (met `of`), \
     `not` of `condition`";

impl RawCondition {
    /// The shapes this condition's keys point at, by their leading key.
    fn shapes(&self) -> impl Iterator<Item = &'static str> {
        named([
            ("equals", self.equals.is_some()),
            ("one_of", self.one_of.is_some()),
            ("filled", self.filled.is_some()),
            ("same_as", self.same_as.is_some()),
            ("month_in", self.month_in.is_some()),
            ("contains_any", self.contains_any.is_some()),
            (
                "op",
                self.left.is_some() || self.op.is_some() || self.right.is_some(),
            ),
            ("all", self.all.is_some()),
            ("any", self.any.is_some()),
            ("at_least", self.at_least.is_some() || self.of.is_some()),
            ("not", self.not.is_some()),
            ("condition", self.condition.is_some()),
        ])
    }

    fn into_condition<E: de::Error>(self) -> Result<Condition, E> {
        let mut shapes = self.shapes();
        let shape = shapes.next().ok_or_else(|| {
            E::custom(format_args!(
                "een voorwaarde heeft één van deze sleutels nodig: {CONDITION_KEYS}"
            ))
        })?;
        if let Some(other) = shapes.next() {
            return Err(E::custom(format_args!(
                "een voorwaarde toetst één ding: `{shape}` en `{other}` kunnen niet samen \
                 (combineer voorwaarden met `all` of `any`)"
            )));
        }
        let RawCondition {
            field,
            equals,
            one_of,
            filled,
            same_as,
            month_in,
            contains_any,
            left,
            op,
            right,
            all,
            any,
            at_least,
            of,
            not,
            condition,
        } = self;
        // The shapes that test a field take it; any other leaves it there.
        let mut field = field;
        let mut field_of_test = || field.take().ok_or_else(|| E::missing_field("field"));
        // `shapes` let exactly one group through, so the first key given is it.
        let read = if let Some(equals) = equals {
            Condition::Equals {
                field: field_of_test()?,
                equals,
            }
        } else if let Some(one_of) = one_of {
            Condition::OneOf {
                field: field_of_test()?,
                one_of,
            }
        } else if let Some(filled) = filled {
            Condition::Filled {
                field: field_of_test()?,
                filled,
            }
        } else if let Some(same_as) = same_as {
            Condition::SameAs {
                field: field_of_test()?,
                same_as,
            }
        } else if let Some(month_in) = month_in {
            Condition::MonthIn {
                field: field_of_test()?,
                month_in,
            }
        } else if let Some(contains_any) = contains_any {
            Condition::ContainsAny {
                field: field_of_test()?,
                contains_any,
            }
        } else if let Some(all) = all {
            Condition::All { all }
        } else if let Some(any) = any {
            Condition::Any { any }
        } else if let Some(not) = not {
            Condition::Not { not }
        } else if let Some(condition) = condition {
            Condition::Named { condition }
        } else if at_least.is_some() || of.is_some() {
            Condition::AtLeast {
                at_least: at_least.ok_or_else(|| E::missing_field("at_least"))?,
                of: of.ok_or_else(|| E::missing_field("of"))?,
            }
        } else {
            Condition::Compare {
                left: left.ok_or_else(|| E::missing_field("left"))?,
                op: op.ok_or_else(|| E::missing_field("op"))?,
                right: right.ok_or_else(|| E::missing_field("right"))?,
            }
        };
        if field.is_some() {
            return Err(E::custom(format_args!(
                "`field` hoort niet in een voorwaarde met `{shape}`"
            )));
        }
        Ok(read)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawCondition::deserialize(deserializer)?.into_condition()
    }
}

/// A note with the condition under which it applies.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    text: String,
    when: Condition,
}

/// Reads a note: a text, or a table with `text` and `when`.
struct NoteVisitor;

impl<'de> Visitor<'de> for NoteVisitor {
    type Value = Note;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("een opmerking: een tekst, of een tabel met `text` en `when`")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Note, E> {
        Ok(Note::Always(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Note, E> {
        Ok(Note::Always(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Note, A::Error> {
        let RawNote { text, when } =
            RawNote::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Note::When { text, when })
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NoteVisitor)
    }
}
