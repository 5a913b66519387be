//! The command line as an SWV employee or a script uses it.

use std::process::{Command, Output};

use aanvraagwijzer_test_support::{fixtures_dir, TODAY};

fn fixture(rel: &str) -> String {
    fixtures_dir().join(rel).display().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aanvraagwijzer"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_complete_request_exits_0_and_says_so() {
    let o = run(&[
        "validate",
        "--date",
        TODAY,
        &fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Compleet"), "{}", stdout(&o));
}

#[test]
fn blocking_findings_exit_1_with_message_and_source() {
    let o = run(&[
        "validate",
        "--date",
        TODAY,
        &fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    // Questions are named as the form labels them, not by JSON Pointer.
    assert!(
        out.contains("FOUT   Burgerservicenummer  [bsn-invalid]"),
        "{out}"
    );
    assert!(
        out.contains("FOUT   Deskundige 1 (datum)  [date-in-future]"),
        "{out}"
    );
    assert!(!out.contains("/answers/"), "{out}");
    assert!(out.contains("elfproef"), "{out}");
    // Sources by the document's own title; the seed file name is not for people.
    assert!(
        out.contains("Bron: Ondersteuningsplan RSV Breda VO 2015-2018, Bijlage 6a"),
        "{out}"
    );
    assert!(!out.contains(".txt"), "{out}");
    // The elfproef is the tool's own check: no SWV passage is cited as its reason.
    let bsn = out
        .split("\n\n")
        .find(|block| block.contains("[bsn-invalid]"))
        .expect("bsn finding");
    assert!(!bsn.contains("Bron:"), "{bsn}");
}

#[test]
fn json_output_is_the_shared_verdict() {
    let o = run(&[
        "validate",
        "--json",
        "--date",
        TODAY,
        &fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["form"], "rsv-breda-vo/tlv-vso");
    assert_eq!(v["valid"], false);
    assert_eq!(v["checked_on"], TODAY);
    let findings = v["findings"].as_array().expect("findings array");
    assert!(findings.iter().any(|f| f["code"] == "bsn-invalid"
        && f["path"] == "/answers/bsn"
        && f["severity"] == "fout"));
}

#[test]
fn unreadable_input_exits_2_with_a_dutch_message() {
    let dir = std::env::temp_dir().join(format!("aw-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let broken = dir.join("kapot.json");
    std::fs::write(
        &broken,
        "{\"form\": \"rsv-breda-vo/tlv-vso\", \"answers\": {",
    )
    .expect("write");
    let o = run(&["validate", broken.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kan Aanvraagwijzer niet lezen"));

    let o = run(&[
        "validate",
        dir.join("bestaat-niet.json").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("kan niet worden gelezen"));

    let o = run(&[
        "validate",
        "--form",
        "onbekend/formulier",
        &fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bestaat niet"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn forms_lists_every_embedded_form() {
    let out = stdout(&run(&["forms"]));
    assert!(out.contains("rsv-breda-vo/tlv-vso"));
    assert!(out.contains("rsv-breda-vo/arrangementsverklaring"));
}

fn broken_form(name: &str) -> String {
    format!(
        "{}/../../tests/broken-forms/bad-swv/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn forms_check_names_every_problem_with_line_and_column() {
    let file = broken_form("broken.toml");
    let o = run(&["forms", "check", &file]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{file}:32:10: "))
            && out.contains(&format!("{file}:33:"))
            && out.contains("veld `geboortedatun`, maar dat veld bestaat niet"),
        "{out}"
    );
    assert!(out.contains("bron `niet-bestaand`"), "{out}");
    // The age of a misspelt field: said in Dutch, with what to do, at the rule.
    assert!(
        out.contains(&format!(
            "{file}:31:7: Regel `jonger-dan-7`: `age` rekent met twee datums"
        )) && out.contains("Gebruik datumvelden"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{file}:26:9: De naam `geboortedatum` (veld)"))
            && out.contains("twee keer"),
        "{out}"
    );
}

#[test]
fn forms_check_points_at_a_toml_typo() {
    let file = broken_form("typo.toml");
    let o = run(&["forms", "check", &file]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with(&format!("{file}:4:")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn forms_check_accepts_a_published_form() {
    let file = format!(
        "{}/../../forms/rsv-breda-vo/tlv-vso.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = run(&["forms", "check", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Geen problemen"), "{}", stdout(&o));
}

#[test]
fn forms_check_of_a_missing_file_exits_2() {
    let o = run(&["forms", "check", "geen-bestand.toml"]);
    assert_eq!(o.status.code(), Some(2));
}
