//! Structured access logs that never contain pupil data.
//!
//! One event per request, with the method, the route *template*
//! (`/api/v1/forms/{swv}/{form}/validate`, never the raw path or query, which
//! a client could fill with anything), status, latency and sizes, plus the
//! error code or the verdict's counts. Bodies, names, BSNs and error details
//! from the parser (which may quote the input) are never logged.

use std::time::Instant;

use axum::body::HttpBody as _;
use axum::extract::{MatchedPath, Request};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use crate::error::ErrorCode;

/// What a check endpoint tells the access log about its verdict: counts only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckSummary {
    /// The form id (published data, never pupil data).
    pub form: &'static str,
    /// No blocking findings.
    pub valid: bool,
    /// Number of findings.
    pub findings: usize,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// One JSON object per line (for log collectors).
    #[default]
    Json,
    /// `key=value` text for people at a terminal.
    Text,
}

/// Installs the global log subscriber (level from `RUST_LOG`, default `info`).
/// Does nothing when one is installed already.
pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true);
    // An error means a subscriber is already installed (tests, embedding): keep it.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.with_ansi(false).try_init(),
    };
}

/// Middleware: logs one `access` event per request.
pub async fn access_log(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(site)".to_owned(), |p| p.as_str().to_owned());
    let request_bytes = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let response = next.run(request).await;
    let latency_ms = (start.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0;
    let status = response.status().as_u16();
    let response_bytes = response.body().size_hint().exact();
    let error = response.extensions().get::<ErrorCode>().map(|c| c.0);
    let check = response.extensions().get::<CheckSummary>().copied();
    tracing::info!(
        target: "access",
        method = %method,
        route = %route,
        status,
        latency_ms,
        request_bytes,
        response_bytes,
        error,
        form = check.map(|c| c.form),
        valid = check.map(|c| c.valid),
        findings = check.map(|c| c.findings),
        "request"
    );
    response
}
