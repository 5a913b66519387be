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
    #[error("{place}: {problem}")]
    Invalid { place: String, problem: String },
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
        push(invalid("form", "version is empty"));
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
            "description must be one or two sentences (1 to 200 characters)",
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
            push(invalid(&place, "must be a number or a date"));
        }
    }
    for (name, cond) in &form.conditions {
        check_condition(form, cond, &format!("condition `{name}`"), &mut push);
    }
    let source_ok = |key: &str| form.sources.contains_key(key);
    for (place, sub) in [("submission", &form.submission), ("signing", &form.signing)] {
        let Some(sub) = sub else { continue };
        if sub.text.trim().is_empty() {
            push(invalid("form", &format!("{place}.text is empty")));
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
            push(invalid(
                &place,
                "the id `controleer` is the address of the check page; give the section another id",
            ));
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
            push(invalid(&place, "text is empty"));
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
                    push(invalid(&place, "value must be a number"));
                }
            }
            (None, false) => {
                for t in &item.texts {
                    if t.text.trim().is_empty() {
                        push(invalid(&place, "a text is empty"));
                    }
                    if let Some(cond) = &t.when {
                        check_condition(form, cond, &place, &mut push);
                    }
                }
            }
            _ => push(invalid(&place, "give either `value` or `texts`")),
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
            push(invalid(&place, "message is empty"));
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
            Check::ContainsAny(words) if no_words(words) => {
                push(invalid(&place, "contains_any needs at least one word"))
            }
            Check::ContainsAny(_) => {}
            Check::Compare { left, op: _, right } => {
                check_compare(form, left, right, &place, &mut push)
            }
            Check::Holds(cond) => check_condition(form, cond, &place, &mut push),
        }
    }
    errors
}

/// Named values and conditions: every name used is defined, and none refers
/// to itself, directly or through others. Returns false on a cycle.
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
    for node in &nodes {
        for target in refs_of(node).unwrap_or_default() {
            if refs_of(&target).is_none() {
                push(invalid(
                    &describe(node),
                    &format!("refers to {}, which is not defined", describe(&target)),
                ));
            }
        }
    }
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
            push(invalid(
                "form",
                &format!(
                    "named values and conditions refer to each other in a circle: {}",
                    cycle.join(" -> ")
                ),
            ));
            return false;
        }
    }
    true
}

