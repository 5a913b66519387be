//! Helpers shared by the server's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use aanvraagwijzer_server::{router, Config, Limits, Today};
use axum::body::Body;
use axum::http::{header, Method, Request, Response, StatusCode};
use axum::Router;

use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

// Each test binary uses a different part of these.
#[allow(unused_imports)]
pub use aanvraagwijzer_test_support::{fixture, fixtures_dir, made, today};

/// A configuration serving the API only, for the tests' fixed date.
pub fn config() -> Config {
    Config {
        dist_dir: None,
        limits: Limits::default(),
        today: Today::Fixed(today()),
        forms: None,
    }
}

pub fn app() -> Router {
    router(config())
}

/// One fixture file with the form id it belongs to (from its folder).
pub struct Fixture {
    pub form_id: String,
    pub name: String,
    pub text: String,
}

impl Fixture {
    /// `valid-*.json`: a complete request without blocking findings.
    pub fn is_valid(&self) -> bool {
        self.name.starts_with("valid")
    }
}

/// Every fixture, sorted; at least the RSV Breda VO ones exist.
pub fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    let root = fixtures_dir();
    for swv in read_dirs(&root) {
        for form in read_dirs(&swv) {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&form)
                .expect("fixture folder")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            for file in files {
                out.push(Fixture {
                    form_id: format!("{}/{}", name_of(&swv), name_of(&form)),
                    name: name_of(&file),
                    text: std::fs::read_to_string(&file).expect("fixture readable"),
                });
            }
        }
    }
    assert!(!out.is_empty(), "no fixtures under {}", root.display());
    out
}

fn read_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn name_of(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Sends one request through the router (no network).
pub async fn send(app: &Router, request: Request<Body>) -> Response<Body> {
    app.clone()
        .oneshot(request)
        .await
        .expect("router is infallible")
}

pub async fn get(app: &Router, uri: &str) -> Response<Body> {
    send(
        app,
        Request::builder()
            .uri(uri)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// POSTs a body as `application/json`.
pub async fn post_json(app: &Router, uri: &str, body: impl Into<Body>) -> Response<Body> {
    send(
        app,
        Request::builder()
            .method(Method::POST)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.into())
            .expect("request"),
    )
    .await
}

/// The whole body as bytes.
pub async fn bytes(response: Response<Body>) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec()
}

/// Status and JSON body.
pub async fn json(response: Response<Body>) -> (StatusCode, Value) {
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = bytes(response).await;
    let value: Value = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "{status}: body is not JSON ({e}), content type {content_type}: {}",
            String::from_utf8_lossy(&body)
        )
    });
    (status, value)
}

/// Asserts an error answer: this status, this code, a Dutch message.
pub async fn assert_error(response: Response<Body>, status: StatusCode, code: &str) -> Value {
    let (got, body) = json(response).await;
    assert_eq!(got, status, "body: {body}");
    assert_eq!(body["code"], code, "body: {body}");
    let message = body["message"].as_str().expect("message is text");
    assert!(
        message.len() > 20 && looks_dutch(message),
        "message should be Dutch and say what to do: {message}"
    );
    body
}

/// A crude check that a message is Dutch, not a library's English.
pub fn looks_dutch(message: &str) -> bool {
    let lower = message.to_lowercase();
    [
        "de ", "het ", "een ", "niet", "is ", "kan", "stuur", "probeer",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && !lower.contains("expected")
        && !lower.contains("invalid type")
}
