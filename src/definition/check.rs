//! Build-time checks of a form definition. `build.rs` runs these on every file
//! under `forms/` and fails the build on the first file with problems, naming
//! the file and every problem in it.

use std::collections::HashSet;

use super::{Check, Condition, Expr, Field, FieldKind, Form};

/// One thing wrong with a form definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("form id `{id}` must be `<swv>/<form>` with the SWV folder `{folder}` as first part")]
    BadId { id: String, folder: String },
    #[error("duplicate {what} id `{id}`")]
    DuplicateId { what: &'static str, id: String },
    #[error("{place} refers to field `{path}`, which does not exist")]
    UnknownField { place: String, path: String },
    #[error("{place} cites source `{key}`, which is not in [sources]")]
    UnknownSource { place: String, key: String },
    #[error("{place} has no source: give it `source = \"…\"` (or its section/form one)")]
    MissingSource { place: String },
    #[error("source `{key}` has an empty {part}")]
    EmptySource { key: String, part: &'static str },
    #[error("source `{key}` cites document `{document}`, which has no title in [documents]")]
    UntitledDocument { key: String, document: String },
    #[error("[documents] names `{document}`, which no source cites")]
    UnusedDocument { document: String },
    /// Something wrong at `place` ("field `x`", "rule `x`", "form"): the
    /// problem is data, so `build.rs` prints it in English (`Display`) and
    /// `problems_nl` in plain Dutch for SWV staff, each from the same facts.
    #[error("{place}: {problem}")]
    Invalid { place: String, problem: Problem },
}

/// A kind of named thing in `[values]` or `[conditions]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A named value under `[values]`.
    Value,
    /// A named condition under `[conditions]`.
    Condition,
}

impl NameKind {
    /// The word in the form file (`{ value = "x" }`, `{ condition = "x" }`).
    pub fn keyword(self) -> &'static str {
        match self {
            NameKind::Value => "value",
            NameKind::Condition => "condition",
        }
    }
}

