//! Packages as users and SWVs meet them: built, verified, tampered with, hostile.

use aanvraagwijzer::{find_form, Document};
use aanvraagwijzer_package::{
    build, minimised, open, pdf_tie, verify, zip, Attachment, Entry, Limits, PackageError,
    TamperKind,
};
use chrono::{NaiveDate, NaiveDateTime};

fn fixture(name: &str) -> Document {
    let path = format!(
        "{}/../../tests/fixtures/rsv-breda-vo/tlv-vso/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    Document::from_json(&text).expect("fixture parses")
}

fn created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(16, 40, 12))
        .expect("test time")
}

/// A stand-in PDF carrying the tie; the real renderer is tested in crates/pdf.
fn fake_pdf(doc: &Document) -> Vec<u8> {
    let tie = pdf_tie(doc, created()).expect("tie");
    format!("%PDF-1.7\n% test\n1 0 obj << /Keywords ({tie}) >> endobj\n%%EOF\n").into_bytes()
}

fn package(doc_name: &str) -> Vec<u8> {
    let doc = fixture(doc_name);
    let form = find_form(&doc.form).expect("form");
    let attachments = vec![Attachment {
        name: "C:\\Users\\ib\\Groeidocument Daan.pdf".into(),
        bytes: b"%PDF groeidocument".to_vec(),
    }];
    build(form, &doc, &attachments, &fake_pdf(&doc), created()).expect("builds")
}

#[test]
fn a_fresh_package_verifies_with_the_same_verdict() {
    let zip = package("valid-daan-bakker.json");
    let report = verify(&zip, &Limits::default()).expect("readable");
    assert!(report.intact, "{:?}", report.tampering);
    assert!(report.verdict.valid);
    assert!(report.ok());
    assert_eq!(report.verdict.checked_on, "22-11-2026");
    assert_eq!(report.verdict.findings, report.manifest.verdict.findings);
    let names: Vec<_> = report
        .manifest
        .files
        .iter()
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "aanvraag.json",
            "samenvatting.pdf",
            "bijlagen/Groeidocument Daan.pdf"
        ]
    );
}

#[test]
fn an_invalid_request_verifies_intact_but_not_ok() {
    let zip = package("invalid-typos-and-gaps.json");
    let report = verify(&zip, &Limits::default()).expect("readable");
    assert!(report.intact);
    assert!(!report.verdict.valid);
    assert!(!report.ok());
    assert!(report.verdict.counts.fout > 0);
}

#[test]
fn opening_restores_answers_and_attachments() {
    let doc = fixture("valid-daan-bakker.json");
    let opened = open(&package("valid-daan-bakker.json"), &Limits::default()).expect("opens");
    assert_eq!(opened.document, doc);
    assert_eq!(opened.attachments.len(), 1);
    assert_eq!(opened.attachments[0].name, "Groeidocument Daan.pdf");
    assert_eq!(opened.attachments[0].bytes, b"%PDF groeidocument");
}

#[test]
fn changing_any_single_byte_shows() {
    let zip = package("valid-daan-bakker.json");
    let limits = Limits::default();
    for i in 0..zip.len() {
        let mut bad = zip.clone();
        bad[i] ^= 0x01;
        match verify(&bad, &limits) {
            Err(_) => {}
            Ok(report) => assert!(
                !report.intact,
                "changing byte {i} of {} went unnoticed",
                zip.len()
            ),
        }
    }
}

fn replace_entry(zip_bytes: &[u8], name: &str, data: Vec<u8>) -> Vec<u8> {
    let mut entries = zip::read(zip_bytes, &Limits::default()).expect("reads");
    for e in &mut entries {
        if e.name == name {
            e.data = data.clone();
        }
    }
    zip::write(&entries, created()).expect("writes")
}

#[test]
fn a_changed_answer_is_reported_as_tampering_with_the_file_named() {
    let zip = package("valid-daan-bakker.json");
    let entries = zip::read(&zip, &Limits::default()).expect("reads");
    let json = String::from_utf8(entries[0].data.clone()).expect("utf8");
    let changed = json.replace("Bakker", "Backer");
    let report = verify(
        &replace_entry(&zip, "aanvraag.json", changed.into_bytes()),
        &Limits::default(),
    )
    .expect("readable");
    assert!(!report.intact);
    let kinds: Vec<_> = report.tampering.iter().map(|t| t.kind).collect();
    assert!(kinds.contains(&TamperKind::FileChanged), "{kinds:?}");
    assert!(kinds.contains(&TamperKind::PdfMismatch), "{kinds:?}");
    assert!(report.tampering[0].message.contains("aanvraag.json"));
}

