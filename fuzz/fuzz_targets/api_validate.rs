//! Any bytes POSTed to the validate endpoint of the HTTP API: the answer is
//! always a 200 verdict or a 4xx JSON error, never a 5xx or a panic.
#![no_main]

use std::sync::OnceLock;

use aanvraagwijzer_server::{router, Config, Today};
use axum::body::Body;
use axum::http::{header, Method, Request};
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt;

fn setup() -> &'static (tokio::runtime::Runtime, axum::Router) {
    static SETUP: OnceLock<(tokio::runtime::Runtime, axum::Router)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let today = aanvraagwijzer_test_support::today();
        let app = router(Config {
            today: Today::Fixed(today),
            ..Config::default()
        });
        (rt, app)
    })
}

fuzz_target!(|data: &[u8]| {
    let (rt, app) = setup();
    // The first byte picks the form, so every form's route is exercised.
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let forms = aanvraagwijzer::forms();
    let form = &forms[usize::from(pick) % forms.len()];
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/forms/{}/validate", form.id))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_vec()))
        .expect("request");
    let response = rt
        .block_on(app.clone().oneshot(request))
        .expect("router is infallible");
    let status = response.status();
    assert!(
        status.is_success() || status.is_client_error(),
        "status {status}"
    );
});
