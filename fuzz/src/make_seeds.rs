//! Writes the seed corpora and the dictionary for the fuzz targets:
//! every fixture as a document seed, a package built from each complete
//! fixture, and the forms' field ids and option values as a dictionary.
//!
//! Run from the repository root: `cargo run --manifest-path fuzz/Cargo.toml --bin make_seeds`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use aanvraagwijzer::{find_form, forms, Document, FieldKind};
use aanvraagwijzer_package::{build, Attachment};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("../tests/fixtures");
    let corpus = root.join("corpus");
    for target in ["document", "package_verify", "api_validate"] {
        std::fs::create_dir_all(corpus.join(target))?;
    }
    let created = aanvraagwijzer_test_support::today()
        .and_hms_opt(9, 0, 0)
        .ok_or("date")?;
    let mut n = 0;
    for file in json_files(&fixtures)? {
        let text = std::fs::read(&file)?;
        let name = file
            .strip_prefix(&fixtures)?
            .to_string_lossy()
            .replace('/', "_");
        std::fs::write(corpus.join("document").join(&name), &text)?;
        let doc = Document::from_json(std::str::from_utf8(&text)?)?;
        let form_index = forms().iter().position(|f| f.id == doc.form).unwrap_or(0);
        let mut api = vec![u8::try_from(form_index).unwrap_or(0)];
        api.extend_from_slice(&text);
        std::fs::write(corpus.join("api_validate").join(&name), api)?;
        if let Some(form) = find_form(&doc.form) {
            let attachments = vec![Attachment {
                name: "groeidocument.pdf".into(),
                bytes: b"%PDF-1.7 bijlage".to_vec(),
            }];
            let zip = build(form, &doc, &attachments, created)?.bytes;
            std::fs::write(
                corpus.join("package_verify").join(format!("{name}.zip")),
                zip,
            )?;
        }
        n += 1;
    }
    let mut words = BTreeSet::new();
    for form in forms() {
        words.insert(form.id.clone());
        words.insert(form.version.clone());
        for field in form.fields() {
            add_field_words(&field.id, &field.kind, &mut words);
        }
    }
    for w in [
        "form",
        "form_version",
        "answers",
        "naam",
        "functie",
        "datum",
        "bestandsnaam",
        "omschrijving",
        "bevestigingen",
        "ja",
        "nee",
        "111222333",
        "4811 AB",
        "12AB00",
        "03-09-2012",
        "31-02-2012",
        "1.250,00",
        "2,5",
        "true",
        "false",
        "null",
    ] {
        words.insert(w.to_owned());
    }
    let dict: String = words
        .iter()
        .map(|w| format!("\"{}\"\n", w.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    std::fs::write(root.join("document.dict"), dict)?;
    println!(
        "{n} fixtures -> {}; {} dictionary words -> fuzz/document.dict",
        corpus.display(),
        words.len()
    );
    Ok(())
}

fn add_field_words(id: &str, kind: &FieldKind, words: &mut BTreeSet<String>) {
    words.insert(id.to_owned());
    if let Some(options) = kind.options() {
        for o in options {
            words.insert(o.value.clone());
        }
    }
    if let FieldKind::List { fields, .. } = kind {
        for f in fields {
            add_field_words(&f.id, &f.kind, words);
        }
    }
}

fn json_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(json_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}
