//! The versioned JSON API (`/api/v1`).

use std::sync::Arc;

use aanvraagwijzer::{Document, Form, Verdict};
use aanvraagwijzer_package::{verify_with, Limits as PackageLimits, VerifyReport};
use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::body::{
    check_depth, read_limited, require_media_type, BodyBudget, BodyPace, Reservation, UploadSlots,
};
use crate::config::Config;
use crate::error::ApiError;
use crate::logging::CheckSummary;

/// Shared state of the API handlers.
#[derive(Debug)]
pub struct AppState {
    pub(crate) config: Config,
    /// Bounds the documents and packages checked at once; a permit is held
    /// by the blocking task itself, so a check cut off by the time limit
    /// still counts until it really ends.
    pub(crate) checks: Arc<Semaphore>,
    /// Bounds the request bodies held in memory at once.
    pub(crate) buffered: BodyBudget,
    /// Bounds the uploads in progress per client address.
    pub(crate) uploads: UploadSlots,
}

/// The address a request came from, set by the accept loop
/// ([`crate::serve_listener`]); absent when the router is used directly.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub std::net::IpAddr);

impl AppState {
    pub(crate) fn new(config: Config) -> AppState {
        let permits = config.limits.max_concurrent_checks.max(1);
        let buffered = BodyBudget::new(config.limits.max_buffered_bytes);
        AppState {
            config,
            checks: Arc::new(Semaphore::new(permits)),
            buffered,
            uploads: UploadSlots::default(),
        }
    }

    /// Reads a request body of at most `limit` bytes from `client`: one of
    /// the client's upload slots while it arrives, memory as it arrives, at
    /// the minimum rate. The reservation holds the memory until dropped.
    async fn read_body(
        &self,
        client: Option<ClientAddr>,
        headers: &HeaderMap,
        body: Body,
        limit: usize,
    ) -> Result<(bytes::Bytes, Reservation<'_>), ApiError> {
        let limits = &self.config.limits;
        let _slot = match client {
            Some(ClientAddr(ip)) => Some(self.uploads.enter(ip, limits.max_uploads_per_client)?),
            None => None,
        };
        let pace = BodyPace {
            head_start: limits.body_timeout,
            min_rate: limits.min_body_rate,
            memory_wait: limits.request_timeout,
        };
        read_limited(headers, body, limit, &self.buffered, pace).await
    }
}

type Shared = State<Arc<AppState>>;

impl AppState {
    /// Runs a CPU-bound check off the async threads, at most
    /// `max_concurrent_checks` at once, within the request time limit
    /// (waiting for a turn included); over the limit is `503 server-busy`.
    async fn run_check<T: Send + 'static>(
        &self,
        check: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let checks = Arc::clone(&self.checks);
        let work = async move {
            let permit = checks
                .acquire_owned()
                .await
                .map_err(|e| ApiError::Internal(e.to_string()))?;
            tokio::task::spawn_blocking(move || {
                let result = check();
                drop(permit);
                result
            })
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
        };
        tokio::time::timeout(self.config.limits.request_timeout, work)
            .await
            .map_err(|_| ApiError::Busy)?
    }
}

/// One form in the list.
#[derive(Debug, Serialize)]
pub(crate) struct FormEntry {
    id: &'static str,
    swv: &'static str,
    swv_name: &'static str,
    title: &'static str,
    version: &'static str,
    links: FormLinks,
}

#[derive(Debug, Serialize)]
pub(crate) struct FormLinks {
    definition: String,
    schema: String,
    validate: String,
}

/// The body of `GET /api/v1/forms`.
#[derive(Debug, Serialize)]
pub(crate) struct FormList {
    core_version: &'static str,
    forms: Vec<FormEntry>,
}

/// `GET /api/v1/forms`: every form with its version and links.
pub(crate) async fn list_forms(State(state): Shared) -> Json<FormList> {
    Json(FormList {
        core_version: aanvraagwijzer::CORE_VERSION,
        forms: state.config.forms().iter().map(entry).collect(),
    })
}

fn entry(form: &'static Form) -> FormEntry {
    let base = format!("/api/v1/forms/{}", form.id);
    FormEntry {
        id: &form.id,
        swv: form.swv(),
        swv_name: &form.swv_name,
        title: &form.title,
        version: &form.version,
        links: FormLinks {
            schema: format!("{base}/schema"),
            validate: format!("{base}/validate"),
            definition: base,
        },
    }
}

/// The form named by the path `{swv}/{form}`.
fn lookup(
    state: &AppState,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<&'static Form, ApiError> {
    let Path((swv, form)) = path.map_err(|_| ApiError::NotFound)?;
    let id = format!("{swv}/{form}");
    let forms = state.config.forms();
    forms
        .iter()
        .find(|f| f.id == id)
        .ok_or(ApiError::FormNotFound(id))
}

