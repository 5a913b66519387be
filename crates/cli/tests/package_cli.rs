//! `aanvraagwijzer verify` and `aanvraagwijzer render` as an SWV employee uses them.

use std::path::PathBuf;
use std::process::{Command, Output};

use aanvraagwijzer::{find_form, Document, Verdict};
use aanvraagwijzer_package::{build, document_bytes, minimised, pdf_tie, sha256_hex, Attachment};
use aanvraagwijzer_pdf::{render_with, Options};
use chrono::{NaiveDate, NaiveDateTime};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_aanvraagwijzer"))
}

fn fixture_path(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Document {
    let text = std::fs::read_to_string(fixture_path(name)).expect("fixture");
    Document::from_json(&text).expect("parses")
}

fn created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(16, 40, 12))
        .expect("time")
}

/// What the site does on "Download pakket voor Tommy".
fn package(doc: &Document) -> Vec<u8> {
    let form = find_form(&doc.form).expect("form");
    // The PDF shows what aanvraag.json will hold: no hidden answers.
    let (shown, _) = minimised(form, doc, created());
    let verdict = Verdict::of(form, &shown, created().date());
    let options = Options {
        tie: Some(pdf_tie(&shown, created()).expect("tie")),
        document_sha256: Some(sha256_hex(&document_bytes(&shown).expect("json"))),
    };
    let pdf = render_with(form, &shown, &verdict, created(), &options);
    let attachments = vec![Attachment {
        name: "verslag onderzoek.pdf".into(),
        bytes: b"%PDF-1.4 verslag".to_vec(),
    }];
    build(form, doc, &attachments, &pdf, created()).expect("builds")
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aanvraagwijzer-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_intact_complete_package_exits_0() {
    let zip = temp(
        "valid.zip",
        &package(&fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json")),
    );
    let o = run(&["verify", zip.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("Het pakket is ongewijzigd en de aanvraag is compleet."));
}

#[test]
fn verify_says_how_many_hidden_answers_were_left_out() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    // Typed before "heeft_beschikking" became "nee".
    doc.answers.insert(
        "beschikking_nummer".into(),
        serde_json::json!("B-2025-0113"),
    );
    doc.answers.insert(
        "beschikking_afloopdatum".into(),
        serde_json::json!("31-07-2027"),
    );
    let zip = temp("hidden.zip", &package(&doc));
    let o = run(&["verify", zip.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "2 antwoorden op vragen die niet van toepassing waren, zijn bij het maken weggelaten."
        ),
        "{out}"
    );
    assert!(out.contains("Het pakket is ongewijzigd en de aanvraag is compleet."));
}

#[test]
fn an_incomplete_package_exits_1_with_the_same_findings_as_validate() {
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let zip = temp("invalid.zip", &package(&doc));
    let o = run(&["verify", "--json", zip.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(report["intact"], true);
    assert_eq!(report["verdict"]["valid"], false);

    let validated = run(&[
        "validate",
        "--json",
        "--date",
        "22-11-2026",
        &fixture_path("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json"),
    ]);
    let verdict: serde_json::Value = serde_json::from_slice(&validated.stdout).expect("json");
    assert_eq!(report["verdict"]["findings"], verdict["findings"]);
}

#[test]
fn a_changed_byte_is_reported_as_tampering_with_exit_1() {
    let mut zip = package(&fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"));
    let at = zip
        .windows(6)
        .position(|w| w == b"Bakker")
        .expect("name in aanvraag.json");
    zip[at] = b'P';
    let path = temp("tampered.zip", &zip);
    let o = run(&["verify", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("Het pakket is gewijzigd"), "{out}");
    assert!(out.contains("GEWIJZIGD aanvraag.json"), "{out}");

    let o = run(&["verify", "--json", path.to_str().expect("utf-8 path")]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(report["intact"], false);
    assert_eq!(report["tampering"][0]["kind"], "file-changed");
}

#[test]
fn unreadable_packages_exit_2_with_a_dutch_message() {
    let cases: [(&str, &[u8], &str); 2] = [
        ("not-a-zip.zip", b"dit is geen zip", "geen ZIP-bestand"),
        ("empty.zip", b"", "geen ZIP-bestand"),
    ];
    for (name, bytes, expected) in cases {
        let path = temp(name, bytes);
        let o = run(&["verify", path.to_str().expect("utf-8 path")]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stderr(&o).contains(expected), "{name}: {}", stderr(&o));
    }
    let o = run(&["verify", "/nonexistent/pakket.zip"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn path_traversal_exits_2() {
    let entries = [aanvraagwijzer_package::Entry {
        name: "../../etc/cron.d/x".into(),
        data: b"x".to_vec(),
    }];
    // The writer does not check names; the reader must.
    let zip = aanvraagwijzer_package::zip::write(&entries, created()).expect("writes");
    let path = temp("traversal.zip", &zip);
    let o = run(&["verify", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("onveilige naam"), "{}", stderr(&o));
}

#[test]
fn render_writes_the_pdf() {
    let dir = std::env::temp_dir().join(format!("aanvraagwijzer-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("samenvatting.pdf");
    let o = run(&[
        "render",
        &fixture_path("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"),
        "-o",
        out.to_str().expect("utf-8 path"),
        "--date",
        "22-11-2026",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = std::fs::read(&out).expect("pdf written");
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let o = run(&[
        "render",
        "/nonexistent.json",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn render_with_the_creation_time_gives_the_pdf_in_the_package_byte_for_byte() {
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let zip = package(&doc);
    let entries =
        aanvraagwijzer_package::zip::read(&zip, &aanvraagwijzer_package::Limits::default())
            .expect("reads");
    let in_package = &entries
        .iter()
        .find(|e| e.name == "samenvatting.pdf")
        .expect("pdf")
        .data;
    let json = &entries
        .iter()
        .find(|e| e.name == "aanvraag.json")
        .expect("json")
        .data;
    let input = temp("aanvraag.json", json);
    let out = input.with_file_name("uit-render.pdf");
    let o = run(&[
        "render",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--created",
        "2026-11-22T16:40:12",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read(&out).expect("pdf") == *in_package,
        "render differs from the package's PDF"
    );

    let o = run(&[
        "render",
        input.to_str().expect("utf-8"),
        "--created",
        "gisteren",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("jjjj-mm-ddTuu:mm:ss"));
}