#[test]
fn an_added_file_is_reported() {
    let zip = package("valid-daan-bakker.json");
    let mut entries = zip::read(&zip, &Limits::default()).expect("reads");
    entries.insert(
        2,
        Entry {
            name: "bijlagen/extra.pdf".into(),
            data: b"later".to_vec(),
        },
    );
    let report = verify(
        &zip::write(&entries, created()).expect("writes"),
        &Limits::default(),
    )
    .expect("readable");
    assert_eq!(report.tampering[0].kind, TamperKind::FileUnlisted);
    assert_eq!(
        report.tampering[0].path.as_deref(),
        Some("bijlagen/extra.pdf")
    );
}

// --- Hostile packages: each gets its own error, no panic, bounded memory.

fn err(bytes: &[u8]) -> PackageError {
    match verify(bytes, &Limits::default()) {
        Err(e) => {
            assert!(!e.message_nl().is_empty());
            e
        }
        Ok(r) => panic!("hostile input accepted: {r:?}"),
    }
}

#[test]
fn not_a_zip() {
    assert_eq!(
        err(b"%PDF-1.7 this is a pdf, not a zip"),
        PackageError::NotZip
    );
    assert_eq!(err(b""), PackageError::NotZip);
    assert!(err(b"hello").message_nl().contains("geen ZIP-bestand"));
}

