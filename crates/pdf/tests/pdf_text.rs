//! The PDF as people read it: text extracted with pdftotext (poppler-utils).

use std::io::Write;
use std::process::{Command, Stdio};

use aanvraagwijzer::{find_form, validate, Document, Severity, Verdict};
use aanvraagwijzer_pdf::{render, render_with, Options};
use aanvraagwijzer_test_support::{fixture, made};

fn pdf_of(doc: &Document) -> Vec<u8> {
    let form = find_form(&doc.form).expect("form exists");
    let verdict = Verdict::of(form, doc, made().date());
    render(form, doc, &verdict, made())
}

/// The text per page, as pdftotext extracts it (pages end in a form feed).
fn pages(pdf: &[u8]) -> Vec<String> {
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("pdf written to pdftotext");
    let out = child.wait_with_output().expect("pdftotext finishes");
    assert!(out.status.success(), "pdftotext failed: the PDF is broken");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn all(pages: &[String]) -> String {
    pages.join("\n")
}

#[test]
fn an_incomplete_request_says_concept_on_every_page() {
    let pages = pages(&pdf_of(&fixture(
        "rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json",
    )));
    assert!(pages.len() >= 2, "expected several pages");
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains("CONCEPT – niet compleet"),
            "page {} lacks CONCEPT",
            i + 1
        );
        assert!(
            p.contains(&format!("pagina {} van {n}", i + 1)),
            "page {} lacks its number",
            i + 1
        );
    }
    let text = all(&pages);
    assert!(text.contains("Burgerservicenummer"));
    assert!(text.contains("Wat nog ontbreekt of aandacht vraagt"));
    assert!(text.contains("voldoet niet aan de elfproef"));
}

#[test]
fn a_complete_request_has_no_concept_marking() {
    let pages = pages(&pdf_of(&fixture(
        "rsv-breda-vo/tlv-vso/valid-daan-bakker.json",
    )));
    let text = all(&pages);
    assert!(!text.contains("CONCEPT"), "{text}");
    assert!(text.contains("Compleet volgens de criteria"));
    assert!(text.contains(&format!("pagina 1 van {}", pages.len())));
}

#[test]
fn diacritics_and_the_euro_sign_extract_as_text() {
    let mut doc = fixture("rsv-breda-po/individueel-arrangement/valid-lotte-eerste-aanvraag.json");
    doc.answers.insert("so_bekostiging".into(), "1650".into());
    let text = all(&pages(&pdf_of(&doc)));
    assert!(text.contains("€ 1.650,00"), "{text}");

    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-vo/tlv-vso/valid-daan-bakker.json",
    ))));
    assert!(text.contains("Ondersteuningscoördinator"), "{text}");
}

/// Names Dutch schools meet, each in a field of its own: Turkish, Polish,
/// a decomposed (NFD, pasted from a Mac) Dutch name, Greek, Cyrillic,
/// Vietnamese, Hebrew and Arabic.
const NAMES: [(&str, &str); 8] = [
    ("achternaam", "Ağaoğlu Şükrü İpek"),
    ("voornamen", "Zoe\u{308} de Vrie\u{301}s"),
    ("woonplaats", "Łódź"),
    ("straat_huisnummer", "Οδός Αθηνάς 12"),
    ("school_naam", "Школа Кузнецова"),
    ("vso_school", "Nguyễn Thị Minh Khai"),
    ("alternatieven", "דוד כהן"),
    ("waarom_vso", "محمد"),
];

