//! A mistake in a form file must fail the build, naming the file and the
//! problem, never surface as a runtime surprise.

use aanvraagwijzer::definition::check::{check_form, DefinitionError};
use aanvraagwijzer::definition::{FieldKind, Form};
use aanvraagwijzer_test_support::FormToml;

fn parse(text: &str) -> Form {
    toml::from_str(text).unwrap_or_else(|e| panic!("{e}"))
}

/// Every problem `check_form` finds in a test form, as the build prints it.
fn problems(form: &Form) -> Vec<String> {
    check_form(form, "test-swv")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The id of the test forms (SWV folder `test-swv`).
const ID: &str = "test-swv/formulier";

#[test]
fn every_embedded_form_passes_its_own_checks() {
    assert!(aanvraagwijzer::forms().len() >= 2);
    for form in aanvraagwijzer::forms() {
        assert_eq!(check_form(form, form.swv()), vec![], "{}", form.id);
    }
}

#[test]
fn unknown_fields_duplicate_ids_and_missing_sources_are_all_reported() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/broken-forms/bad-swv/broken.toml"
    ))
    .expect("broken form fixture");
    let errors = check_form(&parse(&text), "bad-swv");
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.contains(&DefinitionError::DuplicateId {
            what: "field",
            id: "geboortedatum".into()
        }),
        "{shown:#?}"
    );
    assert!(
        errors.contains(&DefinitionError::UnknownField {
            place: "rule `jonger-dan-7`".into(),
            path: "geboortedatun".into()
        }),
        "{shown:#?}"
    );
    assert!(
        errors.contains(&DefinitionError::UnknownSource {
            place: "rule `jonger-dan-7`".into(),
            key: "niet-bestaand".into()
        }),
        "{shown:#?}"
    );
}

#[test]
fn a_cited_document_needs_its_title_and_a_title_needs_a_citation() {
    // People see "Ondersteuningsplan ... 2015-2018", never the seed file name,
    // so a source whose document has no title cannot reach them.
    let untitled = FormToml::new(ID).field("naam", "text").build().replace(
        "d = \"Testdocument\"",
        "\"andere.txt\" = \"Ander document\"",
    );
    let shown = problems(&parse(&untitled));
    assert!(
        shown
            .iter()
            .any(|e| e.contains("cites document `d`, which has no title")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.contains("`andere.txt`, which no source cites")),
        "{shown:#?}"
    );
}

#[test]
fn no_option_label_hides_its_examples_in_brackets() {
    // "Leergebied (bijvoorbeeld rekenen, lezen)" reads as part of the choice;
    // examples go in the option's hint.
    for form in aanvraagwijzer::forms() {
        for field in form.fields().flat_map(|f| match &f.kind {
            FieldKind::List { fields, .. } => fields.iter().collect(),
            _ => vec![f],
        }) {
            for option in field.kind.options().unwrap_or_default() {
                assert!(
                    !option.label.contains("(bijvoorbeeld"),
                    "{}: {}: {}",
                    form.id,
                    field.id,
                    option.label
                );
            }
        }
    }
}

#[test]
fn a_bad_threshold_or_a_wrong_option_value_is_refused() {
    let form = parse(
        &FormToml::new(ID)
            .field_with("uren", "number", "min = \"5\"\nmax = \"3\"")
            .field_with(
                "soort",
                "choice",
                r#"options = [{ value = "licht", label = "Licht" }]"#,
            )
            .field_with(
                "toelichting",
                "long_text",
                r#"required = true
source = "s"
when = { field = "soort", equals = "zwaar" }"#,
            )
            .build(),
    );
    let shown = problems(&form);
    assert!(
        shown
            .iter()
            .any(|e| e.contains("field `uren`: min is larger than max")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.contains("`zwaar` is not a possible answer of `soort`")),
        "{shown:#?}"
    );
}

#[test]
fn comparing_a_date_with_a_number_is_refused() {
    let form = parse(
        &FormToml::new(ID)
            .field("start", "date")
            .raw(
                r#"[[rules]]
id = "r"
field = "start"
check.compare = { left = { field = "start" }, op = "<=", right = { number = "3" } }
message = "Kies een eerdere startdatum."
source = "s""#,
            )
            .build(),
    );
    let shown = problems(&form);
    assert!(
        shown
            .iter()
            .any(|e| e.contains("not both numbers or both dates")),
        "{shown:#?}"
    );
}

#[test]
fn a_typo_in_a_field_key_does_not_pass_silently() {
    let text = FormToml::new(ID)
        .field_with("naam", "text", "max_lenght = 20")
        .build();
    let err = toml::from_str::<Form>(&text).expect_err("typo must be refused");
    assert!(err.to_string().contains("max_lenght"), "{err}");
}

/// The error `forms check` would report for a form file, or `None` if it reads.
fn read_error(text: &str) -> Option<String> {
    toml::from_str::<Form>(text).err().map(|e| e.to_string())
}

