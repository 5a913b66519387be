//! Packages as users and SWVs meet them: built, verified, tampered with, hostile.

use aanvraagwijzer::{attachment_answers, find_form, Document};
use aanvraagwijzer_package::{
    build, minimised, open, zip, Attachment, Entry, Limits, PackageError, TamperKind, VerifyReport,
};
use chrono::{DateTime, NaiveDateTime, Utc};

/// A fixture of the RSV Breda VO TLV form.
fn fixture(name: &str) -> Document {
    aanvraagwijzer_test_support::fixture(&format!("rsv-breda-vo/tlv-vso/{name}"))
}

fn created() -> NaiveDateTime {
    aanvraagwijzer_test_support::made()
}

/// The verifier's clock: the morning after the package was made.
fn now() -> DateTime<Utc> {
    created().and_utc() + chrono::TimeDelta::hours(16)
}

fn verify(bytes: &[u8], limits: &Limits) -> Result<VerifyReport, PackageError> {
    aanvraagwijzer_package::verify(bytes, limits, now())
}

/// A package of a TLV VO fixture, with the files its answers list.
fn package(doc_name: &str) -> Vec<u8> {
    let doc = fixture(doc_name);
    let form = find_form(&doc.form).expect("form");
    build(form, &doc, &files_for(&doc), created())
        .expect("builds")
        .bytes
}

/// A file for every attachment the answers list, its bytes naming it (what
/// the site passes: the files chosen at the fields).
fn files_for(doc: &Document) -> Vec<Attachment> {
    let form = find_form(&doc.form).expect("form");
    let (effective, _) = minimised(form, doc, created());
    attachment_answers(form, &effective)
        .into_iter()
        .map(|a| Attachment {
            bytes: format!("%PDF {}", a.name).into_bytes(),
            name: a.name,
        })
        .collect()
}

/// A Berséba TLV with the files its answers list (Kindkans, two
/// handelingsplannen, the IQ report), each file's bytes naming it.
fn jan() -> (Document, Vec<Attachment>) {
    let doc = aanvraagwijzer_test_support::fixture("berseba/tlv-sbo-so/valid-sbo-jan.json");
    let form = find_form(&doc.form).expect("form");
    let files = attachment_answers(form, &doc)
        .into_iter()
        .map(|a| Attachment {
            bytes: format!("%PDF {}", a.name).into_bytes(),
            name: a.name,
        })
        .collect();
    (doc, files)
}

/// Jan's package with the handelingsplannen's files named `names` (one plan
/// per name, at least the two the form asks for).
fn built_names(names: &[&str]) -> aanvraagwijzer_package::Built {
    let (mut doc, _) = jan();
    let form = find_form(&doc.form).expect("form");
    let plans = doc.answers["handelingsplannen"]
        .as_array()
        .expect("plans")
        .clone();
    let mut items = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut item = plans[i % plans.len()].clone();
        item["bestand"]["bestandsnaam"] = (*name).into();
        items.push(item);
    }
    if items.len() < 2 {
        items.push(plans[1].clone());
    }
    doc.answers["handelingsplannen"] = items.into();
    let files: Vec<_> = attachment_answers(form, &doc)
        .into_iter()
        .map(|a| {
            // The name as chosen, untrimmed, as the browser gives it.
            let name = names
                .iter()
                .find(|n| n.trim() == a.name)
                .map_or(a.name.clone(), |n| (*n).to_owned());
            Attachment {
                bytes: name.as_bytes().to_vec(),
                name,
            }
        })
        .collect();
    build(form, &doc, &files, created()).expect("builds")
}

/// The names of the handelingsplannen's files in an opened package (after
/// Kindkans, before the IQ report).
fn plan_names(opened: &aanvraagwijzer_package::Opened) -> Vec<String> {
    let n = opened.attachments.len();
    opened.attachments[1..n - 1]
        .iter()
        .map(|a| a.name.clone())
        .collect()
}

