//! What changed between two versions of a form (the published one and one
//! being edited in the form studio): fields, rules, sections and notes, each
//! change with a Dutch sentence for SWV staff. Pure data, so the studio
//! module shows it and the tests check it on the host.

use serde::Serialize;

use crate::definition::{Field, FieldKind, Form, Rule, Severity};

/// What part of the form a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The form's own settings (title, version, description, …).
    Form,
    /// A section (`[[sections]]`).
    Section,
    /// A field, by its dotted path (`doelen.omschrijving` inside a list).
    Field,
    /// A rule (`[[rules]]`).
    Rule,
    /// A note (`notes`).
    Note,
}

/// How it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the edited form.
    Added,
    /// Only in the published form.
    Removed,
    /// In both, but different.
    Changed,
}

/// One difference between the published and the edited form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What part of the form.
    pub subject: Subject,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The id (field path, rule or section id; for notes the note's text).
    pub id: String,
    /// One plain Dutch sentence that says what changed.
    pub description_nl: String,
}

/// Every difference from `published` to `edited`, in the order sections,
/// fields, rules, notes, form settings; within each in the edited form's
/// order, removals after the rest.
pub fn diff(published: &Form, edited: &Form) -> Vec<Change> {
    let mut out = Vec::new();
    sections(published, edited, &mut out);
    fields(published, edited, &mut out);
    rules(published, edited, &mut out);
    notes(published, edited, &mut out);
    settings(published, edited, &mut out);
    out
}

fn push(out: &mut Vec<Change>, subject: Subject, kind: ChangeKind, id: &str, text: String) {
    out.push(Change {
        subject,
        kind,
        id: id.to_owned(),
        description_nl: text,
    });
}

fn sections(old: &Form, new: &Form, out: &mut Vec<Change>) {
    for s in &new.sections {
        match old.sections.iter().find(|o| o.id == s.id) {
            None => push(
                out,
                Subject::Section,
                ChangeKind::Added,
                &s.id,
                format!("Sectie \"{}\" ({}) is nieuw.", s.title, s.id),
            ),
            Some(o) => {
                let mut what = Vec::new();
                if o.title != s.title {
                    what.push(format!(
                        "de titel is nu \"{}\" (was \"{}\")",
                        s.title, o.title
                    ));
                }
                if o.when != s.when {
                    what.push("wanneer de sectie geldt is veranderd".to_owned());
                }
                if o.hint != s.hint {
                    what.push("de uitleg is veranderd".to_owned());
                }
                let ids = |f: &[Field]| f.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
                let (old_ids, new_ids) = (ids(&o.fields), ids(&s.fields));
                let common_old: Vec<_> = old_ids.iter().filter(|i| new_ids.contains(i)).collect();
                let common_new: Vec<_> = new_ids.iter().filter(|i| old_ids.contains(i)).collect();
                if common_old != common_new {
                    what.push("de volgorde van de vragen is veranderd".to_owned());
                }
                if !what.is_empty() {
                    push(
                        out,
                        Subject::Section,
                        ChangeKind::Changed,
                        &s.id,
                        format!("Sectie \"{}\": {}.", s.title, what.join("; ")),
                    );
                }
            }
        }
    }
    for o in &old.sections {
        if !new.sections.iter().any(|s| s.id == o.id) {
            push(
                out,
                Subject::Section,
                ChangeKind::Removed,
                &o.id,
                format!(
                    "Sectie \"{}\" ({}) is weggehaald, met al haar vragen.",
                    o.title, o.id
                ),
            );
        }
    }
}

/// Every field with its dotted path, list items' fields included.
fn all_fields(form: &Form) -> Vec<(String, &Field)> {
    fn walk<'a>(prefix: &str, fields: &'a [Field], out: &mut Vec<(String, &'a Field)>) {
        for f in fields {
            let path = if prefix.is_empty() {
                f.id.clone()
            } else {
                format!("{prefix}.{}", f.id)
            };
            if let FieldKind::List { fields, .. } = &f.kind {
                out.push((path.clone(), f));
                walk(&path, fields, out);
            } else {
                out.push((path, f));
            }
        }
    }
    let mut out = Vec::new();
    for s in &form.sections {
        walk("", &s.fields, &mut out);
    }
    out
}