#[test]
fn a_key_of_another_field_type_is_refused_by_name() {
    // `min_words` belongs to long_text: on a text field it would do nothing.
    let err = read_error(
        &FormToml::new(ID)
            .field_with("naam", "text", "min_words = 20")
            .build(),
    )
    .expect("a text field with min_words must be refused");
    assert!(
        err.contains("unknown field `min_words`") && err.contains("max_length"),
        "{err}"
    );
    // The same key where it belongs reads, and keeps its value.
    let form = parse(
        &FormToml::new(ID)
            .field_with("beschrijving", "long_text", "min_words = 20")
            .build(),
    );
    assert_eq!(
        form.sections[0].fields[0].kind,
        FieldKind::LongText {
            max_length: None,
            min_words: Some(20)
        }
    );
    let err = read_error(&FormToml::new(ID).field("keuze", "choice").build())
        .expect("a choice without options");
    assert!(err.contains("missing field `options`"), "{err}");
    let err =
        read_error(&FormToml::new(ID).field("keuze", "dropdown").build()).expect("an unknown type");
    assert!(err.contains("dropdown"), "{err}");
}

#[test]
fn a_condition_is_read_by_its_keys_and_two_at_once_are_refused() {
    let with_when = |when: &str| {
        FormToml::new(ID)
            .field("heeft_dossier", "yes_no")
            .field_with("dossier", "text", &format!("when = {when}"))
            .build()
    };
    let form = parse(&with_when(
        r#"{ any = [{ field = "heeft_dossier", equals = "ja" }, { not = { field = "heeft_dossier", filled = true } }] }"#,
    ));
    assert_eq!(
        form.sections[0].fields[1].when,
        Some(aanvraagwijzer::definition::Condition::Any {
            any: vec![
                aanvraagwijzer::definition::Condition::Equals {
                    field: "heeft_dossier".into(),
                    equals: "ja".into()
                },
                aanvraagwijzer::definition::Condition::Not {
                    not: Box::new(aanvraagwijzer::definition::Condition::Filled {
                        field: "heeft_dossier".into(),
                        filled: true
                    })
                }
            ]
        })
    );
    // Before, the first shape that fit won and `filled` was silently ignored.
    let err = read_error(&with_when(
        r#"{ field = "heeft_dossier", equals = "ja", filled = true }"#,
    ))
    .expect("two shapes at once");
    assert!(
        err.contains("`equals` en `filled` kunnen niet samen"),
        "{err}"
    );
    // A misspelt key is named, where it was "did not match any variant" before.
    let err = read_error(&with_when(r#"{ field = "heeft_dossier", equal = "ja" }"#))
        .expect("a misspelt key");
    assert!(err.contains("unknown field `equal`"), "{err}");
    let err = read_error(&with_when(r#"{ equals = "ja" }"#)).expect("no field");
    assert!(err.contains("missing field `field`"), "{err}");
    let err = read_error(&with_when(r#"{ field = "heeft_dossier" }"#)).expect("no test");
    assert!(
        err.contains("een voorwaarde heeft één van deze sleutels nodig"),
        "{err}"
    );
}

#[test]
fn a_note_is_a_text_or_a_text_with_its_condition() {
    // Top-level keys go before the first table.
    let form = |notes: &str| {
        FormToml::new(ID).field("soort", "text").build().replacen(
            "[documents]",
            &format!("notes = {notes}\n[documents]"),
            1,
        )
    };
    let read = parse(&form(
        r#"["Geldt altijd.", { text = "Alleen bij soort 4.", when = { field = "soort", equals = "4" } }]"#,
    ));
    assert_eq!(read.notes[0].text(), "Geldt altijd.");
    assert!(read.notes[0].when().is_none());
    assert_eq!(read.notes[1].text(), "Alleen bij soort 4.");
    assert!(read.notes[1].when().is_some());
    let err =
        read_error(&form(r#"[{ text = "Zonder voorwaarde." }]"#)).expect("a table without when");
    assert!(err.contains("missing field `when`"), "{err}");
}

#[test]
fn a_required_field_without_any_source_is_refused() {
    let form = parse(
        &FormToml::new(ID)
            .field_with("naam", "text", "required = true")
            .build(),
    );
    assert_eq!(
        check_form(&form, "test-swv"),
        vec![DefinitionError::MissingSource {
            place: "field `naam`".into()
        }]
    );
}

/// The real build: point build.rs at a folder with a broken form and check that
/// `cargo check` fails with the file name and the problem. Uses its own target
/// directory so the normal build cache is not invalidated.
#[test]
fn the_build_fails_on_a_broken_form_file_and_names_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = std::process::Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--lib", "-p", "aanvraagwijzer"])
        .current_dir(root)
        .env(
            "AANVRAAGWIJZER_FORMS_DIR",
            format!("{root}/tests/broken-forms"),
        )
        .env(
            "CARGO_TARGET_DIR",
            format!("{root}/target/broken-forms-check"),
        )
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "build unexpectedly succeeded");
    assert!(
        stderr.contains("forms/bad-swv/broken.toml: duplicate field id `geboortedatum`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("refers to field `geboortedatun`, which does not exist"),
        "{stderr}"
    );
}