#[test]
fn a_fresh_package_verifies_with_the_same_verdict() {
    let zip = package("valid-daan-bakker.json");
    let report = verify(&zip, &Limits::default()).expect("readable");
    assert!(report.intact, "{:?}", report.tampering);
    assert!(report.pdf_proven);
    assert!(report.notes.is_empty());
    assert!(report.verdict.valid);
    assert!(report.ok());
    assert_eq!(
        report.verdict.checked_on,
        aanvraagwijzer_test_support::TODAY
    );
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
            "bijlagen/Groeidocument Daan Bakker 2026.pdf"
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
    let (doc, files) = jan();
    let form = find_form(&doc.form).expect("form");
    let built = build(form, &doc, &files, created()).expect("builds");
    let opened = open(&built.bytes, &Limits::default()).expect("opens");
    let names: Vec<_> = opened.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Kindkans-export Jan Verhoef.pdf",
            "Handelingsplan 1 najaar 2025.pdf",
            "Handelingsplan 2 voorjaar 2026.pdf",
            "WISC-V verslag Jan.pdf"
        ]
    );
    assert_eq!(opened.attachments[3].bytes, b"%PDF WISC-V verslag Jan.pdf");
    // The answers in the package list each file with its size.
    let listed = attachment_answers(form, &opened.document);
    assert_eq!(listed.len(), 4);
    assert_eq!(listed[3].name, "WISC-V verslag Jan.pdf");
    assert_eq!(
        listed[3].size,
        Some(b"%PDF WISC-V verslag Jan.pdf".len() as u64)
    );
    assert!(verify(&built.bytes, &Limits::default())
        .expect("readable")
        .ok());
}

#[test]
fn a_listed_file_that_is_missing_stops_the_package_naming_the_field() {
    let (doc, mut files) = jan();
    let form = find_form(&doc.form).expect("form");
    files.remove(2);
    let e = build(form, &doc, &files, created()).expect_err("refused");
    assert!(matches!(e, PackageError::AttachmentMissing { .. }), "{e:?}");
    let message = e.message_nl();
    assert!(
        message.contains("\"Handelingsplan 2 voorjaar 2026.pdf\" bij \"Geëvalueerde handelingsplannen, handelingsplan 2: Handelingsplan met evaluatie\""),
        "{message}"
    );
    assert!(message.contains("Kies het bestand opnieuw"), "{message}");
}

#[test]
fn a_file_no_answer_lists_or_of_another_size_stops_the_package() {
    let (doc, mut files) = jan();
    let form = find_form(&doc.form).expect("form");
    let mut extra = files.clone();
    extra.push(Attachment {
        name: "Foto klas.jpg".into(),
        bytes: b"jpg".to_vec(),
    });
    let e = build(form, &doc, &extra, created()).expect_err("refused");
    assert!(
        e.message_nl()
            .contains("\"Foto klas.jpg\" hoort bij geen vraag"),
        "{e:?}"
    );

    let mut sized = doc.clone();
    sized.answers["iq_onderzoek"]["grootte"] = 99_999.into();
    files[3].bytes = b"een ander bestand".to_vec();
    let e = build(form, &sized, &files, created()).expect_err("refused");
    assert!(
        matches!(e, PackageError::AttachmentOtherSize { .. }),
        "{e:?}"
    );
    assert!(
        e.message_nl().contains("is 17 bytes en niet 98 kB"),
        "{}",
        e.message_nl()
    );
}

#[test]
fn an_attachment_of_a_question_that_does_not_apply_is_not_asked_for() {
    // Jan's files with the category changed to the observatiecentrum: no
    // handelingsplannen then, so their files are no part of the request.
    let (mut doc, files) = jan();
    let form = find_form(&doc.form).expect("form");
    doc.answers["categorie"] = "observatiecentrum".into();
    let e = build(form, &doc, &files, created()).expect_err("refused");
    assert!(
        matches!(e, PackageError::AttachmentNotAsked { .. }),
        "{e:?}"
    );
    assert!(e.message_nl().contains("hoort bij geen vraag"), "{e:?}");
}

