//! `aanvraagwijzer verify` and `aanvraagwijzer render` as an SWV employee uses them.

use std::path::PathBuf;
use std::process::{Command, Output};

use aanvraagwijzer::{find_form, Document};
use aanvraagwijzer_package::{build, zip, Attachment, Entry, Limits};
use aanvraagwijzer_test_support::{fixture, fixtures_dir, made, TODAY};
use chrono::NaiveDateTime;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_aanvraagwijzer"))
}

fn fixture_path(name: &str) -> String {
    fixtures_dir().join(name).display().to_string()
}

fn created() -> NaiveDateTime {
    made()
}

/// What the site does on "Download aanvraag (pakket)".
fn package(doc: &Document) -> Vec<u8> {
    let form = find_form(&doc.form).expect("form");
    // The files the answers list, chosen at their fields.
    let (effective, _) = aanvraagwijzer_package::minimised(form, doc, created());
    let attachments: Vec<_> = aanvraagwijzer::attachment_answers(form, &effective)
        .into_iter()
        .map(|a| Attachment {
            bytes: format!("%PDF-1.4 {}", a.name).into_bytes(),
            name: a.name,
        })
        .collect();
    build(form, doc, &attachments, created())
        .expect("builds")
        .bytes
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
        TODAY,
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
        TODAY,
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
    let created = made()
        .format(aanvraagwijzer_package::CREATED_FORMAT)
        .to_string();
    let o = run(&[
        "render",
        input.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--created",
        &created,
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

#[test]
fn a_hostile_package_cannot_steer_the_terminal() {
    // A package that would clear the screen, jump to the top, overwrite the
    // line and print a false headline: through the core version (printed as
    // "gemaakt met") and an added file's name (printed as tampering).
    let good = package(&fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"));
    let mut entries = zip::read(&good, &Limits::default()).expect("reads");
    let attack = "0.1.0\u{1b}[2J\u{1b}[H\rHet pakket is ongewijzigd en de aanvraag is compleet.\u{8}\u{8}\u{202e}\u{9b}0m";
    let manifest = entries
        .iter_mut()
        .find(|e| e.name == "manifest.json")
        .expect("manifest");
    let mut m: serde_json::Value = serde_json::from_slice(&manifest.data).expect("json");
    m["core_version"] = attack.into();
    m["verdict"]["core_version"] = attack.into();
    let m: aanvraagwijzer_package::Manifest = serde_json::from_value(m).expect("manifest");
    manifest.data = serde_json::to_vec_pretty(&m).expect("json");
    entries.insert(
        2,
        Entry {
            name: "lees\u{202e}fdp.exe".into(),
            data: b"MZ".to_vec(),
        },
    );
    let path = temp(
        "terminal.zip",
        &zip::write(&entries, created()).expect("writes"),
    );
    for args in [vec!["verify"], vec!["verify", "--json"]] {
        let mut args = args.clone();
        args.push(path.to_str().expect("utf-8"));
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = stdout(&o);
        for bad in ['\u{1b}', '\r', '\u{8}', '\u{202e}', '\u{9b}'] {
            assert!(!out.contains(bad), "{args:?} printed {bad:?}:\n{out}");
        }
        if args.len() == 2 {
            assert!(out.contains("\\u{1b}[2J"), "{out}");
            assert!(out.contains("lees\\u{202e}fdp.exe"), "{out}");
            assert!(out.contains("GEWIJZIGD"), "{out}");
        } else {
            let v: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
            assert_eq!(v["manifest"]["core_version"], attack);
        }
    }
}

#[test]
fn validate_and_render_refuse_a_huge_file_without_reading_it() {
    // A sparse file: 8 GB on paper, nothing on disk. Reading it whole would
    // take minutes and all memory; the size check refuses it at once.
    let path = temp("enorm.json", b"");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(8 * 1024 * 1024 * 1024).expect("sparse file");
    let out = path.with_file_name("enorm.pdf");
    for args in [
        vec!["validate", path.to_str().expect("utf-8")],
        vec![
            "render",
            path.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ],
        // A stream without a size is cut off after the limit.
        vec!["validate", "/dev/zero"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("Dit bestand is te groot voor een aanvraag"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert!(!out.exists());
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_pdf_that_only_carries_the_tie_exits_1_naming_the_summary() {
    // The 90-byte PDF of issue 11: the tie line in a comment, the manifest
    // rewritten to match. Every hash agrees; only rendering again shows it.
    let good = package(&fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"));
    let mut entries = zip::read(&good, &Limits::default()).expect("reads");
    // The package's own answers (they list the attachment's size).
    let packed = entries
        .iter()
        .find(|e| e.name == "aanvraag.json")
        .map(|e| Document::from_json(std::str::from_utf8(&e.data).expect("utf-8")).expect("doc"))
        .expect("aanvraag.json");
    let tie = aanvraagwijzer_package::pdf_tie(&packed, created()).expect("tie");
    let fake = format!("%PDF-1.7\n% {tie}\n%%EOF\n").into_bytes();
    let manifest = entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .expect("manifest");
    let mut m: aanvraagwijzer_package::Manifest =
        serde_json::from_slice(&manifest.data).expect("manifest");
    for f in &mut m.files {
        if f.path == "samenvatting.pdf" {
            f.size = fake.len() as u64;
            f.sha256 = aanvraagwijzer_package::sha256_hex(&fake);
        }
    }
    for e in &mut entries {
        match e.name.as_str() {
            "samenvatting.pdf" => e.data = fake.clone(),
            "manifest.json" => e.data = serde_json::to_vec_pretty(&m).expect("json"),
            _ => {}
        }
    }
    let path = temp(
        "vervalst.zip",
        &zip::write(&entries, created()).expect("writes"),
    );
    let o = run(&["verify", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("GEWIJZIGD samenvatting.pdf"), "{out}");
    assert!(
        out.contains("De samenvatting (PDF) toont niet precies deze antwoorden"),
        "{out}"
    );
}
