//! The checks every field type brings with it (required, format, bounds).

use serde_json::Value;

use super::messages as msg;
use super::values::{is_empty, Scope};
use super::Out;
use crate::dates::parse_date;
use crate::definition::{Field, FieldKind, Severity, CONFIRMATIONS_KEY, SIZE_KEY};
use crate::finding::code;
use crate::ident::{parse_brin_vestiging, parse_postcode, parse_pupil_number};
use crate::numbers::{format_euro, format_number, parse_decimal_nl};

/// Checks one field at JSON Pointer `ptr` (fields whose `when` is false are
/// skipped); `inherited_source` is its list's, section's or form's source.
pub(crate) fn check_field(
    scope: &Scope,
    field: &Field,
    inherited_source: Option<&str>,
    value: Option<&Value>,
    ptr: &str,
    out: &mut Out,
) {
    if field.when.as_ref().is_some_and(|c| !scope.holds(c)) {
        return;
    }
    let source = field.source_or(inherited_source);
    let empty = value.is_none_or(is_empty);
    if empty {
        if field.required {
            out.push(
                code::REQUIRED,
                ptr,
                Severity::Fout,
                msg::missing(field),
                source,
            );
        } else if field.recommended {
            out.push(
                code::RECOMMENDED,
                ptr,
                Severity::Waarschuwing,
                msg::recommended(field),
                source,
            );
        }
        return;
    }
    let Some(value) = value else { return };
    match &field.kind {
        FieldKind::Person | FieldKind::Signature { .. } | FieldKind::Attachment { .. } => {
            check_composite(scope, field, source, value, ptr, out)
        }
        FieldKind::List {
            fields,
            min_items,
            max_items,
            item_label,
        } => {
            let Some(items) = value.as_array() else {
                return out.push(
                    code::WRONG_TYPE,
                    ptr,
                    Severity::Fout,
                    msg::wrong_type(field),
                    source,
                );
            };
            if let Some(min) = min_items.filter(|m| items.len() < *m) {
                out.push(
                    code::LIST_TOO_SHORT,
                    ptr,
                    Severity::Fout,
                    msg::list_too_short(field, item_label, min),
                    source,
                );
            }
            if let Some(max) = max_items.filter(|m| items.len() > *m) {
                out.push(
                    code::LIST_TOO_LONG,
                    ptr,
                    Severity::Fout,
                    msg::list_too_long(field, item_label, max),
                    source,
                );
            }
            for (i, item) in items.iter().enumerate() {
                let Some(obj) = item.as_object() else {
                    out.push(
                        code::WRONG_TYPE,
                        &format!("{ptr}/{i}"),
                        Severity::Fout,
                        msg::wrong_type(field),
                        source,
                    );
                    continue;
                };
                let inner = scope.in_item(&field.id, obj);
                for sub in fields {
                    check_field(
                        &inner,
                        sub,
                        source,
                        obj.get(&sub.id),
                        &format!("{ptr}/{i}/{}", sub.id),
                        out,
                    );
                }
            }
        }
        FieldKind::MultiChoice { options } => {
            let Some(chosen) = value.as_array() else {
                return out.push(
                    code::WRONG_TYPE,
                    ptr,
                    Severity::Fout,
                    msg::wrong_type(field),
                    source,
                );
            };
            let known = |v: &Value| {
                v.as_str()
                    .is_some_and(|s| options.iter().any(|o| o.value == s))
            };
            if !chosen.iter().all(known) {
                out.push(
                    code::CHOICE_UNKNOWN,
                    ptr,
                    Severity::Fout,
                    msg::choice_unknown(field),
                    source,
                );
            }
        }
        _ => match value.as_str() {
            Some(text) => check_text_value(field, source, text.trim(), ptr, scope, out),
            None => out.push(
                code::WRONG_TYPE,
                ptr,
                Severity::Fout,
                msg::wrong_type(field),
                source,
            ),
        },
    }
}