#[test]
fn verify_compares_the_attachments_with_the_answers() {
    let (doc, files) = jan();
    let form = find_form(&doc.form).expect("form");
    let built = build(form, &doc, &files, created()).expect("builds");
    // A file taken out and its line taken out of the manifest: every hash
    // fits, but the answers still list the file.
    let mut entries = entries_of(&built.bytes);
    entries.retain(|e| e.name != "bijlagen/WISC-V verslag Jan.pdf");
    let manifest = entries.last_mut().expect("manifest");
    let mut m: serde_json::Value = serde_json::from_slice(&manifest.data).expect("json");
    m["files"]
        .as_array_mut()
        .expect("files")
        .retain(|f| f["path"] != "bijlagen/WISC-V verslag Jan.pdf");
    manifest.data = manifest_json(m);
    let report = verify(
        &zip::write(&entries, created()).expect("writes"),
        &Limits::default(),
    )
    .expect("readable");
    assert!(!report.intact);
    let t = report
        .tampering
        .iter()
        .find(|t| t.kind == TamperKind::AttachmentsDiffer)
        .expect("attachments differ");
    assert!(
        t.message.contains("\"WISC-V verslag Jan.pdf\""),
        "{}",
        t.message
    );
    assert!(t
        .message
        .contains("niet de bestanden die in de antwoorden staan"));
}

#[test]
fn changing_any_single_byte_shows() {
    let zip = package("valid-daan-bakker.json");
    let limits = Limits::default();
    // Every byte of the ZIP's structure, the answers and the manifest; of the
    // PDF (over 100 KB since it embeds its font subset, and one SHA-256 covers
    // it all) its first and last 512 bytes and every 97th byte between, so
    // the test stays minutes, not hours, in a debug build.
    let entries = zip::read(&zip, &limits).expect("reads");
    let pdf = &entries
        .iter()
        .find(|e| e.name == "samenvatting.pdf")
        .expect("the package has its PDF")
        .data;
    let start = zip
        .windows(pdf.len())
        .position(|w| w == pdf.as_slice())
        .expect("the PDF is stored as is");
    let end = start + pdf.len();
    let checked = (0..zip.len())
        .filter(|&i| i < start + 512 || i >= end.saturating_sub(512) || (i - start) % 97 == 0);
    for i in checked {
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
    let built = build(form, &doc, &files_for(&doc), created()).expect("builds");
    assert_eq!(built.hidden_answers_left_out, 2);
    let zip = built.bytes;
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
    let mut opened = open(&zip, &Limits::default()).expect("opens");
    // The package adds the size of each file its answers list.
    let size = opened.document.answers["groeidocument"]
        .as_object_mut()
        .and_then(|o| o.remove("grootte"));
    assert!(size.is_some_and(|s| s.as_u64().is_some()));
    assert_eq!(opened.document, kept);
}

// --- Forgeries that keep every hash consistent: only the deeper checks see them.

/// Rebuilds a package from `entries` (manifest left out) as a forger with
/// this crate's own code would: every size and hash in the manifest right,
/// the manifest's verdict the fresh one, the ZIP canonical.
fn rehashed(mut entries: Vec<Entry>, created: NaiveDateTime) -> Vec<u8> {
    let good = package("valid-daan-bakker.json");
    let mut m = manifest_of(&good);
    entries.retain(|e| e.name != "manifest.json");
    m["created"] = created.format("%Y-%m-%dT%H:%M:%S").to_string().into();
    m["files"] = entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "path": e.name,
                "size": e.data.len(),
                "sha256": aanvraagwijzer_package::sha256_hex(&e.data),
            })
        })
        .collect();
    if let Some(doc) = entries.iter().find(|e| e.name == "aanvraag.json") {
        let doc =
            Document::from_json(std::str::from_utf8(&doc.data).expect("utf8")).expect("document");
        let form = find_form(&doc.form).expect("form");
        let verdict = aanvraagwijzer_package::verdict_at(form, &doc, created);
        m["verdict"] = serde_json::to_value(verdict).expect("verdict");
    }
    entries.push(Entry {
        name: "manifest.json".into(),
        data: manifest_json(m),
    });
    zip::write(&entries, created).expect("writes")
}

