//! Access logs say what happened, never who it was about: no names, no BSN,
//! no bodies, not even in errors that quote the input.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use aanvraagwijzer_server::router;
use common::*;
use tracing_subscriber::fmt::MakeWriter;

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("lock")).into_owned()
    }
}

const NAME: &str = "Daan Willem";
const SURNAME: &str = "Bakker";
const BSN: &str = "111222333";

#[tokio::test(flavor = "current_thread")]
async fn logs_of_a_validate_call_hold_no_pupil_data() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_max_level(tracing::Level::TRACE)
        .with_writer(captured.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = router(config());
    let text =
        std::fs::read_to_string(fixtures_dir().join("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"))
            .expect("fixture");
    assert!(text.contains(NAME) && text.contains(SURNAME) && text.contains(BSN));
    let uri = "/api/v1/forms/rsv-breda-vo/tlv-vso/validate";
    let (status, _) = json(post_json(&app, uri, text.clone()).await).await;
    assert!(status.is_success());
    // An error that a parser would describe by quoting the input.
    let bad = format!(
        r#"{{"form": "rsv-breda-vo/tlv-vso", "form_version": "x", "answers": "{NAME} {SURNAME} {BSN}"}}"#
    );
    let (status, _) = json(post_json(&app, uri, bad).await).await;
    assert_eq!(status.as_u16(), 422);
    // Pupil data in the query string and path of a request.
    let _ = get(&app, &format!("/api/v1/forms?bsn={BSN}&naam={SURNAME}")).await;
    let _ = get(&app, &format!("/api/v1/forms/{SURNAME}/{BSN}/schema")).await;

    // A package whose file names carry the pupil's name, one byte changed.
    let mut doc = aanvraagwijzer::Document::from_json(&text).expect("fixture");
    let form = aanvraagwijzer::find_form(&doc.form).expect("form");
    let created = today().and_hms_opt(9, 0, 0).expect("time");
    let file_name = format!("Groeidocument {NAME} {SURNAME} {BSN}.pdf");
    doc.answers["groeidocument"]["bestandsnaam"] = file_name.clone().into();
    let attachments = vec![aanvraagwijzer_package::Attachment {
        name: file_name,
        bytes: b"%PDF".to_vec(),
    }];
    let mut zip = aanvraagwijzer_package::build(form, &doc, &attachments, created)
        .expect("package")
        .bytes;
    let at = zip.len() / 3;
    zip[at] ^= 1;
    let verify = axum::http::Request::builder()
        .method("POST")
        .uri("/api/v1/verify")
        .header("content-type", "application/zip")
        .body(axum::body::Body::from(zip))
        .expect("request");
    let (status, _) = json(send(&app, verify).await).await;
    assert!(status.is_client_error());

    let logs = captured.text();
    let lines: Vec<&str> = logs.lines().collect();
    assert!(lines.len() >= 5, "one access line per request: {logs}");
    for line in &lines {
        let event: serde_json::Value = serde_json::from_str(line).expect("JSON log line");
        assert!(event["status"].is_u64(), "{line}");
        assert!(event["route"].is_string(), "{line}");
        assert!(event["latency_ms"].is_number(), "{line}");
    }
    assert!(
        logs.contains("/api/v1/forms/{swv}/{form}/validate"),
        "route template: {logs}"
    );
    assert!(logs.contains("\"valid\":true"), "{logs}");
    assert!(logs.contains("document-invalid"), "{logs}");
    for secret in [NAME, SURNAME, BSN, "Haagweg", "4814"] {
        assert!(
            !logs.contains(secret),
            "{secret} leaked into the logs:\n{logs}"
        );
    }
}