/// Checks a single typed-in value against its field type.
fn check_text_value(
    field: &Field,
    source: Option<&str>,
    text: &str,
    ptr: &str,
    scope: &Scope,
    out: &mut Out,
) {
    let mut fout =
        |code: &'static str, message: String| out.push(code, ptr, Severity::Fout, message, source);
    match &field.kind {
        FieldKind::Text { max_length } | FieldKind::LongText { max_length, .. } => {
            let len = text.chars().count();
            if let Some(max) = max_length.filter(|m| len > *m) {
                fout(code::TOO_LONG, msg::too_long(field, len, max));
            }
            if let FieldKind::LongText {
                min_words: Some(min),
                ..
            } = &field.kind
            {
                let words = text.split_whitespace().count();
                if words < *min {
                    out.push(
                        code::TOO_FEW_WORDS,
                        ptr,
                        Severity::Waarschuwing,
                        msg::too_few_words(field, words, *min),
                        source,
                    );
                }
            }
        }
        FieldKind::Date { not_in_future } => {
            check_date(source, text, *not_in_future, ptr, scope, out)
        }
        FieldKind::Choice { .. } | FieldKind::YesNo
            if !field
                .kind
                .options()
                .unwrap_or_default()
                .iter()
                .any(|o| o.value == text) =>
        {
            fout(code::CHOICE_UNKNOWN, msg::choice_unknown(field))
        }
        FieldKind::Bsn => {
            if let Err(e) = parse_pupil_number(text) {
                fout(code::BSN_INVALID, msg::bsn(&e));
            }
        }
        FieldKind::Postcode => {
            if let Err(e) = parse_postcode(text) {
                fout(code::POSTCODE_INVALID, msg::postcode(&e));
            }
        }
        FieldKind::Brin => {
            if let Err(e) = parse_brin_vestiging(text) {
                fout(code::BRIN_INVALID, msg::brin(&e));
            }
        }
        FieldKind::Number {
            min, max, integer, ..
        } => match parse_decimal_nl(text, false) {
            None => fout(code::NUMBER_INVALID, msg::number_invalid(field, false)),
            Some(n) => {
                if *integer && !n.fract().is_zero() {
                    fout(code::NUMBER_NOT_WHOLE, msg::number_not_whole(field));
                }
                if let Some(min) = min.filter(|m| n < *m) {
                    fout(
                        code::NUMBER_TOO_SMALL,
                        msg::number_too_small(field, &format_number(min)),
                    );
                }
                if let Some(max) = max.filter(|m| n > *m) {
                    fout(
                        code::NUMBER_TOO_LARGE,
                        msg::number_too_large(field, &format_number(max)),
                    );
                }
            }
        },
        FieldKind::Money { max } => match parse_decimal_nl(text, true) {
            Some(n) if n.scale() <= 2 && !n.is_sign_negative() => {
                if let Some(max) = max.filter(|m| n > *m) {
                    fout(
                        code::NUMBER_TOO_LARGE,
                        msg::number_too_large(field, &format_euro(max)),
                    );
                }
            }
            _ => fout(code::NUMBER_INVALID, msg::number_invalid(field, true)),
        },
        // Composite and list kinds are handled by the caller.
        _ => {}
    }
}

fn check_date(
    source: Option<&str>,
    text: &str,
    not_in_future: bool,
    ptr: &str,
    scope: &Scope,
    out: &mut Out,
) {
    match parse_date(text) {
        Ok(d) if not_in_future && d > scope.today => out.push(
            code::DATE_IN_FUTURE,
            ptr,
            Severity::Fout,
            msg::date_in_future(text),
            source,
        ),
        Ok(_) => {}
        Err(e) => {
            let code = match e {
                crate::dates::DateError::Format => code::DATE_FORMAT,
                crate::dates::DateError::Impossible { .. } => code::DATE_IMPOSSIBLE,
                crate::dates::DateError::Implausible(_) => code::DATE_IMPLAUSIBLE,
            };
            out.push(code, ptr, Severity::Fout, msg::date(text, &e), source)
        }
    }
}

/// Person, signature, attachment: once any part is given, the needed parts
/// must all be there (a name without a function cannot be judged).
fn check_composite(
    scope: &Scope,
    field: &Field,
    source: Option<&str>,
    value: &Value,
    ptr: &str,
    out: &mut Out,
) {
    let Some(obj) = value.as_object() else {
        return out.push(
            code::WRONG_TYPE,
            ptr,
            Severity::Fout,
            msg::wrong_type(field),
            source,
        );
    };
    let needed = field.kind.needed_parts();
    for &part in field.kind.parts() {
        let part_ptr = format!("{ptr}/{part}");
        match obj.get(part.key()) {
            None | Some(Value::Null) => {
                if needed.contains(&part) {
                    out.push(
                        code::PART_MISSING,
                        &part_ptr,
                        Severity::Fout,
                        msg::part_missing(field, part),
                        source,
                    );
                }
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                if needed.contains(&part) {
                    out.push(
                        code::PART_MISSING,
                        &part_ptr,
                        Severity::Fout,
                        msg::part_missing(field, part),
                        source,
                    );
                }
            }
            Some(Value::String(s)) if part.is_date() => {
                check_date(source, s.trim(), true, &part_ptr, scope, out)
            }
            Some(Value::String(_)) => {}
            Some(_) => out.push(
                code::WRONG_TYPE,
                &part_ptr,
                Severity::Fout,
                msg::wrong_type(field),
                source,
            ),
        }
    }
    if let FieldKind::Attachment { confirmations } = &field.kind {
        // The size is written by the site when the file is chosen: a whole
        // number of bytes, or absent (a document made by hand).
        if obj
            .get(SIZE_KEY)
            .is_some_and(|v| !v.is_null() && v.as_u64().is_none())
        {
            out.push(
                code::WRONG_TYPE,
                &format!("{ptr}/{SIZE_KEY}"),
                Severity::Fout,
                msg::wrong_type(field),
                source,
            );
        }
        let ticked = obj.get(CONFIRMATIONS_KEY).and_then(Value::as_array);
        for (i, c) in confirmations.iter().enumerate() {
            let ok = ticked
                .and_then(|t| t.get(i))
                .and_then(Value::as_bool)
                .unwrap_or(false);
            if !ok {
                let p = format!("{ptr}/{CONFIRMATIONS_KEY}/{i}");
                out.push(
                    code::CONFIRMATION_MISSING,
                    &p,
                    Severity::Fout,
                    msg::confirmation_missing(c),
                    source,
                );
            }
        }
    }
}
