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