/// Manifest bytes as Aanvraagwijzer writes them (its field order).
fn manifest_json(m: serde_json::Value) -> Vec<u8> {
    let m: aanvraagwijzer_package::Manifest = serde_json::from_value(m).expect("manifest");
    serde_json::to_vec_pretty(&m).expect("json")
}

fn entries_of(zip_bytes: &[u8]) -> Vec<Entry> {
    zip::read(zip_bytes, &Limits::default()).expect("reads")
}

fn set_entry(entries: &mut [Entry], name: &str, data: Vec<u8>) {
    let e = entries.iter_mut().find(|e| e.name == name).expect("entry");
    e.data = data;
}

/// The tie line for these aanvraag.json bytes, as a forger would write it.
fn tie_for(json: &[u8], core_version: &str) -> String {
    format!(
        "aanvraagwijzer {core_version} {} aanvraag.json sha256 {}",
        created().format("%Y-%m-%dT%H:%M:%S"),
        aanvraagwijzer_package::sha256_hex(json)
    )
}

fn kinds(r: &VerifyReport) -> Vec<TamperKind> {
    r.tampering.iter().map(|t| t.kind).collect()
}

#[test]
fn a_consistently_rehashed_package_still_verifies() {
    // The forging helper itself leaves an honest package honest, so the tests
    // below fail for the one thing each changes.
    let good = package("valid-daan-bakker.json");
    assert_eq!(rehashed(entries_of(&good), created()), good);
}

