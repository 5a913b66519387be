//! `--forms DIR`: an SWV's own form files instead of the built-in ones, each
//! checked as at build time before anything is judged with it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aanvraagwijzer::{find_form, Document};
use aanvraagwijzer_package::{build, Attachment};
use aanvraagwijzer_test_support::{fixture, fixtures_dir, made, TODAY};

const FORM: &str = "forms/rsv-breda-vo/tlv-vso.toml";
const OLD: &str = "Deskundige 1 en deskundige 2 zijn dezelfde persoon.";
const NEW: &str = "Deskundige 1 en deskundige 2 zijn een en dezelfde persoon.";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A forms folder holding the repository's tlv-vso form with `edit` applied.
fn forms_dir(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aw-forms-{name}-{}", std::process::id()));
    let swv = dir.join("rsv-breda-vo");
    std::fs::create_dir_all(&swv).expect("temp dir");
    let text = std::fs::read_to_string(repo().join(FORM)).expect("form file");
    std::fs::write(swv.join("tlv-vso.toml"), edit(text)).expect("write form");
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aanvraagwijzer"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_verdict_follows_the_given_forms() {
    let dir = forms_dir("changed", |t| t.replace(OLD, NEW));
    let doc = fixtures_dir().join("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let doc = doc.to_str().expect("utf-8 path");

    let built_in = run(&["validate", "--date", TODAY, doc]);
    assert_eq!(built_in.status.code(), Some(1));
    assert!(text(&built_in.stdout).contains(OLD));

    let own = run(&[
        "validate",
        "--forms",
        dir.to_str().expect("utf-8 path"),
        "--date",
        TODAY,
        doc,
    ]);
    assert_eq!(own.status.code(), Some(1), "{}", text(&own.stderr));
    let out = text(&own.stdout);
    assert!(out.contains(NEW), "{out}");
    assert!(!out.contains(OLD), "{out}");

    // Only the folder's forms exist now.
    let listed = run(&["forms", "--forms", dir.to_str().expect("utf-8 path")]);
    assert_eq!(listed.status.code(), Some(0));
    let listed = text(&listed.stdout);
    assert!(listed.contains("rsv-breda-vo/tlv-vso"), "{listed}");
    assert!(!listed.contains("berseba/"), "{listed}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_package_made_with_another_definition_is_not_judged_with_it() {
    let doc: Document = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form");
    let (effective, _) = aanvraagwijzer_package::minimised(form, &doc, made());
    let attachments: Vec<_> = aanvraagwijzer::attachment_answers(form, &effective)
        .into_iter()
        .map(|a| Attachment {
            bytes: format!("%PDF-1.4 {}", a.name).into_bytes(),
            name: a.name,
        })
        .collect();
    let bytes = build(form, &doc, &attachments, made())
        .expect("builds")
        .bytes;
    let dir = forms_dir("pin", |t| t.replace(OLD, NEW));
    let zip = dir.join("pakket.zip");
    std::fs::write(&zip, bytes).expect("write package");
    let zip = zip.to_str().expect("utf-8 path");

    let same = run(&["verify", zip]);
    assert_eq!(same.status.code(), Some(0), "{}", text(&same.stdout));

    let other = run(&["verify", "--forms", dir.to_str().expect("utf-8 path"), zip]);
    assert_eq!(other.status.code(), Some(2), "{}", text(&other.stdout));
    let err = text(&other.stderr);
    assert!(
        err.contains("gemaakt met een andere versie van dit formulier"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_form_file_is_named_with_its_problem_in_dutch() {
    let dir = forms_dir("broken", |t| {
        t.replacen(
            "field = \"deskundige_2.naam\"\ncheck",
            "field = \"deskundige_drie\"\ncheck",
            1,
        )
    });
    let doc = fixtures_dir().join("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let o = run(&[
        "validate",
        "--forms",
        dir.to_str().expect("utf-8 path"),
        doc.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("tlv-vso.toml"), "{err}");
    assert!(err.contains("deskundige_drie"), "{err}");
    assert!(err.contains("bestaat niet"), "{err}");
    assert!(err.contains("Verbeter de bestanden"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