/// What is wrong at an [`DefinitionError::Invalid`] place. `Display` is the
/// English for developers (`build.rs`); `problems_nl` renders the Dutch.
/// `function` fields hold the form file's own keyword (`plus`, `age`, …).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("version is empty")]
    VersionEmpty,
    #[error("description must be one or two sentences (1 to 200 characters, not {chars})")]
    DescriptionLength { chars: usize },
    #[error("text is empty")]
    TextEmpty,
    #[error("refers to {} `{name}`, which is not in [{}s]", .kind.keyword(), .kind.keyword())]
    UnknownName { kind: NameKind, name: String },
    #[error("named values and conditions refer to each other in a circle: {}", cycle_en(.chain))]
    Cycle { chain: Vec<(NameKind, String)> },
    #[error("the id `{CHECK_PAGE}` is the address of the check page; give the section another id")]
    SectionIsCheckPage,
    #[error("value must be a number")]
    SummaryNotNumber,
    #[error("a text is empty")]
    SummaryTextEmpty,
    #[error("give either `value` or `texts`")]
    ValueOrTexts,
    #[error("message is empty")]
    MessageEmpty,
    #[error("contains_any needs at least one word")]
    NoWords,
    #[error("id must be lowercase letters, digits and _")]
    BadFieldId,
    #[error("label is empty")]
    LabelEmpty,
    #[error("is both required and recommended; choose one")]
    RequiredAndRecommended,
    #[error("asks for a file name: make it `type = \"attachment\"`, so the file itself is chosen there and goes into the package")]
    AsksForFileName,
    #[error("an attachment's file is chosen, not typed: its label, hint and confirmations must not ask for the file name")]
    AttachmentAsksFileName,
    #[error("a confirmation is empty")]
    ConfirmationEmpty,
    #[error("has no options")]
    NoOptions,
    #[error("option `{value}` appears twice")]
    OptionTwice { value: String },
    #[error("min is larger than max")]
    MinAboveMax,
    #[error("signs_for (gezien/akkoord) is for signer = \"ouders\" only")]
    SignsForNotParents,
    #[error("min_items is larger than max_items")]
    MinItemsAboveMax,
    #[error("a list inside a list is not supported")]
    ListInList,
    #[error("at_least is {at_least}, larger than the number of conditions ({of})")]
    AtLeastTooMany { at_least: usize, of: usize },
    #[error("month_in needs months 1 to 12")]
    MonthsOutOfRange,
    #[error("{function} needs a date field, `{path}` is not one")]
    NotADateField {
        function: &'static str,
        path: String,
    },
    #[error("`{value}` is not a possible answer of `{path}` ({})", .allowed.join(", "))]
    NotAnAnswer {
        value: String,
        path: String,
        allowed: Vec<String>,
    },
    #[error("compares values that are not both numbers or both dates")]
    CompareMismatch,
    #[error("must be a number or a date")]
    NotNumberOrDate,
    #[error("`{date}` is not a date the validator can read ({reason}); write dd-mm-jjjj with a year from 1900 to 2100")]
    UnreadableDate {
        date: String,
        reason: super::date::DateError,
    },
    #[error("{function} takes numbers")]
    TakesNumbers { function: &'static str },
    #[error("{function} takes two dates")]
    TakesTwoDates { function: &'static str },
    #[error("{function} takes a date")]
    TakesDate { function: &'static str },
    #[error("{function} needs at least {at_least} value(s)")]
    TooFewValues {
        function: &'static str,
        at_least: usize,
    },
    #[error("{function} takes values of one type (all numbers or all dates)")]
    MixedTypes { function: &'static str },
    #[error("{function} needs a list field, `{path}` is not one")]
    NotAList {
        function: &'static str,
        path: String,
    },
    #[error("{function} needs a number field inside a list, `{path}` is not one")]
    NotANumberInList {
        function: &'static str,
        path: String,
    },
    #[error("{function} needs a date field inside a list, `{path}` is not one")]
    NotADateInList {
        function: &'static str,
        path: String,
    },
    #[error("school_years_short needs at_least 1 or more")]
    AtLeastZero,
    #[error("school_years_short needs min_months 1 to 12, not {min_months}")]
    MinMonthsOutOfRange { min_months: u32 },
    #[error("count_where over `{list}` reads `{path}`, a field of another list")]
    OtherList { list: String, path: String },
}

/// A cycle as "value `a` -> condition `b` -> value `a`".
fn cycle_en(chain: &[(NameKind, String)]) -> String {
    chain
        .iter()
        .map(|(kind, name)| format!("{} `{name}`", kind.keyword()))
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// The last part of a form's check-page address (`#/<form>/controleer`): a
/// section with this id could never be opened, so no section may have it.
pub const CHECK_PAGE: &str = "controleer";

/// The type a value expression yields, to catch comparisons of apples and pears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueType {
    Number,
    Date,
    Other,
}

/// Checks a parsed form; `folder` is the SWV folder the file sits in.
/// Returns every problem found (empty when the form is sound).
pub fn check_form(form: &Form, folder: &str) -> Vec<DefinitionError> {
    let mut errors = Vec::new();
    let mut push = |e| errors.push(e);

    match form.id.split_once('/') {
        Some((swv, name)) if swv == folder && !name.is_empty() && !name.contains('/') => {}
        _ => push(DefinitionError::BadId {
            id: form.id.clone(),
            folder: folder.to_owned(),
        }),
    }
    if form.version.trim().is_empty() {
        push(invalid("form", Problem::VersionEmpty));
    }
    for (key, s) in &form.sources {
        for (part, text) in [
            ("document", &s.document),
            ("section", &s.section),
            ("quote", &s.quote),
        ] {
            if text.trim().is_empty() {
                push(DefinitionError::EmptySource {
                    key: key.clone(),
                    part,
                });
            }
        }
    }
    for (key, s) in &form.sources {
        let titled = form
            .documents
            .get(&s.document)
            .is_some_and(|t| !t.trim().is_empty());
        if !s.document.trim().is_empty() && !titled {
            push(DefinitionError::UntitledDocument {
                key: key.clone(),
                document: s.document.clone(),
            });
        }
    }
    for document in form.documents.keys() {
        if !form.sources.values().any(|s| &s.document == document) {
            push(DefinitionError::UnusedDocument {
                document: document.clone(),
            });
        }
    }
    let description = form.description.trim();
    if description.is_empty() || description.chars().count() > 200 {
        push(invalid(
            "form",
            Problem::DescriptionLength {
                chars: description.chars().count(),
            },
        ));
    }
    if !check_names(form, &mut push) {
        // A cycle would make the type checks below recurse without end.
        return errors;
    }
    for (name, value) in &form.values {
        let place = format!("value `{name}`");
        for path in value.field_paths() {
            if form.lookup(path).is_none() {
                push(DefinitionError::UnknownField {
                    place: place.clone(),
                    path: path.to_owned(),
                });
            }
        }
        if expr_type(form, value, &place, &mut push) == ValueType::Other {
            push(invalid(&place, Problem::NotNumberOrDate));
        }
    }
    for (name, cond) in &form.conditions {
        check_condition(form, cond, &format!("condition `{name}`"), &mut push);
    }
    let source_ok = |key: &str| form.sources.contains_key(key);
    for (place, sub) in [("submission", &form.submission), ("signing", &form.signing)] {
        let Some(sub) = sub else { continue };
        if sub.text.trim().is_empty() {
            push(invalid(place, Problem::TextEmpty));
        }
        if let Some(key) = sub.source.as_deref().filter(|k| !source_ok(k)) {
            push(DefinitionError::UnknownSource {
                place: place.into(),
                key: key.to_owned(),
            });
        }
    }
    if let Some(key) = &form.source {
        if !source_ok(key) {
            push(DefinitionError::UnknownSource {
                place: "form".into(),
                key: key.clone(),
            });
        }
    }

    let mut section_ids = HashSet::new();
    let mut field_ids = HashSet::new();
    for section in &form.sections {
        let place = format!("section `{}`", section.id);
        if !section_ids.insert(section.id.as_str()) {
            push(DefinitionError::DuplicateId {
                what: "section",
                id: section.id.clone(),
            });
        }
        if section.id == CHECK_PAGE {
            push(invalid(&place, Problem::SectionIsCheckPage));
        }
        if let Some(key) = &section.source {
            if !source_ok(key) {
                push(DefinitionError::UnknownSource {
                    place: place.clone(),
                    key: key.clone(),
                });
            }
        }
        if let Some(cond) = &section.when {
            check_condition(form, cond, &place, &mut push);
        }
        let inherited = section.source_or(form);
        check_fields(
            form,
            &section.fields,
            inherited,
            &mut field_ids,
            "",
            &mut push,
        );
    }

    for (i, note) in form.notes.iter().enumerate() {
        let place = format!("note {}", i + 1);
        if note.text().trim().is_empty() {
            push(invalid(&place, Problem::TextEmpty));
        }
        if let Some(cond) = note.when() {
            check_condition(form, cond, &place, &mut push);
        }
    }

    for item in &form.summary {
        let place = format!("summary line `{}`", item.label);
        match (&item.value, item.texts.is_empty()) {
            (Some(value), true) => {
                for path in value.field_paths() {
                    if form.lookup(path).is_none() {
                        push(DefinitionError::UnknownField {
                            place: place.clone(),
                            path: path.to_owned(),
                        });
                    }
                }
                if expr_type(form, value, &place, &mut push) != ValueType::Number {
                    push(invalid(&place, Problem::SummaryNotNumber));
                }
            }
            (None, false) => {
                for t in &item.texts {
                    if t.text.trim().is_empty() {
                        push(invalid(&place, Problem::SummaryTextEmpty));
                    }
                    if let Some(cond) = &t.when {
                        check_condition(form, cond, &place, &mut push);
                    }
                }
            }
            _ => push(invalid(&place, Problem::ValueOrTexts)),
        }
    }

    let mut rule_ids = HashSet::new();
    for rule in &form.rules {
        let place = format!("rule `{}`", rule.id);
        if !rule_ids.insert(rule.id.as_str()) {
            push(DefinitionError::DuplicateId {
                what: "rule",
                id: rule.id.clone(),
            });
        }
        if !source_ok(&rule.source) {
            push(DefinitionError::UnknownSource {
                place: place.clone(),
                key: rule.source.clone(),
            });
        }
        if rule.message.trim().is_empty() {
            push(invalid(&place, Problem::MessageEmpty));
        }
        if form.lookup(&rule.field).is_none() {
            push(DefinitionError::UnknownField {
                place: place.clone(),
                path: rule.field.clone(),
            });
        }
        if let Some(cond) = &rule.when {
            check_condition(form, cond, &place, &mut push);
        }
        match &rule.check {
            Check::ContainsAny(words) if no_words(words) => push(invalid(&place, Problem::NoWords)),
            Check::ContainsAny(_) => {}
            Check::Compare { left, op: _, right } => {
                check_compare(form, left, right, &place, &mut push)
            }
            Check::Holds(cond) => check_condition(form, cond, &place, &mut push),
        }
    }
    errors
}

/// Named values and conditions: none refers to itself, directly or through
/// others. Returns false on a cycle. A name that is not defined is reported
/// where it is used: every value and condition is checked after this.
fn check_names(form: &Form, push: &mut impl FnMut(DefinitionError)) -> bool {
    let refs_of = |node: &str| -> Option<Vec<String>> {
        match node.split_once(':') {
            Some(("value", n)) => form.values.get(n).map(Expr::names),
            Some(("condition", n)) => form.conditions.get(n).map(Condition::names),
            _ => None,
        }
    };
    let mut nodes: Vec<String> = form.values.keys().map(|n| format!("value:{n}")).collect();
    nodes.extend(form.conditions.keys().map(|n| format!("condition:{n}")));
    // Depth-first search; `on_path` holds the chain being followed.
    fn visit(
        node: &str,
        refs_of: &dyn Fn(&str) -> Option<Vec<String>>,
        on_path: &mut Vec<String>,
        done: &mut HashSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = on_path.iter().position(|n| n == node) {
            let mut cycle = on_path[i..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        on_path.push(node.to_owned());
        for target in refs_of(node).unwrap_or_default() {
            if let Some(cycle) = visit(&target, refs_of, on_path, done) {
                return Some(cycle);
            }
        }
        on_path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = HashSet::new();
    for node in &nodes {
        if let Some(cycle) = visit(node, &refs_of, &mut Vec::new(), &mut done) {
            let chain = cycle
                .iter()
                .filter_map(|n| name_of(n).map(|(kind, name)| (kind, name.to_owned())))
                .collect();
            push(invalid("form", Problem::Cycle { chain }));
            return false;
        }
    }
    true
}

/// The kind and name of a node `value:x` or `condition:x`.
fn name_of(node: &str) -> Option<(NameKind, &str)> {
    match node.split_once(':')? {
        ("value", name) => Some((NameKind::Value, name)),
        ("condition", name) => Some((NameKind::Condition, name)),
        _ => None,
    }
}

/// Whether a text asks the user to type a file's name ("Naam van het
/// bestand", "vul de bestandsnaam in"): only an attachment field may name a
/// file, and there the file itself is chosen.
fn asks_for_file_name(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "bestandsnaam",
        "naam van het bestand",
        "naam van de bijlage",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn invalid(place: &str, problem: Problem) -> DefinitionError {
    DefinitionError::Invalid {
        place: place.to_owned(),
        problem,
    }
}

fn check_fields(
    form: &Form,
    fields: &[Field],
    inherited_source: Option<&str>,
    ids: &mut HashSet<String>,
    prefix: &str,
    push: &mut impl FnMut(DefinitionError),
) {
    for field in fields {
        let full = format!("{prefix}{}", field.id);
        let place = format!("field `{full}`");
        if field.id.is_empty()
            || !field
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            push(invalid(&place, Problem::BadFieldId));
        }
        if !ids.insert(full.clone()) {
            push(DefinitionError::DuplicateId {
                what: "field",
                id: full.clone(),
            });
        }
        if field.label.trim().is_empty() {
            push(invalid(&place, Problem::LabelEmpty));
        }
        let source = field.source_or(inherited_source);
        match source {
            Some(key) if !form.sources.contains_key(key) => push(DefinitionError::UnknownSource {
                place: place.clone(),
                key: key.to_owned(),
            }),
            None if field.required || field.recommended => push(DefinitionError::MissingSource {
                place: place.clone(),
            }),
            _ => {}
        }
        if field.required && field.recommended {
            push(invalid(&place, Problem::RequiredAndRecommended));
        }
        if let Some(cond) = &field.when {
            check_condition(form, cond, &place, push);
        }
        let names_a_file = std::iter::once(field.label.as_str())
            .chain(field.hint.as_deref())
            .any(asks_for_file_name);
        if names_a_file && !matches!(field.kind, FieldKind::Attachment { .. }) {
            push(invalid(&place, Problem::AsksForFileName));
        }
        match &field.kind {
            FieldKind::Choice { options } | FieldKind::MultiChoice { options } => {
                let mut seen = HashSet::new();
                if options.is_empty() {
                    push(invalid(&place, Problem::NoOptions));
                }
                for o in options {
                    if !seen.insert(o.value.as_str()) {
                        push(invalid(
                            &place,
                            Problem::OptionTwice {
                                value: o.value.clone(),
                            },
                        ));
                    }
                }
            }
            FieldKind::Number {
                min: Some(min),
                max: Some(max),
                ..
            } if min > max => push(invalid(&place, Problem::MinAboveMax)),
            // "voor gezien"/"voor akkoord" is what parents sign for (the SWV
            // documents use it only there); elsewhere it is a slip.
            FieldKind::Signature {
                signer,
                signs_for: Some(_),
            } if *signer != super::Signer::Ouders => {
                push(invalid(&place, Problem::SignsForNotParents))
            }
            // The file is chosen at the field, so no text may ask to type its name.
            FieldKind::Attachment { confirmations } => {
                let texts = std::iter::once(field.label.as_str())
                    .chain(field.hint.as_deref())
                    .chain(confirmations.iter().map(String::as_str));
                if texts.clone().any(asks_for_file_name) {
                    push(invalid(&place, Problem::AttachmentAsksFileName));
                }
                if confirmations.iter().any(|c| c.trim().is_empty()) {
                    push(invalid(&place, Problem::ConfirmationEmpty));
                }
            }
            FieldKind::List {
                fields,
                min_items,
                max_items,
                ..
            } => {
                if let (Some(a), Some(b)) = (min_items, max_items) {
                    if a > b {
                        push(invalid(&place, Problem::MinItemsAboveMax));
                    }
                }
                if fields
                    .iter()
                    .any(|f| matches!(f.kind, FieldKind::List { .. }))
                {
                    push(invalid(&place, Problem::ListInList));
                }
                check_fields(form, fields, source, ids, &format!("{full}."), push);
            }
            _ => {}
        }
    }
}

fn check_condition(
    form: &Form,
    cond: &Condition,
    place: &str,
    push: &mut impl FnMut(DefinitionError),
) {
    for path in cond.field_paths() {
        if form.lookup(path).is_none() {
            push(DefinitionError::UnknownField {
                place: place.to_owned(),
                path: path.to_owned(),
            });
        }
    }
    match cond {
        Condition::Equals { field, equals } => {
            check_value_fits(form, field, std::slice::from_ref(equals), place, push)
        }
        Condition::OneOf { field, one_of } => check_value_fits(form, field, one_of, place, push),
        Condition::Compare { left, right, .. } => check_compare(form, left, right, place, push),
        Condition::AtLeast { at_least, of } if *at_least > of.len() => push(invalid(
            place,
            Problem::AtLeastTooMany {
                at_least: *at_least,
                of: of.len(),
            },
        )),
        Condition::All { all: cs }
        | Condition::Any { any: cs }
        | Condition::AtLeast { of: cs, .. } => {
            for c in cs {
                check_condition(form, c, place, push);
            }
        }
        Condition::Not { not } => check_condition(form, not, place, push),
        Condition::MonthIn { field, month_in } => {
            if month_in.is_empty() || month_in.iter().any(|m| !(1..=12).contains(m)) {
                push(invalid(place, Problem::MonthsOutOfRange));
            }
            let is_date = form.lookup(field).is_some_and(|r| r.is_date());
            if !is_date {
                push(invalid(
                    place,
                    Problem::NotADateField {
                        function: "month_in",
                        path: field.clone(),
                    },
                ));
            }
        }
        Condition::ContainsAny { contains_any, .. } if no_words(contains_any) => {
            push(invalid(place, Problem::NoWords))
        }
        Condition::Named { condition } => {
            if !form.conditions.contains_key(condition) {
                push(invalid(
                    place,
                    Problem::UnknownName {
                        kind: NameKind::Condition,
                        name: condition.clone(),
                    },
                ));
            }
        }
        Condition::Filled { .. } | Condition::SameAs { .. } | Condition::ContainsAny { .. } => {}
    }
}

/// A condition's literal must be a value the field can hold.
fn check_value_fits(
    form: &Form,
    path: &str,
    values: &[String],
    place: &str,
    push: &mut impl FnMut(DefinitionError),
) {
    let Some(r) = form.lookup(path) else { return };
    if r.part.is_some() {
        return;
    }
    let Some(options) = r.field.kind.options() else {
        return;
    };
    let allowed: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
    for v in values {
        if !allowed.contains(&v.as_str()) {
            push(invalid(
                place,
                Problem::NotAnAnswer {
                    value: v.clone(),
                    path: path.to_owned(),
                    allowed: allowed.iter().map(|&a| a.to_owned()).collect(),
                },
            ));
        }
    }
}

fn check_compare(
    form: &Form,
    left: &Expr,
    right: &Expr,
    place: &str,
    push: &mut impl FnMut(DefinitionError),
) {
    for path in left.field_paths().into_iter().chain(right.field_paths()) {
        if form.lookup(path).is_none() {
            push(DefinitionError::UnknownField {
                place: place.to_owned(),
                path: path.to_owned(),
            });
        }
    }
    let (l, r) = (
        expr_type(form, left, place, push),
        expr_type(form, right, place, push),
    );
    if l == ValueType::Other || r == ValueType::Other || l != r {
        push(invalid(place, Problem::CompareMismatch));
    }
}

fn expr_type(
    form: &Form,
    e: &Expr,
    place: &str,
    push: &mut impl FnMut(DefinitionError),
) -> ValueType {
    let field_type = |path: &str| match form.lookup(path) {
        Some(r) if r.is_date() => ValueType::Date,
        Some(r) => match (&r.field.kind, r.part) {
            (FieldKind::Number { .. } | FieldKind::Money { .. }, None) => ValueType::Number,
            // A choice whose every value is a whole number ("Groep 1".."8")
            // compares as that number.
            (FieldKind::Choice { options }, None) if numeric_choice(options) => ValueType::Number,
            _ => ValueType::Other,
        },
        None => ValueType::Other,
    };
    match e {
        Expr::Field(p) => field_type(p),
        Expr::Number(_) => ValueType::Number,
        Expr::Date(s) => {
            // The runtime's own parser: a date it cannot read would make the
            // rule silently never apply.
            if let Err(reason) = super::date::parse_date(s) {
                push(invalid(
                    place,
                    Problem::UnreadableDate {
                        date: s.clone(),
                        reason,
                    },
                ));
            }
            ValueType::Date
        }
        Expr::Today => ValueType::Date,
        Expr::Age { birth: a, on: b } | Expr::MonthsBetween { from: a, to: b } => {
            if expr_type(form, a, place, push) != ValueType::Date
                || expr_type(form, b, place, push) != ValueType::Date
            {
                push(invalid(
                    place,
                    Problem::TakesTwoDates {
                        function: keyword(e),
                    },
                ));
            }
            ValueType::Number
        }
        Expr::Count(p) => {
            if !matches!(
                form.lookup(p).map(|r| &r.field.kind),
                Some(FieldKind::List { .. })
            ) {
                push(invalid(
                    place,
                    Problem::NotAList {
                        function: keyword(e),
                        path: p.clone(),
                    },
                ));
            }
            ValueType::Number
        }
        Expr::Sum(p) => {
            match form.lookup(p) {
                Some(r) if r.in_list && field_type(p) == ValueType::Number => {}
                _ => push(invalid(
                    place,
                    Problem::NotANumberInList {
                        function: keyword(e),
                        path: p.clone(),
                    },
                )),
            }
            ValueType::Number
        }
        Expr::Product(es) => {
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(
                        place,
                        Problem::TakesNumbers {
                            function: keyword(e),
                        },
                    ));
                }
            }
            ValueType::Number
        }
        Expr::Plus(es) => {
            if es.is_empty() {
                push(invalid(
                    place,
                    Problem::TooFewValues {
                        function: keyword(e),
                        at_least: 1,
                    },
                ));
            }
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(
                        place,
                        Problem::TakesNumbers {
                            function: keyword(e),
                        },
                    ));
                }
            }
            ValueType::Number
        }
        Expr::Minus(es) => {
            if es.len() < 2 {
                push(invalid(
                    place,
                    Problem::TooFewValues {
                        function: keyword(e),
                        at_least: 2,
                    },
                ));
            }
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(
                        place,
                        Problem::TakesNumbers {
                            function: keyword(e),
                        },
                    ));
                }
            }
            ValueType::Number
        }
        Expr::Value(name) => match form.values.get(name) {
            // The value's own problems are reported once, where it is defined.
            Some(value) => {
                let sink: &mut dyn FnMut(DefinitionError) = &mut |_| {};
                expr_type(form, value, place, &mut &mut *sink)
            }
            None => {
                push(invalid(
                    place,
                    Problem::UnknownName {
                        kind: NameKind::Value,
                        name: name.clone(),
                    },
                ));
                ValueType::Other
            }
        },
        Expr::FirstOf(es) => {
            let types: Vec<ValueType> =
                es.iter().map(|x| expr_type(form, x, place, push)).collect();
            match types.first() {
                None => {
                    push(invalid(
                        place,
                        Problem::TooFewValues {
                            function: keyword(e),
                            at_least: 1,
                        },
                    ));
                    ValueType::Other
                }
                Some(&t) if types.iter().all(|&u| u == t) => t,
                Some(_) => {
                    push(invalid(
                        place,
                        Problem::MixedTypes {
                            function: keyword(e),
                        },
                    ));
                    ValueType::Other
                }
            }
        }
        Expr::DaysBetween { from: a, to: b }
        | Expr::DurationMonths { from: a, to: b }
        | Expr::SchoolYears { from: a, to: b } => {
            if expr_type(form, a, place, push) != ValueType::Date
                || expr_type(form, b, place, push) != ValueType::Date
            {
                push(invalid(
                    place,
                    Problem::TakesTwoDates {
                        function: keyword(e),
                    },
                ));
            }
            ValueType::Number
        }
        Expr::SchoolYearsShort {
            dates,
            at_least,
            from,
            to,
            min_months,
        } => {
            if expr_type(form, from, place, push) != ValueType::Date
                || expr_type(form, to, place, push) != ValueType::Date
            {
                push(invalid(
                    place,
                    Problem::TakesTwoDates {
                        function: keyword(e),
                    },
                ));
            }
            let in_list = form.lookup(dates).is_some_and(|r| r.in_list);
            if !in_list || field_type(dates) != ValueType::Date {
                push(invalid(
                    place,
                    Problem::NotADateInList {
                        function: keyword(e),
                        path: dates.clone(),
                    },
                ));
            }
            if *at_least == 0 {
                push(invalid(place, Problem::AtLeastZero));
            }
            if !(1..=12).contains(min_months) {
                push(invalid(
                    place,
                    Problem::MinMonthsOutOfRange {
                        min_months: *min_months,
                    },
                ));
            }
            ValueType::Number
        }
        Expr::SchoolYearStart(a) | Expr::SchoolYearEnd(a) => {
            if expr_type(form, a, place, push) != ValueType::Date {
                push(invalid(
                    place,
                    Problem::TakesDate {
                        function: keyword(e),
                    },
                ));
            }
            ValueType::Date
        }
        Expr::CountWhere { list, condition } => {
            match form.lookup(list) {
                Some(r) if matches!(r.field.kind, FieldKind::List { .. }) && r.part.is_none() => {
                    for path in condition.field_paths() {
                        if let Some((first, _)) = path.split_once('.') {
                            let other_list =
                                first != list && form.lookup(path).is_some_and(|r| r.in_list);
                            if other_list {
                                push(invalid(
                                    place,
                                    Problem::OtherList {
                                        list: list.clone(),
                                        path: path.to_owned(),
                                    },
                                ));
                            }
                        }
                    }
                }
                _ => push(invalid(
                    place,
                    Problem::NotAList {
                        function: keyword(e),
                        path: list.clone(),
                    },
                )),
            }
            check_condition(form, condition, place, push);
            ValueType::Number
        }
        Expr::Percentage { part, whole } => {
            if expr_type(form, part, place, push) != ValueType::Number
                || expr_type(form, whole, place, push) != ValueType::Number
            {
                push(invalid(
                    place,
                    Problem::TakesNumbers {
                        function: keyword(e),
                    },
                ));
            }
            ValueType::Number
        }
    }
}