/// `GET /api/v1/forms/{swv}/{form}`: the form definition itself.
pub(crate) async fn form_definition(
    State(state): Shared,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Json<&'static Form>, ApiError> {
    lookup(&state, path).map(Json)
}

/// `GET /api/v1/forms/{swv}/{form}/schema`: JSON Schema of the form's documents.
pub(crate) async fn form_schema(
    State(state): Shared,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, ApiError> {
    let form = lookup(&state, path)?;
    let mut response = Json(aanvraagwijzer::schema::document_schema(form)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/schema+json"),
    );
    Ok(response)
}

/// `POST /api/v1/forms/{swv}/{form}/validate`: the verdict, exactly as
/// `validate(form, document, today)` gives it, for the server's local date.
pub(crate) async fn validate_document(
    State(state): Shared,
    client: Option<Extension<ClientAddr>>,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let form = lookup(&state, path)?;
    require_media_type(&headers, "application/json")?;
    let limits = &state.config.limits;
    let (bytes, _memory) = state
        .read_body(
            client.map(|Extension(c)| c),
            &headers,
            body,
            limits.max_document_bytes,
        )
        .await?;
    check_depth(&bytes, limits.max_json_depth)?;
    let today = state.config.today.date();
    let verdict = state
        .run_check(move || {
            let text = std::str::from_utf8(&bytes).map_err(|_| ApiError::NotUtf8)?;
            let doc = Document::from_json(text)?;
            Ok(Verdict::of(form, &doc, today))
        })
        .await?;
    let summary = CheckSummary {
        form: &form.id,
        valid: verdict.valid,
        findings: verdict.findings.len(),
    };
    let mut response = Json(verdict).into_response();
    response.extensions_mut().insert(summary);
    Ok(response)
}

/// The body of a verify answer: the report as `aanvraagwijzer verify --json`
/// prints it, with `ok` and a Dutch headline in front.
#[derive(Debug, Serialize)]
pub(crate) struct VerifyAnswer {
    ok: bool,
    headline: String,
    #[serde(flatten)]
    report: VerifyReport,
}

/// Media types a ZIP arrives with (browsers on Windows say x-zip-compressed).
const ZIP_TYPES: [&str; 3] = [
    "application/zip",
    "application/x-zip-compressed",
    "application/octet-stream",
];

/// `POST /api/v1/verify`: checks a package (ZIP body): hashes, manifest,
/// the PDF rendered again and compared byte for byte, and the answers
/// validated again. An intact package is `200`
/// (with `ok: false` when the request is incomplete); a tampered one is
/// `422 package-tampered` with the report; an unreadable one a `4xx`.
pub(crate) async fn verify_package(
    State(state): Shared,
    client: Option<Extension<ClientAddr>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if !ZIP_TYPES
        .iter()
        .any(|t| require_media_type(&headers, t).is_ok())
    {
        return Err(ApiError::UnsupportedMediaType {
            expected: "application/zip",
        });
    }
    let limits = &state.config.limits;
    let (bytes, _memory) = state
        .read_body(
            client.map(|Extension(c)| c),
            &headers,
            body,
            limits.max_package_bytes,
        )
        .await?;
    let package_limits = PackageLimits {
        max_package_bytes: limits.max_package_bytes as u64,
        ..PackageLimits::default()
    };
    let forms = state.config.forms();
    let report = state
        .run_check(move || {
            Ok(verify_with(
                &bytes,
                &package_limits,
                chrono::Utc::now(),
                forms,
            )?)
        })
        .await?;
    if !report.intact {
        return Err(ApiError::Tampered(Box::new(report)));
    }
    let summary = CheckSummary {
        form: forms
            .iter()
            .find(|f| f.id == report.verdict.form)
            .map_or("(onbekend)", |f| f.id.as_str()),
        valid: report.verdict.valid,
        findings: report.verdict.findings.len(),
    };
    let mut response = Json(VerifyAnswer {
        ok: report.ok(),
        headline: report.headline_nl(),
        report,
    })
    .into_response();
    response.extensions_mut().insert(summary);
    Ok(response)
}

#[derive(Debug, Serialize)]
pub(crate) struct Health {
    status: &'static str,
    core_version: &'static str,
    forms: usize,
}

/// `GET /api/v1/health`: for load balancers and monitoring.
pub(crate) async fn health(State(state): Shared) -> Json<Health> {
    Json(Health {
        status: "ok",
        core_version: aanvraagwijzer::CORE_VERSION,
        forms: state.config.forms().len(),
    })
}

/// `GET /api/v1/openapi.json`: the API described as OpenAPI 3.1.
pub(crate) async fn openapi(State(state): Shared) -> Json<serde_json::Value> {
    Json(crate::openapi::document(state.config.forms()))
}

/// Any path under `/api` without a route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// A route with the wrong method.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
