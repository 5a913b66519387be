//! Aanvraagwijzer's HTTP service for SWVs: the site (`site/dist`) with strict
//! security headers, and a versioned JSON API over the very same validation
//! core the browser runs, so an SWV gets the same verdict the school saw.
//!
//! API (`/api/v1`):
//!
//! | method | path | answer |
//! |---|---|---|
//! | GET | `/forms` | every form: id, SWV, title, version, links |
//! | GET | `/forms/{swv}/{form}` | the form definition |
//! | GET | `/forms/{swv}/{form}/schema` | JSON Schema (2020-12) of its documents |
//! | POST | `/forms/{swv}/{form}/validate` | the [`aanvraagwijzer::Verdict`] on a document (JSON body) |
//! | POST | `/verify` | the report on a package (ZIP body); tampered: `422` |
//! | GET | `/health` | `{"status": "ok", …}` |
//! | GET | `/openapi.json` | OpenAPI 3.1 description of all this |
//!
//! Errors are JSON `{"code", "message"}` with a stable code and a Dutch
//! message ([`ApiError`]). Every client-controlled quantity is bounded
//! ([`Limits`]); access logs never contain pupil data ([`logging`]).

mod api;
mod body;
pub mod config;
pub mod error;
pub mod headers;
pub mod logging;
mod openapi;
mod server;
pub mod site;

use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use api::ClientAddr;
pub use config::{Config, Limits, Today};
pub use error::ApiError;
pub use logging::{init_logging, LogFormat};
pub use server::{serve, serve_listener, serve_with_forms, shutdown_signal, ServeError};

/// The whole service as an axum [`Router`]: API, site and every layer
/// (security headers, access log, panic guard). Time limits: request heads
/// in [`serve_listener`], bodies and checks in the handlers.
pub fn router(config: Config) -> Router {
    let hashes = config
        .dist_dir
        .as_deref()
        .map(headers::InlineHashes::scan)
        .unwrap_or_default();
    let frame = config
        .dist_dir
        .as_deref()
        .map(headers::FrameAncestors::read)
        .unwrap_or_default();
    let csp = headers::content_security_policy_framed(&hashes, &frame);
    let dist_dir = config.dist_dir.clone();
    let state = Arc::new(api::AppState::new(config));

    let api = Router::new()
        .route("/forms", get(api::list_forms))
        .route("/forms/{swv}/{form}", get(api::form_definition))
        .route("/forms/{swv}/{form}/schema", get(api::form_schema))
        .route("/forms/{swv}/{form}/validate", post(api::validate_document))
        .route("/verify", post(api::verify_package))
        .route("/health", get(api::health))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));

    let mut app = Router::new()
        .nest("/api/v1", api)
        .route("/api", any(api::not_found))
        .route("/api/{*rest}", any(api::not_found));
    app = match dist_dir {
        Some(dir) => app.fallback_service(site::service(&dir, any(site_not_found))),
        None => app.fallback(site_missing),
    };

    let mut app = app
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn(logging::access_log));
    for (name, value) in headers::security_headers_framed(&frame) {
        app = app.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    match HeaderValue::from_str(&csp) {
        Ok(value) => app.layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            value,
        )),
        // Hashes are base64, the rest is ours: cannot happen, but never serve without a CSP.
        Err(_) => app.layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        )),
    }
}

/// A panic in a handler becomes `500 internal`, never a dropped connection.
fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    // The payload may quote input: it is not logged.
    tracing::error!("handler panicked");
    ApiError::Internal("panic".into()).into_response()
}

/// A path of the site that is no file.
async fn site_not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Deze pagina bestaat niet. Begin op de voorpagina: /",
    )
        .into_response()
}

/// Without a site folder, the site's paths say so.
async fn site_missing() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Deze server levert alleen de API (/api/v1/). De website is niet meegeleverd.",
    )
        .into_response()
}