#[test]
fn a_pdf_showing_other_answers_is_caught_even_when_re_tied() {
    // Reproduced in issue 11: the PDF shows "Bakker / 111222333", aanvraag.json
    // says "Vervalst / 123456782", and every hash and the tie agree.
    let shown = fixture("valid-daan-bakker.json");
    let json = serde_json::to_string(&shown)
        .expect("json")
        .replace("\"Bakker\"", "\"Vervalst\"")
        .replace("111222333", "123456782");
    let machine = Document::from_json(&json).expect("forged document");
    let machine_bytes = aanvraagwijzer_package::document_bytes(&machine).expect("bytes");
    let form = find_form(&shown.form).expect("form");
    let verdict = aanvraagwijzer_package::verdict_at(form, &shown, created());
    let options = aanvraagwijzer_pdf::Options {
        tie: Some(tie_for(&machine_bytes, aanvraagwijzer::CORE_VERSION)),
        document_sha256: Some(aanvraagwijzer_package::sha256_hex(&machine_bytes)),
    };
    let pdf = aanvraagwijzer_pdf::render_with(form, &shown, &verdict, created(), &options);

    let mut entries = entries_of(&package("valid-daan-bakker.json"));
    set_entry(&mut entries, "aanvraag.json", machine_bytes);
    set_entry(&mut entries, "samenvatting.pdf", pdf);
    let report = verify(&rehashed(entries, created()), &Limits::default()).expect("readable");
    assert_eq!(kinds(&report), [TamperKind::PdfMismatch]);
    assert!(!report.intact && !report.pdf_proven && !report.ok());
    assert!(
        report.tampering[0]
            .message
            .starts_with("De samenvatting (PDF) toont niet precies deze antwoorden"),
        "{}",
        report.tampering[0].message
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

#[test]
fn a_pdf_that_only_holds_the_tie_in_a_comment_is_caught() {
    let good = package("valid-daan-bakker.json");
    let mut entries = entries_of(&good);
    let json = entries[0].data.clone();
    let pdf = format!(
        "%PDF-1.7\n% {}\n%%EOF\n",
        tie_for(&json, aanvraagwijzer::CORE_VERSION)
    );
    set_entry(&mut entries, "samenvatting.pdf", pdf.into_bytes());
    let report = verify(&rehashed(entries, created()), &Limits::default()).expect("readable");
    assert_eq!(kinds(&report), [TamperKind::PdfMismatch]);
}

#[test]
fn an_empty_directory_entry_is_tampering() {
    let good = package("valid-daan-bakker.json");
    let dir_entry = |name: &str| Entry {
        name: name.into(),
        data: Vec::new(),
    };
    for dir in ["bijlagen/", "extra/", "bijlagen/sub/"] {
        // Added after the manifest was written.
        let mut entries = entries_of(&good);
        entries.insert(2, dir_entry(dir));
        let report = verify(
            &zip::write(&entries, created()).expect("writes"),
            &Limits::default(),
        )
        .expect("readable");
        assert_eq!(kinds(&report), [TamperKind::FileUnlisted], "{dir}");
        assert_eq!(report.tampering[0].path.as_deref(), Some(dir));
        assert!(report.tampering[0].message.starts_with("De map"));
        // Listed in a rewritten manifest: still not what Aanvraagwijzer makes.
        let mut entries = entries_of(&good);
        entries.insert(2, dir_entry(dir));
        let report = verify(&rehashed(entries, created()), &Limits::default()).expect("readable");
        assert_eq!(kinds(&report), [TamperKind::FileUnexpected], "{dir}");
    }
    // So is a listed file outside bijlagen/.
    let mut entries = entries_of(&good);
    entries.insert(
        2,
        Entry {
            name: "lees-mij.exe".into(),
            data: b"MZ".to_vec(),
        },
    );
    let report = verify(&rehashed(entries, created()), &Limits::default()).expect("readable");
    assert_eq!(kinds(&report), [TamperKind::FileUnexpected]);
}

#[test]
fn a_creation_time_in_the_future_is_flagged() {
    let doc = fixture("valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form");
    let now = now();
    let at = |t: NaiveDateTime| {
        let zip = build(form, &doc, &files_for(&doc), t)
            .expect("builds")
            .bytes;
        aanvraagwijzer_package::verify(&zip, &Limits::default(), now).expect("readable")
    };
    let tomorrow = at(now.naive_utc() + chrono::TimeDelta::days(1));
    assert_eq!(kinds(&tomorrow), [TamperKind::CreatedInFuture]);
    assert!(tomorrow.tampering[0].message.contains("nog niet geweest"));
    // Dutch summer time is UTC+2, and clocks drift a few minutes: no flag.
    let summer = at(now.naive_utc() + chrono::TimeDelta::minutes(125));
    assert!(summer.intact, "{:?}", summer.tampering);
    let beyond = at(now.naive_utc() + chrono::TimeDelta::minutes(131));
    assert_eq!(kinds(&beyond), [TamperKind::CreatedInFuture]);
}

#[test]
fn aanvraag_json_must_be_the_canonical_serialisation() {
    let good = package("valid-daan-bakker.json");
    let canonical = String::from_utf8(entries_of(&good)[0].data.clone()).expect("utf8");
    let variants = [
        ("an extra space", canonical.replacen("{", "{ ", 1)),
        ("a trailing newline", format!("{canonical}\n")),
        (
            "reordered keys",
            canonical.replacen(
                "\"form\": \"rsv-breda-vo/tlv-vso\",\n  \"form_version\": \"01-11-2014\",",
                "\"form_version\": \"01-11-2014\",\n  \"form\": \"rsv-breda-vo/tlv-vso\",",
                1,
            ),
        ),
        (
            "a duplicate key",
            canonical.replacen(
                "\"achternaam\": \"Bakker\",",
                "\"achternaam\": \"Vervalst\",\n    \"achternaam\": \"Bakker\",",
                1,
            ),
        ),
        ("compact JSON", {
            let v: serde_json::Value = serde_json::from_str(&canonical).expect("json");
            serde_json::to_string(&v).expect("json")
        }),
    ];
    for (what, json) in variants {
        assert_ne!(json, canonical, "{what}: the variant changes nothing");
        // The forger also re-renders the PDF tie for the new bytes.
        let doc = Document::from_json(&json).expect("still a document");
        let form = find_form(&doc.form).expect("form");
        let verdict = aanvraagwijzer_package::verdict_at(form, &doc, created());
        let options = aanvraagwijzer_pdf::Options {
            tie: Some(tie_for(json.as_bytes(), aanvraagwijzer::CORE_VERSION)),
            document_sha256: Some(aanvraagwijzer_package::sha256_hex(json.as_bytes())),
        };
        let pdf = aanvraagwijzer_pdf::render_with(form, &doc, &verdict, created(), &options);
        let mut entries = entries_of(&good);
        set_entry(&mut entries, "aanvraag.json", json.into_bytes());
        set_entry(&mut entries, "samenvatting.pdf", pdf);
        let report = verify(&rehashed(entries, created()), &Limits::default()).expect("readable");
        assert_eq!(kinds(&report), [TamperKind::DocumentNotCanonical], "{what}");
        assert!(!report.ok());
    }
}

#[test]
fn a_package_of_another_core_version_says_what_it_cannot_prove() {
    let good = package("valid-daan-bakker.json");
    let mut entries = entries_of(&good);
    let json = entries[0].data.clone();
    let doc = fixture("valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form");
    let verdict = aanvraagwijzer_package::verdict_at(form, &doc, created());
    let options = aanvraagwijzer_pdf::Options {
        tie: Some(tie_for(&json, "0.0.1")),
        document_sha256: Some(aanvraagwijzer_package::sha256_hex(&json)),
    };
    let pdf = aanvraagwijzer_pdf::render_with(form, &doc, &verdict, created(), &options);
    set_entry(&mut entries, "samenvatting.pdf", pdf);
    let zip = rehashed(entries, created());
    let mut m = manifest_of(&zip);
    m["core_version"] = "0.0.1".into();
    m["verdict"]["core_version"] = "0.0.1".into();
    let mut entries = entries_of(&zip);
    set_entry(&mut entries, "manifest.json", manifest_json(m));
    let report = verify(
        &zip::write(&entries, created()).expect("writes"),
        &Limits::default(),
    )
    .expect("readable");
    assert!(report.intact, "{:?}", report.tampering);
    assert!(!report.pdf_proven);
    assert!(!report.ok(), "an unproven PDF is no all-clear");
    assert_eq!(report.notes.len(), 1);
    assert!(report.notes[0].contains("0.0.1"));
    assert!(report.notes[0].contains("gelden nog wel"));
    assert!(report.headline_nl().contains("kan niet nagaan"));
}

// --- Attachment names that unpack badly on Windows or macOS.

#[test]
fn bad_attachment_names_are_renamed_and_the_user_told() {
    let cases: &[(&str, &str)] = &[
        ("Zoe\u{0308}.pdf", "Zoë.pdf"),
        ("rapport\u{202E}fdp.exe", "rapportfdp.exe"),
        ("a\u{2066}b\u{2069}\u{200F}.pdf", "ab.pdf"),
        ("regel\u{1b}[2Jeen.pdf", "regel_[2Jeen.pdf"),
        ("tab\there.pdf", "tab_here.pdf"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("COM1.txt", "_COM1.txt"),
        ("lpt9.tar.gz", "_lpt9.tar.gz"),
        ("AUX .pdf", "_AUX .pdf"),
        ("verslag.pdf.", "verslag.pdf"),
        ("verslag.pdf  ", "verslag.pdf"),
        ("a<b>c:d\"e|f?g*h.pdf", "a_b_c_d_e_f_g_h.pdf"),
        ("map/sub\\naam.pdf", "naam.pdf"),
        ("...", "bijlage"),
        ("\u{202E}", "bijlage"),
    ];
    for (given, expected) in cases {
        let built = built_names(&[given]);
        assert_eq!(
            built.renamed,
            [aanvraagwijzer_package::Renamed {
                from: (*given).into(),
                to: (*expected).into()
            }],
            "{given:?}"
        );
        let opened = open(&built.bytes, &Limits::default()).expect("opens");
        assert_eq!(plan_names(&opened)[0], *expected);
        let report = verify(&built.bytes, &Limits::default()).expect("readable");
        assert!(report.ok(), "{given:?}: {:?}", report.tampering);
    }
}

#[test]
fn twins_that_one_file_system_merges_get_numbered() {
    let built = built_names(&[
        "Zoë.pdf",
        "Zoe\u{0308}.pdf",
        "Verslag.pdf",
        "verslag.PDF",
        "VERSLAG.pdf",
    ]);
    let names = plan_names(&open(&built.bytes, &Limits::default()).expect("opens"));
    assert_eq!(
        names,
        [
            "Zoë.pdf",
            "Zoë (2).pdf",
            "Verslag.pdf",
            "verslag (2).PDF",
            "VERSLAG (3).pdf"
        ]
    );
    let renamed: Vec<_> = built.renamed.iter().map(|r| r.to.as_str()).collect();
    assert_eq!(
        renamed,
        ["Zoë (2).pdf", "verslag (2).PDF", "VERSLAG (3).pdf"]
    );
    assert!(verify(&built.bytes, &Limits::default())
        .expect("readable")
        .ok());
}

#[test]
fn verify_refuses_names_that_unpack_badly() {
    let good = package("valid-daan-bakker.json");
    for bad in [
        vec!["Zoe\u{0308}.pdf"],
        vec!["rapport\u{202E}fdp.exe"],
        vec!["CON.pdf"],
        vec!["lpt1"],
        vec!["verslag.pdf."],
        vec!["verslag.pdf "],
        vec!["a|b.pdf"],
        vec!["a?b.pdf"],
        vec!["Verslag.pdf", "verslag.pdf"],
        vec!["Zoë.pdf", "ZOË.pdf"],
    ] {
        let mut entries = entries_of(&good);
        entries.retain(|e| !e.name.starts_with("bijlagen/"));
        for (i, name) in bad.iter().enumerate() {
            entries.insert(
                2 + i,
                Entry {
                    name: format!("bijlagen/{name}"),
                    data: b"bijlage".to_vec(),
                },
            );
        }
        let zip = rehashed(entries, created());
        for e in [
            verify(&zip, &Limits::default()).expect_err("refused"),
            open(&zip, &Limits::default()).expect_err("refused"),
        ] {
            assert!(
                matches!(e, PackageError::UnportableName { .. }),
                "{bad:?}: {e:?}"
            );
            assert!(e.message_nl().contains("Windows of macOS"));
            assert!(!e.message_nl().contains('\u{202E}'), "shown escaped");
        }
    }
}

#[test]
fn a_package_pins_its_definition_and_another_definition_is_named_plainly() {
    let good = package("valid-daan-bakker.json");
    let doc = serde_json::to_vec(&fixture("valid-daan-bakker.json")).expect("json");
    let m = manifest_of(&good);
    let pin = m["form_sha256"].as_str().expect("pinned");
    assert_eq!(pin.len(), 64);

    let mut m = manifest_of(&good);
    m["form_sha256"] = "0".repeat(64).into();
    let e = err(&with_files(&doc, &serde_json::to_vec(&m).expect("json")));
    assert!(matches!(e, PackageError::OtherDefinition { .. }), "{e:?}");
    assert!(e
        .message_nl()
        .contains("gemaakt met een andere versie van dit formulier"));

    // A manifest from before the pin is judged by id and version, as before.
    let mut m = manifest_of(&good);
    m.as_object_mut().expect("object").remove("form_sha256");
    let old = with_files(&doc, &serde_json::to_vec(&m).expect("json"));
    let outcome = verify(&old, &Limits::default());
    assert!(
        !matches!(outcome, Err(PackageError::OtherDefinition { .. })),
        "{outcome:?}"
    );
}
