//! The browser's verdict and the server's are the same for every fixture:
//! the site calls `Verdict::of(form, document, today)` of the core (compiled
//! to wasm); the server must answer exactly that, byte for byte in JSON.

mod common;

use aanvraagwijzer::{find_form, Document, Verdict};
use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn server_and_core_agree_on_every_fixture() {
    let app = app();
    let fixtures = fixtures();
    for fx in &fixtures {
        let form =
            find_form(&fx.form_id).unwrap_or_else(|| panic!("{}: no form {}", fx.name, fx.form_id));
        let doc = Document::from_json(&fx.text)
            .unwrap_or_else(|e| panic!("{}/{}: {e}", fx.form_id, fx.name));
        let core = Verdict::of(form, &doc, today());

        let uri = format!("/api/v1/forms/{}/validate", fx.form_id);
        let response = post_json(&app, &uri, fx.text.clone()).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}/{}",
            fx.form_id,
            fx.name
        );
        let served = bytes(response).await;
        let expected = serde_json::to_vec(&core).expect("verdict serialises");
        assert_eq!(
            String::from_utf8_lossy(&served),
            String::from_utf8_lossy(&expected),
            "{}/{}: the server's JSON differs from the core's",
            fx.form_id,
            fx.name
        );
        if fx.is_valid() {
            assert!(core.valid, "{}/{}: a complete request", fx.form_id, fx.name);
        }
    }
}