/// The form file's keyword for an expression (`{ plus = [...] }` is "plus").
fn keyword(e: &Expr) -> &'static str {
    match e {
        Expr::Field(_) => "field",
        Expr::Number(_) => "number",
        Expr::Date(_) => "date",
        Expr::Today => "today",
        Expr::Age { .. } => "age",
        Expr::MonthsBetween { .. } => "months_between",
        Expr::Count(_) => "count",
        Expr::Sum(_) => "sum",
        Expr::Product(_) => "product",
        Expr::Percentage { .. } => "percentage",
        Expr::Plus(_) => "plus",
        Expr::DaysBetween { .. } => "days_between",
        Expr::DurationMonths { .. } => "duration_months",
        Expr::SchoolYearStart(_) => "school_year_start",
        Expr::SchoolYearEnd(_) => "school_year_end",
        Expr::SchoolYears { .. } => "school_years",
        Expr::SchoolYearsShort { .. } => "school_years_short",
        Expr::CountWhere { .. } => "count_where",
        Expr::Minus(_) => "minus",
        Expr::FirstOf(_) => "first_of",
        Expr::Value(_) => "value",
    }
}

/// Whether a `contains_any` list has no word to look for (blank words are
/// ignored when the answers are read).
fn no_words(words: &[String]) -> bool {
    words.iter().all(|w| w.trim().is_empty())
}