/// A field type's name in Dutch, as the studio shows it.
fn kind_nl(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Text { .. } => "korte tekst",
        FieldKind::LongText { .. } => "lange tekst",
        FieldKind::Date { .. } => "datum",
        FieldKind::Choice { .. } => "keuze uit een lijst",
        FieldKind::MultiChoice { .. } => "meer keuzes uit een lijst",
        FieldKind::YesNo => "ja of nee",
        FieldKind::Bsn => "BSN",
        FieldKind::Postcode => "postcode",
        FieldKind::Brin => "BRIN-nummer",
        FieldKind::Number { .. } => "getal",
        FieldKind::Money { .. } => "bedrag",
        FieldKind::Person => "persoon",
        FieldKind::Signature { .. } => "handtekening",
        FieldKind::Attachment { .. } => "bijlage",
        FieldKind::List { .. } => "lijst",
    }
}

/// A list's own kind without its fields (those are compared one by one).
fn kind_without_subfields(kind: &FieldKind) -> FieldKind {
    match kind {
        FieldKind::List {
            min_items,
            max_items,
            item_label,
            ..
        } => FieldKind::List {
            fields: Vec::new(),
            min_items: *min_items,
            max_items: *max_items,
            item_label: item_label.clone(),
        },
        other => other.clone(),
    }
}

fn fields(old: &Form, new: &Form, out: &mut Vec<Change>) {
    let (old_fields, new_fields) = (all_fields(old), all_fields(new));
    for (path, f) in &new_fields {
        match old_fields.iter().find(|(p, _)| p == path) {
            None => push(
                out,
                Subject::Field,
                ChangeKind::Added,
                path,
                format!(
                    "Vraag \"{}\" ({path}) is nieuw: {}, {}.",
                    f.label,
                    kind_nl(&f.kind),
                    if f.required {
                        "verplicht"
                    } else {
                        "niet verplicht"
                    }
                ),
            ),
            Some((_, o)) => {
                let mut what = Vec::new();
                if o.label != f.label {
                    what.push(format!(
                        "de vraag is nu \"{}\" (was \"{}\")",
                        f.label, o.label
                    ));
                }
                if o.required != f.required {
                    what.push(
                        if f.required {
                            "is nu verplicht"
                        } else {
                            "is niet meer verplicht"
                        }
                        .to_owned(),
                    );
                }
                if kind_nl(&o.kind) != kind_nl(&f.kind) {
                    what.push(format!(
                        "het soort antwoord is nu {} (was {})",
                        kind_nl(&f.kind),
                        kind_nl(&o.kind)
                    ));
                } else if kind_without_subfields(&o.kind) != kind_without_subfields(&f.kind) {
                    what.push(format!(
                        "de instellingen van het antwoord ({}) zijn veranderd",
                        kind_nl(&f.kind)
                    ));
                }
                if o.when != f.when {
                    what.push("wanneer de vraag geldt is veranderd".to_owned());
                }
                if o.hint != f.hint {
                    what.push("de uitleg is veranderd".to_owned());
                }
                if o.recommended != f.recommended || o.missing_message != f.missing_message {
                    what.push(
                        "wat de school ziet als het antwoord ontbreekt is veranderd".to_owned(),
                    );
                }
                if o.source != f.source {
                    what.push("de bron is veranderd".to_owned());
                }
                if !what.is_empty() {
                    push(
                        out,
                        Subject::Field,
                        ChangeKind::Changed,
                        path,
                        format!("Vraag \"{}\" ({path}): {}.", f.label, what.join("; ")),
                    );
                }
            }
        }
    }
    for (path, o) in &old_fields {
        if !new_fields.iter().any(|(p, _)| p == path) {
            push(
                out,
                Subject::Field,
                ChangeKind::Removed,
                path,
                format!("Vraag \"{}\" ({path}) is weggehaald.", o.label),
            );
        }
    }
}