/// A hand-made central directory entry + local header, for hostile layouts.
fn raw_zip(entries: &[(&str, u16, u32, u32, &[u8])], overlap: bool) -> Vec<u8> {
    // (name, method, compressed size, uncompressed size, data)
    let mut out = Vec::new();
    let mut cd = Vec::new();
    let mut offsets = Vec::new();
    for (name, method, csize, usize_, data) in entries {
        let offset = if overlap && !offsets.is_empty() {
            0
        } else {
            out.len() as u32
        };
        offsets.push(offset);
        if !(overlap && offset == 0 && !out.is_empty()) {
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            out.extend_from_slice(&[20, 0, 0, 0]);
            out.extend_from_slice(&method.to_le_bytes());
            out.extend_from_slice(&[0; 8]);
            out.extend_from_slice(&csize.to_le_bytes());
            out.extend_from_slice(&usize_.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
        }
        cd.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        cd.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        cd.extend_from_slice(&method.to_le_bytes());
        cd.extend_from_slice(&[0; 8]);
        cd.extend_from_slice(&csize.to_le_bytes());
        cd.extend_from_slice(&usize_.to_le_bytes());
        cd.extend_from_slice(&(name.len() as u16).to_le_bytes());
        cd.extend_from_slice(&[0; 12]);
        cd.extend_from_slice(&offset.to_le_bytes());
        cd.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&cd);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(cd.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[test]
fn zip_bomb_declaring_a_huge_entry_is_refused_before_unpacking() {
    // 1 KB of deflate data claiming to unpack to 4 GB.
    let bomb = raw_zip(
        &[("aanvraag.json", 8, 1024, u32::MAX - 1, &[0u8; 1024])],
        false,
    );
    let e = err(&bomb);
    assert!(matches!(e, PackageError::EntryTooLarge { .. }), "{e:?}");
    assert!(e.message_nl().contains("ZIP-bom"));
}

#[test]
fn zip_bomb_with_overlapping_entries_is_refused() {
    let data = [b'x'; 64];
    let bomb = raw_zip(
        &[
            ("a.txt", 0, 64, 64, &data),
            ("b.txt", 0, 64, 64, &data),
            ("c.txt", 0, 64, 64, &data),
        ],
        true,
    );
    let e = err(&bomb);
    assert!(matches!(e, PackageError::Overlapping { .. }), "{e:?}");
    assert!(e.message_nl().contains("ZIP-bom"));
}

#[test]
fn compressed_entries_are_refused_with_a_clear_message() {
    let z = raw_zip(&[("aanvraag.json", 8, 4, 10, b"abcd")], false);
    let e = err(&z);
    assert!(matches!(e, PackageError::Compressed { .. }), "{e:?}");
}

#[test]
fn too_many_entries() {
    let names: Vec<String> = (0..150).map(|i| format!("f{i}.txt")).collect();
    let entries: Vec<(&str, u16, u32, u32, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), 0, 0, 0, &[][..]))
        .collect();
    let e = err(&raw_zip(&entries, false));
    assert!(
        matches!(e, PackageError::TooManyEntries { count: 150, .. }),
        "{e:?}"
    );
}

#[test]
fn path_traversal_names_are_refused() {
    for name in [
        "../../etc/passwd",
        "/etc/passwd",
        "bijlagen\\..\\x.exe",
        "bijlagen/../../x",
    ] {
        let z = raw_zip(&[(name, 0, 2, 2, b"hi")], false);
        let e = err(&z);
        assert_eq!(
            e,
            PackageError::UnsafeName {
                name: name.to_owned()
            }
        );
        assert!(e.message_nl().contains("onveilige naam"));
    }
}

#[test]
fn duplicate_names_are_refused() {
    let z = raw_zip(
        &[
            ("aanvraag.json", 0, 2, 2, b"{}"),
            ("aanvraag.json", 0, 2, 2, b"{}"),
        ],
        false,
    );
    assert!(matches!(err(&z), PackageError::DuplicateName { .. }));
}

fn with_files(doc_json: &[u8], manifest: &[u8]) -> Vec<u8> {
    zip::write(
        &[
            Entry {
                name: "aanvraag.json".into(),
                data: doc_json.to_vec(),
            },
            Entry {
                name: "manifest.json".into(),
                data: manifest.to_vec(),
            },
        ],
        created(),
    )
    .expect("writes")
}

fn manifest_of(zip_bytes: &[u8]) -> serde_json::Value {
    let entries = zip::read(zip_bytes, &Limits::default()).expect("reads");
    let m = entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .expect("manifest");
    serde_json::from_slice(&m.data).expect("json")
}

#[test]
fn huge_json_is_refused() {
    let good = package("valid-daan-bakker.json");
    let manifest = serde_json::to_vec(&manifest_of(&good)).expect("json");
    let mut huge =
        b"{\"form\":\"rsv-breda-vo/tlv-vso\",\"form_version\":\"01-11-2014\",\"answers\":{\"x\":\""
            .to_vec();
    huge.extend(std::iter::repeat_n(b'a', 3 * 1024 * 1024));
    huge.extend_from_slice(b"\"}}");
    let e = err(&with_files(&huge, &manifest));
    assert!(
        matches!(
            e,
            PackageError::Document(aanvraagwijzer::DocumentError::TooLarge { .. })
        ),
        "{e:?}"
    );
}

#[test]
fn deeply_nested_json_is_refused() {
    let good = package("valid-daan-bakker.json");
    let manifest = serde_json::to_vec(&manifest_of(&good)).expect("json");
    let mut deep =
        b"{\"form\":\"rsv-breda-vo/tlv-vso\",\"form_version\":\"01-11-2014\",\"answers\":{\"x\":"
            .to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend(std::iter::repeat_n(b']', 100_000));
    deep.extend_from_slice(b"}}");
    let e = err(&with_files(&deep, &manifest));
    assert!(
        matches!(
            e,
            PackageError::Document(aanvraagwijzer::DocumentError::Json { .. })
        ),
        "{e:?}"
    );
    // The same depth in the manifest.
    let mut deep_manifest = Vec::new();
    deep_manifest.extend(std::iter::repeat_n(b'[', 100_000));
    deep_manifest.extend(std::iter::repeat_n(b']', 100_000));
    let doc = serde_json::to_vec(&fixture("valid-daan-bakker.json")).expect("json");
    assert!(matches!(
        err(&with_files(&doc, &deep_manifest)),
        PackageError::Manifest { .. }
    ));
}

#[test]
fn unknown_form_and_unknown_version_are_named() {
    let good = package("valid-daan-bakker.json");
    let doc = serde_json::to_vec(&fixture("valid-daan-bakker.json")).expect("json");

    let mut m = manifest_of(&good);
    m["form"] = "rsv-nergens/onbekend".into();
    let e = err(&with_files(&doc, &serde_json::to_vec(&m).expect("json")));
    assert_eq!(
        e,
        PackageError::UnknownForm {
            form: "rsv-nergens/onbekend".into()
        }
    );
    assert!(e.message_nl().contains("rsv-nergens/onbekend"));

    let mut m = manifest_of(&good);
    m["form_version"] = "01-01-2099".into();
    let e = err(&with_files(&doc, &serde_json::to_vec(&m).expect("json")));
    assert!(
        matches!(e, PackageError::UnknownFormVersion { .. }),
        "{e:?}"
    );
    assert!(e.message_nl().contains("01-01-2099"));
}

#[test]
fn a_package_without_manifest_is_named() {
    let z = zip::write(
        &[Entry {
            name: "aanvraag.json".into(),
            data: b"{}".to_vec(),
        }],
        created(),
    )
    .expect("writes");
    assert_eq!(
        err(&z),
        PackageError::MissingFile {
            name: "manifest.json".into()
        }
    );
}

#[test]
fn a_package_larger_than_the_limit_is_refused_up_front() {
    let limits = Limits {
        max_package_bytes: 1000,
        ..Limits::default()
    };
    let e = verify(&package("valid-daan-bakker.json"), &limits).expect_err("too large");
    assert!(matches!(e, PackageError::TooLarge { .. }));
}

#[test]
fn truncated_and_scrambled_packages_never_panic() {
    let zip = package("invalid-typos-and-gaps.json");
    let limits = Limits::default();
    for len in 0..zip.len() {
        match verify(&zip[..len], &limits) {
            Err(_) => {}
            Ok(r) => assert!(!r.intact, "a package cut at {len} bytes looked intact"),
        }
    }
    // Many random changes at once (a fixed-seed generator: reproducible).
    let mut seed: u64 = 0x5eed_1234_abcd_ef01;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let mut bad = zip.clone();
        for _ in 0..(next() % 8 + 1) {
            let at = (next() % bad.len() as u64) as usize;
            bad[at] = next() as u8;
        }
        if bad == zip {
            continue;
        }
        if let Ok(r) = verify(&bad, &limits) {
            assert!(!r.intact);
        }
        let _ = open(&bad, &limits);
    }
}

