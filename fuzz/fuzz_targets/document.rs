//! Any bytes as a document: parsing never panics, and validation of the
//! document against every form never panics and keeps its invariants.
#![no_main]

use aanvraagwijzer::{forms, has_blocking, summary, Document, Verdict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = match Document::from_json(text) {
        Ok(doc) => doc,
        Err(e) => {
            assert!(!e.message_nl().is_empty());
            return;
        }
    };
    let today = aanvraagwijzer_test_support::today();
    for form in forms() {
        let verdict = Verdict::of(form, &doc, today);
        assert_eq!(verdict.valid, !has_blocking(&verdict.findings));
        for f in &verdict.findings {
            assert!(f.path.starts_with('/'), "{}: path {:?}", f.code, f.path);
            assert!(!f.message.trim().is_empty(), "{}: empty message", f.code);
        }
        let _ = summary(form, &doc, today);
    }
    // Lossless: what is read can be written and read back unchanged.
    let written = serde_json::to_string(&doc).expect("a document serialises");
    if written.len() <= aanvraagwijzer::document::MAX_DOCUMENT_BYTES {
        let again = Document::from_json(&written).expect("written document reads");
        assert_eq!(again, doc);
    }
});