fn severity_nl(s: Severity) -> &'static str {
    match s {
        Severity::Fout => "fout (blokkeert de aanvraag)",
        Severity::Waarschuwing => "waarschuwing (de school mag doorgaan)",
        Severity::Tip => "tip",
    }
}

fn rules(old: &Form, new: &Form, out: &mut Vec<Change>) {
    for r in &new.rules {
        match old.rules.iter().find(|o| o.id == r.id) {
            None => push(
                out,
                Subject::Rule,
                ChangeKind::Added,
                &r.id,
                format!(
                    "Regel {} is nieuw: {}, bij vraag {}.",
                    r.id,
                    severity_nl(r.severity),
                    r.field
                ),
            ),
            Some(o) => {
                let what = rule_changes(o, r);
                if !what.is_empty() {
                    push(
                        out,
                        Subject::Rule,
                        ChangeKind::Changed,
                        &r.id,
                        format!("Regel {}: {}.", r.id, what.join("; ")),
                    );
                }
            }
        }
    }
    for o in &old.rules {
        if !new.rules.iter().any(|r| r.id == o.id) {
            push(
                out,
                Subject::Rule,
                ChangeKind::Removed,
                &o.id,
                format!(
                    "Regel {} is weggehaald ({}).",
                    o.id,
                    severity_nl(o.severity)
                ),
            );
        }
    }
}

fn rule_changes(o: &Rule, r: &Rule) -> Vec<String> {
    let mut what = Vec::new();
    if o.severity != r.severity {
        what.push(format!(
            "is nu een {} (was een {})",
            severity_nl(r.severity),
            severity_nl(o.severity)
        ));
    }
    if o.message != r.message {
        what.push(format!("de melding is nu \"{}\"", r.message));
    }
    if o.check != r.check {
        what.push("wat de regel controleert is veranderd".to_owned());
    }
    if o.field != r.field {
        what.push(format!("hoort nu bij vraag {} (was {})", r.field, o.field));
    }
    if o.when != r.when {
        what.push("wanneer de regel geldt is veranderd".to_owned());
    }
    if o.source != r.source {
        what.push(format!("de bron is nu {} (was {})", r.source, o.source));
    }
    what
}

fn notes(old: &Form, new: &Form, out: &mut Vec<Change>) {
    for n in &new.notes {
        if !old.notes.iter().any(|o| o.text() == n.text()) {
            push(
                out,
                Subject::Note,
                ChangeKind::Added,
                n.text(),
                format!("Nieuwe toelichting: \"{}\".", n.text()),
            );
        }
    }
    for o in &old.notes {
        if !new.notes.iter().any(|n| n.text() == o.text()) {
            push(
                out,
                Subject::Note,
                ChangeKind::Removed,
                o.text(),
                format!("Toelichting weggehaald: \"{}\".", o.text()),
            );
        }
    }
}