/// `value:x` as "value `x`".
fn describe(node: &str) -> String {
    match node.split_once(':') {
        Some((kind, name)) => format!("{kind} `{name}`"),
        None => node.to_owned(),
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

fn invalid(place: &str, problem: &str) -> DefinitionError {
    DefinitionError::Invalid {
        place: place.to_owned(),
        problem: problem.to_owned(),
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
            push(invalid(
                &place,
                "id must be lowercase letters, digits and _",
            ));
        }
        if !ids.insert(full.clone()) {
            push(DefinitionError::DuplicateId {
                what: "field",
                id: full.clone(),
            });
        }
        if field.label.trim().is_empty() {
            push(invalid(&place, "label is empty"));
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
            push(invalid(
                &place,
                "is both required and recommended; choose one",
            ));
        }
        if let Some(cond) = &field.when {
            check_condition(form, cond, &place, push);
        }
        let names_a_file = std::iter::once(field.label.as_str())
            .chain(field.hint.as_deref())
            .any(asks_for_file_name);
        if names_a_file && !matches!(field.kind, FieldKind::Attachment { .. }) {
            push(invalid(
                &place,
                "asks for a file name: make it `type = \"attachment\"`, so the file itself is chosen there and goes into the package",
            ));
        }
        match &field.kind {
            FieldKind::Choice { options } | FieldKind::MultiChoice { options } => {
                let mut seen = HashSet::new();
                if options.is_empty() {
                    push(invalid(&place, "has no options"));
                }
                for o in options {
                    if !seen.insert(o.value.as_str()) {
                        push(invalid(
                            &place,
                            &format!("option `{}` appears twice", o.value),
                        ));
                    }
                }
            }
            FieldKind::Number {
                min: Some(min),
                max: Some(max),
                ..
            } if min > max => push(invalid(&place, "min is larger than max")),
            // "voor gezien"/"voor akkoord" is what parents sign for (the SWV
            // documents use it only there); elsewhere it is a slip.
            FieldKind::Signature {
                signer,
                signs_for: Some(_),
            } if *signer != super::Signer::Ouders => push(invalid(
                &place,
                "signs_for (gezien/akkoord) is for signer = \"ouders\" only",
            )),
            // The file is chosen at the field, so no text may ask to type its name.
            FieldKind::Attachment { confirmations } => {
                let texts = std::iter::once(field.label.as_str())
                    .chain(field.hint.as_deref())
                    .chain(confirmations.iter().map(String::as_str));
                if texts.clone().any(asks_for_file_name) {
                    push(invalid(
                        &place,
                        "an attachment's file is chosen, not typed: its label, hint and confirmations must not ask for the file name",
                    ));
                }
                if confirmations.iter().any(|c| c.trim().is_empty()) {
                    push(invalid(&place, "a confirmation is empty"));
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
                        push(invalid(&place, "min_items is larger than max_items"));
                    }
                }
                if fields
                    .iter()
                    .any(|f| matches!(f.kind, FieldKind::List { .. }))
                {
                    push(invalid(&place, "a list inside a list is not supported"));
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
            "at_least is larger than the number of conditions",
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
                push(invalid(place, "month_in needs months 1 to 12"));
            }
            let is_date = form.lookup(field).is_some_and(|r| r.is_date());
            if !is_date {
                push(invalid(
                    place,
                    &format!("month_in needs a date field, `{field}` is not one"),
                ));
            }
        }
        Condition::ContainsAny { contains_any, .. } if no_words(contains_any) => {
            push(invalid(place, "contains_any needs at least one word"))
        }
        Condition::Named { condition } => {
            if !form.conditions.contains_key(condition) {
                push(invalid(
                    place,
                    &format!("refers to condition `{condition}`, which is not in [conditions]"),
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
                &format!(
                    "`{v}` is not a possible answer of `{path}` ({})",
                    allowed.join(", ")
                ),
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
        push(invalid(
            place,
            "compares values that are not both numbers or both dates",
        ));
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
            if let Err(e) = super::date::parse_date(s) {
                push(invalid(
                    place,
                    &format!("`{s}` is not a date the validator can read ({e}); write dd-mm-jjjj with a year from 1900 to 2100"),
                ));
            }
            ValueType::Date
        }
        Expr::Today => ValueType::Date,
        Expr::Age { birth: a, on: b } | Expr::MonthsBetween { from: a, to: b } => {
            if expr_type(form, a, place, push) != ValueType::Date
                || expr_type(form, b, place, push) != ValueType::Date
            {
                push(invalid(place, "age and months_between take two dates"));
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
                    &format!("count needs a list field, `{p}` is not one"),
                ));
            }
            ValueType::Number
        }
        Expr::Sum(p) => {
            match form.lookup(p) {
                Some(r) if r.in_list && field_type(p) == ValueType::Number => {}
                _ => push(invalid(
                    place,
                    &format!("sum needs a number field inside a list, `{p}` is not one"),
                )),
            }
            ValueType::Number
        }
        Expr::Product(es) => {
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(place, "product takes numbers"));
                }
            }
            ValueType::Number
        }
        Expr::Plus(es) => {
            if es.is_empty() {
                push(invalid(place, "plus needs at least one value"));
            }
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(place, "plus takes numbers"));
                }
            }
            ValueType::Number
        }
        Expr::Minus(es) => {
            if es.len() < 2 {
                push(invalid(place, "minus needs at least two values"));
            }
            for x in es {
                if expr_type(form, x, place, push) != ValueType::Number {
                    push(invalid(place, "minus takes numbers"));
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
                    &format!("refers to value `{name}`, which is not in [values]"),
                ));
                ValueType::Other
            }
        },
        Expr::FirstOf(es) => {
            let types: Vec<ValueType> =
                es.iter().map(|x| expr_type(form, x, place, push)).collect();
            match types.first() {
                None => {
                    push(invalid(place, "first_of needs at least one value"));
                    ValueType::Other
                }
                Some(&t) if types.iter().all(|&u| u == t) => t,
                Some(_) => {
                    push(invalid(
                        place,
                        "first_of takes values of one type (all numbers or all dates)",
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
                    "days_between, duration_months and school_years take two dates",
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
                push(invalid(place, "school_years_short takes two dates"));
            }
            let in_list = form.lookup(dates).is_some_and(|r| r.in_list);
            if !in_list || field_type(dates) != ValueType::Date {
                push(invalid(
                    place,
                    &format!(
                        "school_years_short needs a date field inside a list, `{dates}` is not one"
                    ),
                ));
            }
            if *at_least == 0 {
                push(invalid(
                    place,
                    "school_years_short needs at_least 1 or more",
                ));
            }
            if !(1..=12).contains(min_months) {
                push(invalid(
                    place,
                    "school_years_short needs min_months 1 to 12",
                ));
            }
            ValueType::Number
        }
        Expr::SchoolYearStart(a) | Expr::SchoolYearEnd(a) => {
            if expr_type(form, a, place, push) != ValueType::Date {
                push(invalid(
                    place,
                    "school_year_start and school_year_end take a date",
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
                                    &format!(
                                        "count_where over `{list}` reads `{path}`, a field of another list"
                                    ),
                                ));
                            }
                        }
                    }
                }
                _ => push(invalid(
                    place,
                    &format!("count_where needs a list field, `{list}` is not one"),
                )),
            }
            check_condition(form, condition, place, push);
            ValueType::Number
        }
        Expr::Percentage { part, whole } => {
            if expr_type(form, part, place, push) != ValueType::Number
                || expr_type(form, whole, place, push) != ValueType::Number
            {
                push(invalid(place, "percentage takes numbers"));
            }
            ValueType::Number
        }
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

    fn problems(extra: &str) -> Vec<String> {
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
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn minus_first_of_and_named_values_are_checked_at_build_time() {
        assert!(problems(r#"check.compare = { left = { minus = [{ field = "uren" }, { number = "1" }] }, op = ">=", right = { number = "0" } }"#).is_empty());
        assert!(problems(r#"check.compare = { left = { minus = [{ field = "uren" }] }, op = ">=", right = { number = "0" } }"#)
            .iter().any(|p| p.contains("minus needs at least two values")));
        assert!(problems(r#"check.compare = { left = { minus = [{ field = "uren" }, { field = "start" }] }, op = ">=", right = { number = "0" } }"#)
            .iter().any(|p| p.contains("minus takes numbers")));
        assert!(problems(r#"check.compare = { left = { first_of = [{ field = "start" }, "today"] }, op = "<=", right = "today" }"#).is_empty());
        assert!(problems(r#"check.compare = { left = { first_of = [{ field = "uren" }, "today"] }, op = "<=", right = "today" }"#)
            .iter().any(|p| p.contains("first_of takes values of one type")));
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
        assert!(named("", "", r#"{ condition = "nergens" }"#)
            .iter()
            .any(|p| p.contains("condition `nergens`, which is not in [conditions]")));
        assert!(named(
            "",
            r#"veel = { left = { value = "nergens" }, op = ">", right = { number = "3" } }"#,
            r#"{ condition = "veel" }"#,
        )
        .iter()
        .any(|p| p.contains("refers to value `nergens`, which is not defined")));
        assert!(named(
            r#"datum = { field = "start" }"#,
            r#"veel = { left = { value = "datum" }, op = ">", right = { number = "3" } }"#,
            r#"{ condition = "veel" }"#,
        )
        .iter()
        .any(|p| p.contains("not both numbers or both dates")));
        assert!(named(
            r#"a = { plus = [{ value = "b" }] }
b = { count_where = { list = "steun", where = { condition = "c" } } }"#,
            r#"c = { left = { value = "a" }, op = ">", right = { number = "3" } }"#,
            r#"{ condition = "c" }"#,
        )
        .iter()
        .any(|p| p.contains("in a circle")));
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
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        };
        assert!(with_section("leerling").is_empty());
        assert!(with_section(CHECK_PAGE)
            .iter()
            .any(|p| p.contains("address of the check page")));
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
        .any(|p| p.contains("does not exist")));
        assert!(summary(r#"texts = [{ text = " " }]"#)
            .iter()
            .any(|p| p.contains("a text is empty")));
        assert!(summary("")
            .iter()
            .any(|p| p.contains("either `value` or `texts`")));
        assert!(summary(
            r#"value = { field = "uren" }
texts = [{ text = "Ja." }]"#
        )
        .iter()
        .any(|p| p.contains("either `value` or `texts`")));
    }

    fn signature_problems(attributes: &str) -> Result<Vec<String>, String> {
        let text = FormToml::new("test/sign")
            .field_with("handtekening", "signature", attributes)
            .build();
        let form: crate::definition::Form = toml::from_str(&text).map_err(|e| e.to_string())?;
        Ok(check_form(&form, "test")
            .iter()
            .map(|e| e.to_string())
            .collect())
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
        assert!(slip.iter().any(|p| p.contains("signs_for")), "{slip:?}");
    }

    #[test]
    fn new_vocabulary_is_checked_at_build_time() {
        assert!(problems(r#"check.compare = { left = { plus = [{ field = "uren" }, { number = "1" }] }, op = "<=", right = { number = "3" } }"#).is_empty());
        assert!(problems(r#"check.compare = { left = { plus = [{ field = "uren" }, { field = "start" }] }, op = "<=", right = { number = "3" } }"#)
            .iter().any(|p| p.contains("plus takes numbers")));
        assert!(problems(r#"check.compare = { left = { field = "start" }, op = "==", right = { school_year_end = { field = "start" } } }"#).is_empty());
        assert!(problems(r#"check.compare = { left = { field = "start" }, op = "==", right = { school_year_end = { field = "uren" } } }"#)
            .iter().any(|p| p.contains("take a date")));
        assert!(problems(r#"check.compare = { left = { duration_months = { from = { field = "start" }, to = { field = "naam" } } }, op = "<=", right = { number = "36" } }"#)
            .iter().any(|p| p.contains("take two dates")));
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
        assert!(short("start", 2, 6)
            .iter()
            .any(|p| p.contains("date field inside a list")));
        assert!(short("steun.uren", 2, 6)
            .iter()
            .any(|p| p.contains("date field inside a list")));
        assert!(short("steun.datum", 0, 6)
            .iter()
            .any(|p| p.contains("at_least 1")));
        assert!(short("steun.datum", 2, 13)
            .iter()
            .any(|p| p.contains("min_months 1 to 12")));
        assert!(problems(r#"check.holds = { field = "start", month_in = [8, 9, 1] }"#).is_empty());
        assert!(
            problems(r#"check.holds = { field = "start", month_in = [13] }"#)
                .iter()
                .any(|p| p.contains("months 1 to 12"))
        );
        assert!(
            problems(r#"check.holds = { field = "naam", month_in = [1] }"#)
                .iter()
                .any(|p| p.contains("needs a date field"))
        );
        assert!(problems(r#"check.compare = { left = { count_where = { list = "steun", where = { field = "steun.uren", filled = true } } }, op = ">=", right = { number = "1" } }"#).is_empty());
        assert!(problems(r#"check.compare = { left = { count_where = { list = "naam", where = { field = "naam", filled = true } } }, op = ">=", right = { number = "1" } }"#)
            .iter().any(|p| p.contains("needs a list field")));
        assert!(problems(r#"check.compare = { left = { count_where = { list = "steun", where = { field = "andere.x", filled = true } } }, op = ">=", right = { number = "1" } }"#)
            .iter().any(|p| p.contains("another list")));
        assert!(problems(r#"check.compare = { left = { count_where = { list = "steun", where = { field = "steun.bestaatniet", filled = true } } }, op = ">=", right = { number = "1" } }"#)
            .iter().any(|p| p.contains("does not exist")));
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
                found.iter().any(|p| p
                    .contains(&format!("`{bad}` is not a date the validator can read"))
                    && p.contains("1900 to 2100")),
                "{bad}: {found:?}"
            );
        }
    }

    fn problems_of(notes: &str, fields: FormToml) -> Vec<String> {
        let text = format!("{notes}\n{}", fields.build());
        let form: crate::definition::Form = toml::from_str(&text).expect("test form parses");
        check_form(&form, "test")
            .iter()
            .map(|e| e.to_string())
            .collect()
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
        assert_eq!(problems_of(ok, fields()), Vec::<String>::new());
        let unknown =
            r#"notes = [{ text = "Bij soort 4.", when = { field = "sort", equals = "4" } }]"#;
        assert!(problems_of(unknown, fields())
            .iter()
            .any(|p| p.contains("note 1 refers to field `sort`")));
        let blank = r#"notes = [{ text = " ", when = { field = "soort", equals = "4" } }]"#;
        assert!(problems_of(blank, fields())
            .iter()
            .any(|p| p.contains("note 1: text is empty")));
    }

    #[test]
    fn a_file_is_chosen_at_an_attachment_field_never_typed() {
        let typed = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "text",
            r#"hint = "Vul de naam van het bestand in.""#,
        );
        assert!(problems_of("", typed)
            .iter()
            .any(|p| p.contains("field `zienswijze`: asks for a file name")));
        let attachment_asking = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "attachment",
            r#"hint = "Vul de bestandsnaam in.""#,
        );
        assert!(problems_of("", attachment_asking)
            .iter()
            .any(|p| p.contains("field `zienswijze`: an attachment's file is chosen, not typed")));
        let fine = FormToml::new("test/bijlage").field_with(
            "zienswijze",
            "attachment",
            r#"confirmations = ["De ouders hebben getekend."]"#,
        );
        assert_eq!(problems_of("", fine), Vec::<String>::new());
    }
}