/// Daan's request with answers typed earlier to questions that no longer
/// apply (he has no beschikking).
fn with_hidden_answers() -> Document {
    let mut doc = fixture("valid-daan-bakker.json");
    doc.answers.insert(
        "beschikking_nummer".into(),
        serde_json::json!("Diagnose ADHD, zie beschikking 4711"),
    );
    doc.answers.insert(
        "beschikking_afloopdatum".into(),
        serde_json::json!("31-07-2027"),
    );
    doc
}

#[test]
fn answers_to_questions_that_do_not_apply_stay_out_of_the_package() {
    let doc = with_hidden_answers();
    let form = find_form(&doc.form).expect("form");
    let (kept, hidden) = minimised(form, &doc, created());
    assert_eq!(hidden, 2);
    assert_eq!(kept, fixture("valid-daan-bakker.json"));
    let zip = build(form, &doc, &[], &fake_pdf(&kept), created()).expect("builds");
    let entries = zip::read(&zip, &Limits::default()).expect("readable");
    let json = &entries
        .iter()
        .find(|e| e.name == "aanvraag.json")
        .expect("aanvraag.json")
        .data;
    let json = String::from_utf8_lossy(json);
    assert!(!json.contains("beschikking 4711"), "{json}");
    assert!(!json.contains("beschikking_afloopdatum"));
    let manifest = &entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .expect("manifest")
        .data;
    assert!(String::from_utf8_lossy(manifest).contains("\"hidden_answers_left_out\": 2"));

    let report = verify(&zip, &Limits::default()).expect("readable");
    assert!(report.intact, "{:?}", report.tampering);
    assert_eq!(report.manifest.hidden_answers_left_out, 2);
    // Hidden answers never count, so the verdict is that of the full document.
    let full = aanvraagwijzer::Verdict::of(form, &doc, created().date());
    assert_eq!(report.verdict, full);
    assert!(report.ok());
    let opened = open(&zip, &Limits::default()).expect("opens");
    assert_eq!(opened.document, kept);
}

#[test]
fn a_pdf_made_from_the_full_document_does_not_fit_a_minimised_package() {
    // The PDF must show what aanvraag.json holds: one made from the document
    // with hidden answers is tied to other answers, and build refuses it.
    let doc = with_hidden_answers();
    let form = find_form(&doc.form).expect("form");
    let refused = build(form, &doc, &[], &fake_pdf(&doc), created());
    assert!(
        matches!(refused, Err(PackageError::Corrupt { .. })),
        "{refused:?}"
    );
}

#[test]
fn a_manifest_without_hidden_answers_does_not_mention_them() {
    // Packages made before the field existed have the same manifest bytes.
    let zip = package("valid-daan-bakker.json");
    let entries = zip::read(&zip, &Limits::default()).expect("readable");
    let manifest = &entries
        .iter()
        .find(|e| e.name == "manifest.json")
        .expect("manifest")
        .data;
    assert!(!String::from_utf8_lossy(manifest).contains("hidden_answers_left_out"));
    assert!(verify(&zip, &Limits::default()).expect("readable").intact);
}