#[test]
fn every_name_prints_and_extracts_exactly() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form exists");
    for (field, name) in NAMES {
        doc.answers.insert(field.into(), name.into());
    }
    let text = all(&pages(&pdf_of(&doc)));
    for (_, name) in &NAMES[..6] {
        // Printed in NFC: the NFD name comes back composed.
        let nfc: String = match *name {
            "Zoe\u{308} de Vrie\u{301}s" => "Zo\u{eb} de Vri\u{e9}s".into(),
            other => other.into(),
        };
        assert!(text.contains(&nfc), "{nfc} in {text}");
    }
    // Right-to-left names are written in visual order (unicode-bidi); pdftotext
    // turns a right-to-left run back into logical order, so the name as typed
    // comes back. Arabic letters come back as typed but unjoined (no shaper).
    assert!(text.contains("דוד כהן"), "{text}");
    assert!(text.contains("محمد"), "{text}");

    // None of these is "unprintable"; Arabic gets its own warning.
    let findings = validate(form, &doc, made().date());
    let warned: Vec<&str> = findings
        .iter()
        .filter(|f| f.code == "unprintable")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(warned, ["/answers/waarom_vso"], "{findings:?}");
}

#[test]
fn what_the_font_lacks_gets_a_stand_in_and_a_warning() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form exists");
    let clean = validate(form, &doc, made().date());
    assert!(clean.iter().all(|f| f.code != "unprintable"), "{clean:?}");

    doc.answers
        .insert("achternaam".into(), "Ağaoğlu 😀 王 ‘Zoë’".into());
    let text = all(&pages(&pdf_of(&doc)));
    assert!(text.contains("Ağaoğlu ? ? ‘Zoë’"), "{text}");

    // The stand-in is never silent: the field gets a warning naming the
    // characters, before the package is made.
    let findings = validate(form, &doc, made().date());
    let warning = findings
        .iter()
        .find(|f| f.code == "unprintable")
        .expect("a warning for the unprintable characters");
    assert_eq!(warning.path, "/answers/achternaam");
    assert_eq!(warning.severity, Severity::Waarschuwing);
    for c in ["😀", "王"] {
        assert!(warning.message.contains(c), "{}", warning.message);
    }
    assert!(!warning.message.contains("ğ"), "{}", warning.message);
    assert!(warning
        .message
        .starts_with("Deze tekens kunnen niet in de samenvatting worden afgedrukt"));
}

#[test]
fn signature_blocks_for_every_signatory() {
    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-vo/tlv-vso/valid-daan-bakker.json",
    ))));
    assert!(text.contains("Ondertekening"));
    assert_eq!(text.matches("Handtekening:").count(), 3, "{text}");
    assert!(text.contains("Getekend namens het bevoegd gezag"));
    assert!(text.contains("mr. H.J. van Dijk"));
}

#[test]
fn parents_get_a_block_where_they_sign() {
    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-po/opp/valid-lotte-groep-6.json",
    ))));
    assert!(text.contains("Ouder of verzorger (voor gezien)"), "{text}");
    assert!(
        text.contains("Ouder of verzorger (voor overeenstemming)"),
        "{text}"
    );
    assert_eq!(
        text.matches("Relatie tot de leerling:").count(),
        2,
        "{text}"
    );
    assert!(
        !text.contains("Functie:"),
        "a mother has no function: {text}"
    );

    // The form's own signatures only: that the OPP (an attachment) is signed
    // by the parents does not make this request a thing parents sign.
    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-po/individueel-arrangement/valid-lotte-eerste-aanvraag.json",
    ))));
    assert!(!text.contains("Ouder of verzorger ("), "{text}");

    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-vo/tlv-vso/valid-daan-bakker.json",
    ))));
    assert!(!text.contains("Ouder of verzorger"));
    assert!(!text.contains("Relatie tot de leerling"));
    assert_eq!(text.matches("Functie:").count(), 3, "{text}");
}