fn settings(old: &Form, new: &Form, out: &mut Vec<Change>) {
    let mut what = Vec::new();
    if old.id != new.id {
        what.push(format!("het id is nu {} (was {})", new.id, old.id));
    }
    if old.version != new.version {
        what.push(format!(
            "de versie is nu {} (was {})",
            new.version, old.version
        ));
    }
    if old.title != new.title {
        what.push(format!("de titel is nu \"{}\"", new.title));
    }
    if old.description != new.description || old.intro != new.intro {
        what.push("de beschrijving is veranderd".to_owned());
    }
    if old.submission != new.submission || old.signing != new.signing {
        what.push("hoe de aanvraag wordt ingediend of ondertekend is veranderd".to_owned());
    }
    if old.sources != new.sources || old.documents != new.documents {
        what.push("de bronnen zijn veranderd".to_owned());
    }
    if old.summary != new.summary || old.values != new.values || old.conditions != new.conditions {
        what.push("de berekeningen of benoemde voorwaarden zijn veranderd".to_owned());
    }
    if !what.is_empty() {
        push(
            out,
            Subject::Form,
            ChangeKind::Changed,
            &new.id,
            format!("Het formulier: {}.", what.join("; ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPP: &str = include_str!("../forms/rsv-breda-po/opp.toml");

    fn parse(text: &str) -> Form {
        toml::from_str(text).expect("form parses")
    }

    #[test]
    fn the_same_form_has_no_changes() {
        assert_eq!(diff(&parse(OPP), &parse(OPP)), vec![]);
    }

    #[test]
    fn a_rule_made_blocking_is_named_with_both_severities() {
        let edited = OPP.replacen(
            "id = \"handelingsdeel-meetbaar\"\nseverity = \"waarschuwing\"",
            "id = \"handelingsdeel-meetbaar\"\nseverity = \"fout\"",
            1,
        );
        assert_ne!(edited, OPP, "the test edits the rule");
        let changes = diff(&parse(OPP), &parse(&edited));
        assert_eq!(changes.len(), 1, "{changes:?}");
        let c = &changes[0];
        assert_eq!((c.subject, c.kind), (Subject::Rule, ChangeKind::Changed));
        assert_eq!(c.id, "handelingsdeel-meetbaar");
        assert!(
            c.description_nl.contains("is nu een fout"),
            "{}",
            c.description_nl
        );
        assert!(
            c.description_nl.contains("was een waarschuwing"),
            "{}",
            c.description_nl
        );
    }

    #[test]
    fn fields_rules_sections_and_notes_added_and_removed() {
        let old = parse(OPP);
        let mut new = old.clone();
        let removed_rule = new.rules.remove(0);
        let removed_section = new.sections.pop().expect("a section");
        new.sections[0].fields[0].label = "Nieuwe vraag".to_owned();
        new.sections[0].fields[0].required = !old.sections[0].fields[0].required;
        new.notes
            .push(crate::definition::Note::Always("Nieuw".to_owned()));
        let changes = diff(&old, &new);
        let find = |s: Subject, k: ChangeKind, id: &str| {
            changes
                .iter()
                .find(|c| c.subject == s && c.kind == k && c.id == id)
                .unwrap_or_else(|| panic!("no {s:?} {k:?} {id} in {changes:?}"))
        };
        find(Subject::Rule, ChangeKind::Removed, &removed_rule.id);
        find(Subject::Section, ChangeKind::Removed, &removed_section.id);
        for f in &removed_section.fields {
            find(Subject::Field, ChangeKind::Removed, &f.id);
        }
        let field = find(
            Subject::Field,
            ChangeKind::Changed,
            &old.sections[0].fields[0].id,
        );
        assert!(field.description_nl.contains("\"Nieuwe vraag\""));
        assert!(field.description_nl.contains("verplicht"));
        find(Subject::Note, ChangeKind::Added, "Nieuw");
        // And back: what was removed is added.
        let back = diff(&new, &old);
        assert!(back
            .iter()
            .any(|c| c.kind == ChangeKind::Added && c.id == removed_rule.id));
    }

    #[test]
    fn a_field_whose_type_changes_names_both_types() {
        let old = parse(OPP);
        let mut new = old.clone();
        let field = new
            .sections
            .iter_mut()
            .flat_map(|s| s.fields.iter_mut())
            .find(|f| matches!(f.kind, FieldKind::Text { .. }))
            .expect("a text field");
        field.kind = FieldKind::LongText {
            max_length: None,
            min_words: None,
        };
        let id = field.id.clone();
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].id, id);
        assert!(changes[0]
            .description_nl
            .contains("is nu lange tekst (was korte tekst)"));
    }
}
