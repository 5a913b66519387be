//! The server judging with an SWV's own forms (`serve --forms DIR`): the
//! verdict follows the given definitions, and a broken file never gets in.

mod common;

use std::path::{Path, PathBuf};

use aanvraagwijzer::published::load_dir;
use aanvraagwijzer_server::{router, Config};
use axum::http::StatusCode;
use common::*;

const FORM: &str = "forms/rsv-breda-vo/tlv-vso.toml";
const OLD: &str = "Deskundige 1 en deskundige 2 zijn dezelfde persoon.";
const NEW: &str = "Deskundige 1 en deskundige 2 zijn een en dezelfde persoon.";

/// A forms folder holding the repository's tlv-vso form with `edit` applied.
fn forms_dir(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aw-server-forms-{name}-{}", std::process::id()));
    let swv = dir.join("rsv-breda-vo");
    std::fs::create_dir_all(&swv).expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(repo.join(FORM)).expect("form file");
    std::fs::write(swv.join("tlv-vso.toml"), edit(text)).expect("write form");
    dir
}

#[tokio::test]
async fn validate_and_the_form_list_follow_the_given_forms() {
    let dir = forms_dir("changed", |t| t.replace(OLD, NEW));
    let forms = load_dir(&dir).expect("the changed form passes check_form");
    let config = Config {
        forms: Some(Box::leak(forms.into_boxed_slice())),
        ..config()
    };
    let app = router(config);
    let doc = std::fs::read_to_string(
        fixtures_dir().join("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json"),
    )
    .expect("fixture");
    let (status, body) = json(
        post_json(
            &app,
            "/api/v1/forms/rsv-breda-vo/tlv-vso/validate",
            doc.clone(),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let text = body.to_string();
    assert!(text.contains(NEW), "{text}");
    assert!(!text.contains(OLD), "{text}");

    // The built-in form still says it the old way.
    let (_, built_in) = json(
        post_json(
            &common::app(),
            "/api/v1/forms/rsv-breda-vo/tlv-vso/validate",
            doc,
        )
        .await,
    )
    .await;
    assert!(built_in.to_string().contains(OLD));

    let (_, list) = json(get(&app, "/api/v1/forms").await).await;
    let listed = list["forms"].as_array().expect("forms");
    assert_eq!(listed.len(), 1, "{list}");
    assert_eq!(listed[0]["id"], "rsv-breda-vo/tlv-vso");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_form_file_is_refused_naming_the_file_in_dutch() {
    let dir = forms_dir("broken", |t| {
        t.replacen(
            "field = \"deskundige_2.naam\"\ncheck",
            "field = \"deskundige_drie\"\ncheck",
            1,
        )
    });
    let errors = load_dir(&dir).expect_err("a rule on a field that does not exist");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].file.ends_with("tlv-vso.toml"), "{:?}", errors[0]);
    let problems = errors[0].problems.join("\n");
    assert!(problems.contains("deskundige_drie"), "{problems}");
    assert!(problems.contains("bestaat niet"), "{problems}");
    let _ = std::fs::remove_dir_all(&dir);
}