#[test]
fn the_closing_section_names_criteria_version_and_sources() {
    let doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let form = find_form(&doc.form).expect("form");
    let verdict = Verdict::of(form, &doc, made().date());
    let options = Options {
        tie: Some("aanvraagwijzer test tie".into()),
        document_sha256: Some("ab".repeat(32)),
    };
    let pdf = render_with(form, &doc, &verdict, made(), &options);
    let text = all(&pages(&pdf));
    assert!(text.contains("Criteria en bronnen"));
    // Where the title wraps depends on the font's widths.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Ondersteuningsplan RSV Breda VO 2015-2018, Bijlage 6a Aanvraagformulier TLV tot het VSO"
        ),
        "{flat}"
    );
    // No internal names in what parents and the commission read.
    for internal in [
        "004_a6ac0186845f0866.txt",
        "rsv-breda-vo/tlv-vso",
        "01-11-2014",
    ] {
        assert!(!text.contains(internal), "{internal} in the PDF");
    }
    assert!(text.contains(&format!(
        "Samenvatting gemaakt op {} om 16:40",
        aanvraagwijzer_test_support::TODAY
    )));
    assert!(text.contains(&"ab".repeat(32)));
    assert!(pdf
        .windows(b"aanvraagwijzer test tie".len())
        .any(|w| w == b"aanvraagwijzer test tie"));
}

#[test]
fn every_fixture_renders_to_a_readable_pdf_deterministically() {
    let root = format!("{}/../../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for swv in std::fs::read_dir(&root).expect("fixtures") {
        let swv = swv.expect("entry").path();
        for form in std::fs::read_dir(&swv).expect("swv dir") {
            for file in std::fs::read_dir(form.expect("entry").path()).expect("form dir") {
                let path = file.expect("entry").path();
                let text = std::fs::read_to_string(&path).expect("read");
                let Ok(doc) = Document::from_json(&text) else {
                    continue;
                };
                if find_form(&doc.form).is_none() {
                    continue;
                }
                let pdf = pdf_of(&doc);
                assert_eq!(pdf, pdf_of(&doc), "{} not deterministic", path.display());
                let pages = pages(&pdf);
                assert!(!pages.is_empty(), "{}", path.display());
                count += 1;
            }
        }
    }
    assert!(count >= 10, "only {count} fixtures rendered");
}

#[test]
fn odd_and_huge_answers_still_render() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    doc.answers.insert(
        "achternaam".into(),
        serde_json::json!({"a": [1, 2, {"b": null}]}),
    );
    doc.answers.insert(
        "voornamen".into(),
        "heel-lang-woord-zonder-spaties-".repeat(2000).into(),
    );
    doc.answers
        .insert("school_naam".into(), "regel\n".repeat(400).into());
    let pages = pages(&pdf_of(&doc));
    assert!(pages.len() > 5);
    assert!(pages.iter().all(|p| p.contains("CONCEPT")));
}

#[test]
fn answers_to_questions_that_do_not_apply_are_not_in_the_pdf() {
    // Daan has no beschikking; an earlier typed number and date are hidden.
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    doc.answers.insert(
        "beschikking_nummer".into(),
        serde_json::json!("Verborgen-beschikking-4711"),
    );
    let text = all(&pages(&pdf_of(&doc)));
    assert!(!text.contains("Verborgen-beschikking-4711"), "{text}");
    // The same answer shows once the question applies.
    doc.answers
        .insert("heeft_beschikking".into(), serde_json::json!("ja"));
    let text = all(&pages(&pdf_of(&doc)));
    assert!(text.contains("Verborgen-beschikking-4711"));
}

#[test]
fn the_lwoo_pro_summary_shows_the_achterstand_per_area_and_what_fits() {
    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-vo/lwoo-pro/valid-pro-sanne-verhoeven.json",
    ))));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Sanne: DL 58, DLE begrijpend lezen 26: (58 - 26) / 58 = 55,17..%.
    assert!(
        flat.contains("Leerachterstand begrijpend lezen: 55,2%"),
        "{flat}"
    );
    assert!(flat.contains("Past bij: Pro."), "{flat}");
    assert!(flat.contains("in heel Nederland"), "{flat}");
}

