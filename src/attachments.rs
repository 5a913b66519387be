//! The files a document names: every attachment answer with a chosen file,
//! in form order, at top level and inside lists.
//!
//! This one list is what the package must hold (`crates/package` refuses to
//! make a package when a listed file is not given, and `verify` compares it
//! with the package's `bijlagen/`), what the PDF lists, and where the site
//! puts a file back after opening a package. Call it on the effective answers
//! ([`crate::applicable_answers`]): an attachment of a question that does not
//! apply is not part of the request.

use serde_json::Value;

use crate::definition::{Field, FieldKind, Form, Part, SIZE_KEY};
use crate::pointer::AnswerPath;
use crate::Document;

/// One attachment answer that names a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentAnswer {
    /// Where the answer is (`opp`, `leerlingen/0/opp`).
    pub path: AnswerPath,
    /// The field's label as people read it ("Leerlingen, leerling 1: OPP van
    /// deze leerling").
    pub label: String,
    /// The file's name as chosen (trimmed).
    pub name: String,
    /// The file's size in bytes, when the answer says it.
    pub size: Option<u64>,
}

/// The attachment answers of `doc` that name a file, in form order.
pub fn attachment_answers(form: &Form, doc: &Document) -> Vec<AttachmentAnswer> {
    let mut out = Vec::new();
    for field in form.fields() {
        let value = doc.answers.get(&field.id);
        collect(form, field, value, AnswerPath::field(&field.id), &mut out);
    }
    out
}

fn collect(
    form: &Form,
    field: &Field,
    value: Option<&Value>,
    path: AnswerPath,
    out: &mut Vec<AttachmentAnswer>,
) {
    let Some(value) = value else {
        return;
    };
    match &field.kind {
        FieldKind::Attachment { .. } => {
            let name = value
                .get(Part::Bestandsnaam.key())
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|n| !n.is_empty());
            if let Some(name) = name {
                out.push(AttachmentAnswer {
                    label: form.pointer_label(&path.pointer()),
                    path,
                    name: name.to_owned(),
                    size: value.get(SIZE_KEY).and_then(Value::as_u64),
                });
            }
        }
        FieldKind::List { fields, .. } => {
            let Some(items) = value.as_array() else {
                return;
            };
            for (i, item) in items.iter().enumerate() {
                for sub in fields {
                    collect(
                        form,
                        sub,
                        item.get(&sub.id),
                        path.child(i).child(&sub.id),
                        out,
                    );
                }
            }
        }
        _ => {}
    }
}

/// A file size as people read it: "512 bytes", "13 kB", "2,4 MB" (kB
/// rounded up, so a small file never shows as "0 kB").
pub fn size_nl(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * KB;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} kB", bytes.div_ceil(KB))
    } else {
        let tenths = (bytes.saturating_mul(10)).div_ceil(MB);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aanvraagwijzer_test_support::FormToml;
    use serde_json::json;

    fn form() -> Form {
        let toml = FormToml::new("test/bijlagen")
            .field("verslag", "attachment")
            .list("plannen", "plan", &[("plan", "attachment", "")])
            .build();
        toml::from_str(&toml).expect("test form")
    }

    fn doc(answers: Value) -> Document {
        Document {
            form: "test/form".into(),
            form_version: "1".into(),
            answers: answers.as_object().cloned().unwrap_or_default(),
        }
    }

    #[test]
    fn lists_chosen_files_at_top_level_and_in_lists_in_form_order() {
        let form = form();
        let list = attachment_answers(
            &form,
            &doc(json!({
                "plannen": [
                    { "plan": { "bestandsnaam": "plan-1.pdf", "grootte": 10 } },
                    { "plan": { "bestandsnaam": "  " } },
                    { "plan": { "bestandsnaam": "plan-3.pdf" } }
                ],
                "verslag": { "bestandsnaam": " verslag.pdf ", "grootte": 2048, "bevestigingen": [true] }
            })),
        );
        let names: Vec<_> = list.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["verslag.pdf", "plan-1.pdf", "plan-3.pdf"]);
        assert_eq!(list[0].size, Some(2048));
        assert_eq!(list[0].path.pointer(), "/answers/verslag");
        assert_eq!(list[2].path.pointer(), "/answers/plannen/2/plan");
        assert_eq!(list[2].label, "Plannen, plan 3: Plan");
        assert_eq!(list[2].size, None);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_nl(512), "512 bytes");
        assert_eq!(size_nl(1025), "2 kB");
        assert_eq!(size_nl(2_500_000), "2,4 MB");
    }

    #[test]
    fn unticked_confirmations_alone_name_no_file() {
        let form = form();
        let list = attachment_answers(
            &form,
            &doc(json!({ "verslag": { "bevestigingen": [false] } })),
        );
        assert!(list.is_empty());
    }
}