/// Whether every option value of a choice is a whole number, so that rules may
/// compare the answer as a number (the validator reads it as one).
pub(crate) fn numeric_choice(options: &[super::ChoiceOption]) -> bool {
    !options.is_empty()
        && options
            .iter()
            .all(|o| !o.value.is_empty() && o.value.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aanvraagwijzer_test_support::FormToml;

    /// Whether `found` holds an `Invalid` whose problem passes `want`.
    fn has(found: &[DefinitionError], want: impl Fn(&Problem) -> bool) -> bool {
        found
            .iter()
            .any(|e| matches!(e, DefinitionError::Invalid { problem, .. } if want(problem)))
    }

    /// Whether `found` holds `problem` at `place`.
    fn has_at(found: &[DefinitionError], place: &str, problem: Problem) -> bool {
        found.contains(&DefinitionError::Invalid {
            place: place.to_owned(),
            problem,
        })
    }

    fn problems(extra: &str) -> Vec<DefinitionError> {
        let text = FormToml::new("test/vocab")
            .field("start", "date")
            .field("naam", "text")
            .field("uren", "number")
            .list(
                "steun",
                "regel",
                &[("uren", "number", ""), ("datum", "date", "")],
            )
            .list("andere", "regel", &[("x", "number", "")])
            .raw("[[rules]]\nid = \"r\"\nfield = \"start\"\nmessage = \"m\"\nsource = \"s\"")
            .raw(extra)
            .build();
        let form: crate::definition::Form = toml::from_str(&text).expect("test form parses");
        check_form(&form, "test")
    }

    #[test]
    fn minus_first_of_and_named_values_are_checked_at_build_time() {
        assert!(problems(r#"check.compare = { left = { minus = [{ field = "uren" }, { number = "1" }] }, op = ">=", right = { number = "0" } }"#).is_empty());
        assert!(has(
            &problems(
                r#"check.compare = { left = { minus = [{ field = "uren" }] }, op = ">=", right = { number = "0" } }"#
            ),
            |p| p
                == &Problem::TooFewValues {
                    function: "minus",
                    at_least: 2
                }
        ));
        assert!(has(
            &problems(
                r#"check.compare = { left = { minus = [{ field = "uren" }, { field = "start" }] }, op = ">=", right = { number = "0" } }"#
            ),
            |p| p == &Problem::TakesNumbers { function: "minus" }
        ));
        assert!(problems(r#"check.compare = { left = { first_of = [{ field = "start" }, "today"] }, op = "<=", right = "today" }"#).is_empty());
        assert!(has(
            &problems(
                r#"check.compare = { left = { first_of = [{ field = "uren" }, "today"] }, op = "<=", right = "today" }"#
            ),
            |p| p
                == &Problem::MixedTypes {
                    function: "first_of"
                }
        ));
        let named = |values: &str, conditions: &str, check: &str| {
            problems(&format!(
                "check.holds = {check}\n[values]\n{values}\n[conditions]\n{conditions}"
            ))
        };
        assert!(named(
            r#"plus_een = { plus = [{ field = "uren" }, { number = "1" }] }"#,
            r#"veel = { left = { value = "plus_een" }, op = ">", right = { number = "3" } }"#,
            r#"{ condition = "veel" }"#,
        )
        .is_empty());
        assert!(has(&named("", "", r#"{ condition = "nergens" }"#), |p| p
            == &Problem::UnknownName {
                kind: NameKind::Condition,
                name: "nergens".into()
            }));
        // Reported once, where it is used, not again by the cycle search.
        let undefined = named(
            "",
            r#"veel = { left = { value = "nergens" }, op = ">", right = { number = "3" } }"#,
            r#"{ condition = "veel" }"#,
        );
        let unknown_name = DefinitionError::Invalid {
            place: "condition `veel`".into(),
            problem: Problem::UnknownName {
                kind: NameKind::Value,
                name: "nergens".into(),
            },
        };
        assert_eq!(
            undefined.iter().filter(|e| **e == unknown_name).count(),
            1,
            "{undefined:?}"
        );
        assert!(has(
            &named(
                r#"datum = { field = "start" }"#,
                r#"veel = { left = { value = "datum" }, op = ">", right = { number = "3" } }"#,
                r#"{ condition = "veel" }"#,
            ),
            |p| p == &Problem::CompareMismatch
        ));
        assert!(has(
            &named(
                r#"a = { plus = [{ value = "b" }] }
b = { count_where = { list = "steun", where = { condition = "c" } } }"#,
                r#"c = { left = { value = "a" }, op = ">", right = { number = "3" } }"#,
                r#"{ condition = "c" }"#,
            ),
            |p| matches!(p, Problem::Cycle { chain } if chain.len() == 4)
        ));
    }

    #[test]
    fn no_section_takes_the_check_pages_address() {
        let with_section = |id: &str| {
            let text = FormToml::new("test/adres")
                .field("naam", "text")
                .raw(&format!("[[sections]]\nid = \"{id}\"\ntitle = \"Twee\""))
                .field("school", "text")
                .build();
            let form: crate::definition::Form = toml::from_str(&text).expect("test form parses");
            check_form(&form, "test")
        };
        assert!(with_section("leerling").is_empty());
        assert!(has(&with_section(CHECK_PAGE), |p| p
            == &Problem::SectionIsCheckPage));
    }

    #[test]
    fn a_summary_line_is_a_number_or_texts() {
        let summary = |body: &str| {
            problems(&format!("check.holds = {{ field = \"naam\", filled = true }}\n[[summary]]\nlabel = \"Regel\"\n{body}"))
        };
        assert!(summary(r#"texts = [{ when = { field = "naam", filled = true }, text = "Ja." }, { text = "Nee." }]"#).is_empty());
        assert!(summary(
            r#"texts = [{ when = { field = "nergens", filled = true }, text = "Ja." }]"#
        )
        .iter()
        .any(|p| matches!(p, DefinitionError::UnknownField { path, .. } if path == "nergens")));
        assert!(has(&summary(r#"texts = [{ text = " " }]"#), |p| p
            == &Problem::SummaryTextEmpty));
        assert!(has(&summary(""), |p| p == &Problem::ValueOrTexts));
        assert!(has(
            &summary(
                r#"value = { field = "uren" }
texts = [{ text = "Ja." }]"#
            ),
            |p| p == &Problem::ValueOrTexts
        ));
    }

    fn signature_problems(attributes: &str) -> Result<Vec<DefinitionError>, String> {
        let text = FormToml::new("test/sign")
            .field_with("handtekening", "signature", attributes)
            .build();
        let form: crate::definition::Form = toml::from_str(&text).map_err(|e| e.to_string())?;
        Ok(check_form(&form, "test"))
    }

    #[test]
    fn every_signature_names_its_signer_at_build_time() {
        let missing = signature_problems("").expect_err("a signature without signer");
        assert!(missing.contains("signer"), "{missing}");
        assert!(signature_problems(r#"signer = "buurman""#).is_err());
        assert_eq!(
            signature_problems(
                r#"signer = "ouders"
  signs_for = "akkoord""#
            ),
            Ok(vec![])
        );
        let slip = signature_problems(
            r#"signer = "deskundige"
  signs_for = "gezien""#,
        )
        .expect("parses");
        assert!(
            has(&slip, |p| p == &Problem::SignsForNotParents),
            "{slip:?}"
        );
    }

    #[test]
    fn new_vocabulary_is_checked_at_build_time() {
        assert!(problems(r#"check.compare = { left = { plus = [{ field = "uren" }, { number = "1" }] }, op = "<=", right = { number = "3" } }"#).is_empty());
        assert!(has(
            &problems(
                r#"check.compare = { left = { plus = [{ field = "uren" }, { field = "start" }] }, op = "<=", right = { number = "3" } }"#
            ),
            |p| p == &Problem::TakesNumbers { function: "plus" }
        ));
        assert!(problems(r#"check.compare = { left = { field = "start" }, op = "==", right = { school_year_end = { field = "start" } } }"#).is_empty());
        assert!(has(
            &problems(
                r#"check.compare = { left = { field = "start" }, op = "==", right = { school_year_end = { field = "uren" } } }"#
            ),
            |p| p
                == &Problem::TakesDate {
                    function: "school_year_end"
                }
        ));
        assert!(has(
            &problems(
                r#"check.compare = { left = { duration_months = { from = { field = "start" }, to = { field = "naam" } } }, op = "<=", right = { number = "36" } }"#
            ),
            |p| p
                == &Problem::TakesTwoDates {
                    function: "duration_months"
                }
        ));
        assert!(problems(r#"check.compare = { left = { days_between = { from = { field = "start" }, to = "today" } }, op = "<=", right = { school_years = { from = { field = "start" }, to = "today" } } }"#).is_empty());
        let short = |dates: &str, at_least: u32, months: u32| {
            problems(&format!(
                r#"check.compare = {{ left = {{ school_years_short = {{ dates = "{dates}", at_least = {at_least}, from = {{ field = "start" }}, to = "today", min_months = {months} }} }}, op = "==", right = {{ number = "0" }} }}"#
            ))
        };
        assert!(
            short("steun.datum", 2, 6).is_empty(),
            "{:?}",
            short("steun.datum", 2, 6)
        );
        for not_a_date_in_a_list in ["start", "steun.uren"] {
            assert!(has(&short(not_a_date_in_a_list, 2, 6), |p| p
                == &Problem::NotADateInList {
                    function: "school_years_short",
                    path: not_a_date_in_a_list.into()
                }));
        }
        assert!(has(&short("steun.datum", 0, 6), |p| p == &Problem::AtLeastZero));
        assert!(has(&short("steun.datum", 2, 13), |p| p
            == &Problem::MinMonthsOutOfRange { min_months: 13 }));
        assert!(problems(r#"check.holds = { field = "start", month_in = [8, 9, 1] }"#).is_empty());
        assert!(has(
            &problems(r#"check.holds = { field = "start", month_in = [13] }"#),
            |p| p == &Problem::MonthsOutOfRange
        ));
        assert!(has(
            &problems(r#"check.holds = { field = "naam", month_in = [1] }"#),
            |p| p
                == &Problem::NotADateField {
                    function: "month_in",
                    path: "naam".into()
                }
        ));
        assert!(problems(r#"check.compare = { left = { count_where = { list = "steun", where = { field = "steun.uren", filled = true } } }, op = ">=", right = { number = "1" } }"#).is_empty());
        assert!(has(
            &problems(
                r#"check.compare = { left = { count_where = { list = "naam", where = { field = "naam", filled = true } } }, op = ">=", right = { number = "1" } }"#
            ),
            |p| p
                == &Problem::NotAList {
                    function: "count_where",
                    path: "naam".into()
                }
        ));
        assert!(has(
            &problems(
                r#"check.compare = { left = { count_where = { list = "steun", where = { field = "andere.x", filled = true } } }, op = ">=", right = { number = "1" } }"#
            ),
            |p| p
                == &Problem::OtherList {
                    list: "steun".into(),
                    path: "andere.x".into()
                }
        ));
        assert!(problems(r#"check.compare = { left = { count_where = { list = "steun", where = { field = "steun.bestaatniet", filled = true } } }, op = ">=", right = { number = "1" } }"#)
            .iter().any(|p| matches!(p, DefinitionError::UnknownField { path, .. } if path == "steun.bestaatniet")));
    }

    #[test]
    fn a_date_the_runtime_cannot_read_fails_the_build() {
        let rule = |date: &str| {
            problems(&format!(
                r#"check.compare = {{ left = {{ field = "start" }}, op = ">=", right = {{ date = "{date}" }} }}"#
            ))
        };
        assert!(rule("01-08-2026").is_empty());
        // Typed like people do: the runtime reads it, so the build accepts it.
        assert!(rule("1-8-2026").is_empty());
        for bad in ["01-01-3000", "31-02-2027", "2026-08-01", "01-01-1899"] {
            let found = rule(bad);
            assert!(
                has(
                    &found,
                    |p| matches!(p, Problem::UnreadableDate { date, .. } if date == bad)
                ),
                "{bad}: {found:?}"
            );
        }
    }

    fn problems_of(notes: &str, fields: FormToml) -> Vec<DefinitionError> {
        let text = format!("{notes}\n{}", fields.build());
        let form: crate::definition::Form = toml::from_str(&text).expect("test form parses");
        check_form(&form, "test")
    }

    #[test]
    fn a_notes_when_is_checked_like_a_fields() {
        let fields = || {
            FormToml::new("test/notes").field_with(
                "soort",
                "choice",
                r#"options = [{ value = "4", label = "Vier" }]"#,
            )
        };
        let ok = r#"notes = ["Altijd.", { text = "Bij soort 4.", when = { field = "soort", equals = "4" } }]"#;
        assert_eq!(problems_of(ok, fields()), Vec::<DefinitionError>::new());
        let unknown =
            r#"notes = [{ text = "Bij soort 4.", when = { field = "sort", equals = "4" } }]"#;
        assert!(
            problems_of(unknown, fields()).contains(&DefinitionError::UnknownField {
                place: "note 1".into(),
                path: "sort".into()
            })
        );
        let blank = r#"notes = [{ text = " ", when = { field = "soort", equals = "4" } }]"#;
        assert!(has_at(
            &problems_of(blank, fields()),
            "note 1",
            Problem::TextEmpty
        ));
    }

    #[test]
    fn a_file_is_chosen_at_an_attachment_field_never_typed() {
        let typed = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "text",
            r#"hint = "Vul de naam van het bestand in.""#,
        );
        assert!(has_at(
            &problems_of("", typed),
            "field `zienswijze`",
            Problem::AsksForFileName
        ));
        let attachment_asking = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "attachment",
            r#"hint = "Vul de bestandsnaam in.""#,
        );
        assert!(has_at(
            &problems_of("", attachment_asking),
            "field `zienswijze`",
            Problem::AttachmentAsksFileName
        ));
        let fine = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "attachment",
            r#"confirmations = ["De ouders hebben getekend."]"#,
        );
        assert_eq!(problems_of("", fine), Vec::<DefinitionError>::new());
    }
}