#[test]
fn every_page_says_whose_request_and_which_form() {
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let form = find_form(&doc.form).expect("form exists");
    let name = aanvraagwijzer_pdf::pupil_name(&doc).expect("the fixture names a pupil");
    let pages = pages(&pdf_of(&doc));
    assert!(pages.len() >= 2, "expected several pages");
    for (i, p) in pages.iter().enumerate() {
        let header = p.lines().next().unwrap_or_default();
        assert!(
            header.contains(&name) && header.contains(&form.title),
            "page {} header lacks pupil or form: {header:?}",
            i + 1
        );
    }
}

#[test]
fn dates_bsn_and_brin_print_one_way_whatever_way_they_were_typed() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    doc.answers
        .insert("geboortedatum".into(), serde_json::json!("14/3/2012"));
    doc.answers
        .insert("bsn".into(), serde_json::json!("1112 22 333"));
    doc.answers
        .insert("brin".into(), serde_json::json!("12ab00"));
    let mut signer = doc.answers["bevoegd_gezag"].clone();
    signer["datum"] = serde_json::json!("3 november 2026");
    doc.answers.insert("bevoegd_gezag".into(), signer);
    let text = all(&pages(&pdf_of(&doc)));
    assert!(text.contains("14-03-2012"), "{text}");
    assert!(!text.contains("14/3/2012"));
    assert!(text.contains("111222333"));
    assert!(!text.contains("1112 22 333"));
    assert!(text.contains("12AB00"));
    assert!(!text.contains("12ab00"));
    assert!(text.contains("03-11-2026"), "{text}");
    assert!(!text.contains("3 november 2026"));
}

#[test]
fn the_checksum_is_never_alone_on_the_last_page() {
    for path in [
        "rsv-breda-vo/tlv-vso/valid-daan-bakker.json",
        "rsv-breda-po/opp/valid-lotte-groep-6.json",
        "berseba/tlv-sbo-so/valid-mg-ruben-iq-30.json",
    ] {
        let doc = fixture(path);
        let form = find_form(&doc.form).expect("form exists");
        let verdict = Verdict::of(form, &doc, made().date());
        let options = Options {
            tie: None,
            document_sha256: Some("ab".repeat(32)),
        };
        let pages = pages(&render_with(form, &doc, &verdict, made(), &options));
        let last = pages.last().expect("a page");
        if last.contains("Controlegetal") {
            assert!(
                last.contains("De criteria komen uit") || last.contains("Keuzes in dit formulier"),
                "{path}: the checksum stands alone on the last page:\n{last}"
            );
        }
    }
}

#[test]
fn a_berseba_tlv_cites_the_criteria_of_its_own_category_only() {
    let text = all(&pages(&pdf_of(&fixture(
        "berseba/tlv-sbo-so/valid-mg-ruben-iq-30.json",
    ))));
    let start = text.find("De criteria komen uit").expect("sources listed");
    let end = text.find("Keuzes in dit formulier").expect("notes listed");
    let cited = &text[start..end];
    assert!(cited.contains("meervoudige handicap"), "{cited}");
    for other in [
        "ernstige gedragsproblemen",
        "zeer moeilijk leren",
        "langdurige ziekte",
        "Observatiecentrum",
    ] {
        assert!(!cited.contains(other), "category 7 cites {other}:\n{cited}");
    }
}

#[test]
fn the_pdf_says_who_signs_what_where_the_swv_says_so() {
    let text = all(&pages(&pdf_of(&fixture(
        "rsv-breda-po/opp/valid-lotte-groep-6.json",
    ))));
    assert!(
        text.contains("De ouders tekenen de doelen voor gezien en het handelingsdeel voor"),
        "{text}"
    );
    // De Meierij's document is silent about signing: after the heading comes
    // the general line, nothing invented.
    let text = all(&pages(&pdf_of(&fixture(
        "de-meierij/tlv/valid-yusuf-langere-periode.json",
    ))));
    let after = text
        .split("\nOndertekening\n")
        .nth(1)
        .expect("a signature section");
    assert!(
        after.trim_start().starts_with("Wie tekent, verklaart"),
        "{after}"
    );
}

/// The text with every run of whitespace as one space, so a phrase that
/// pdftotext breaks over two lines is still found.
fn squashed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_berseba_tlv_explains_the_choices_of_its_own_category_only() {
    let text = squashed(&all(&pages(&pdf_of(&fixture(
        "berseba/tlv-sbo-so/valid-mg-ruben-iq-30.json",
    )))));
    let start = text.find("Keuzes in dit formulier").expect("notes listed");
    let notes = &text[start..];
    // Notes about the whole form, and those about category 7.
    assert!(notes.contains("Berséba geeft geen afvinklijst"), "{notes}");
    assert!(
        notes.contains("Meervoudige handicap (r. 241-243)"),
        "{notes}"
    );
    assert!(notes.contains("Een IQ van precies 70"), "{notes}");
    for other in [
        "Zeer moeilijk leren (soort 4)",
        "Gedrag (r. 154)",
        "Observatiecentrum (r. 116)",
        "De leeftijd (onder de 7 jaar",
    ] {
        assert!(
            !notes.contains(other),
            "category 7 explains {other}:\n{notes}"
        );
    }
    // Another category, other notes.
    let zml = squashed(&all(&pages(&pdf_of(&fixture(
        "berseba/tlv-sbo-so/valid-zml-down-syndroom.json",
    )))));
    let zml_notes = &zml[zml.find("Keuzes in dit formulier").expect("notes")..];
    assert!(
        zml_notes.contains("Zeer moeilijk leren (soort 4)"),
        "{zml_notes}"
    );
    assert!(
        !zml_notes.contains("Meervoudige handicap (r. 241-243)"),
        "{zml_notes}"
    );
}

#[test]
fn the_pdf_lists_each_attachment_with_its_name_size_and_question() {
    let mut doc = fixture("berseba/tlv-sbo-so/valid-sbo-jan.json");
    doc.answers["iq_onderzoek"]["grootte"] = 245_760.into();
    doc.answers["kindkans"]["grootte"] = 900.into();
    let text = squashed(&all(&pages(&pdf_of(&doc))));
    assert!(
        text.contains("Bestand: WISC-V verslag Jan.pdf (240 kB)"),
        "{text}"
    );
    let start = text
        .find("Bijlagen Deze bestanden horen bij de aanvraag")
        .expect("list");
    let list = &text[start..];
    assert!(
        list.contains("Kindkans-export Jan Verhoef.pdf, 900 bytes"),
        "{list}"
    );
    assert!(list.contains("Handelingsplan 2 voorjaar 2026.pdf (bij: Geëvalueerde handelingsplannen, handelingsplan 2: Handelingsplan met evaluatie)"), "{list}");
    assert!(list.contains("WISC-V verslag Jan.pdf, 240 kB"), "{list}");
    // A request without attachments has no such list.
    let opp = squashed(&all(&pages(&pdf_of(&fixture(
        "rsv-breda-po/opp/valid-lotte-groep-6.json",
    )))));
    assert!(!opp.contains("Deze bestanden horen bij de aanvraag"));
}

/// Writes the OPP fixture's first page as a PNG for the issue's screenshots
/// (`target/screenshots/opp-pdf-page1.png`), rendered with pdftoppm as a
/// reader would see it.
#[test]
fn the_first_page_of_the_opp_renders_to_a_screenshot() {
    let pdf = pdf_of(&fixture("rsv-breda-po/opp/valid-lotte-groep-6.json"));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let pdf_path = dir.join("opp.pdf");
    std::fs::write(&pdf_path, &pdf).expect("pdf written");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf_path)
        .arg(dir.join("opp-pdf-page1"))
        .status()
        .expect("pdftoppm runs (apt-get install poppler-utils)");
    assert!(status.success(), "pdftoppm failed: the PDF is broken");
    let png = std::fs::read(dir.join("opp-pdf-page1.png")).expect("png written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // A4 at 80 dpi, as pdftoppm rounds it: 662 × 936 pixels.
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (662, 936));
    let _ = std::fs::remove_file(pdf_path);
}
