//! API errors: a stable code for programs, a Dutch message for people.
//!
//! Every error the API gives is JSON: `{"code": "...", "message": "..."}`,
//! sometimes with `line`/`column` (where a JSON text went wrong) or `limit`.
//! Messages never repeat what the client sent: a body may hold pupil data.

use aanvraagwijzer_package::PackageError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The stable code of an error response, also put in the response's
/// extensions so the access log can name it without reading the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode(pub &'static str);

/// Everything the API can refuse or fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No route at this path.
    #[error("no route for this path")]
    NotFound,
    /// The route exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// No embedded form with this id.
    #[error("unknown form {0}")]
    FormNotFound(String),
    /// The body is not declared as the type the endpoint reads.
    #[error("content type is not {expected}")]
    UnsupportedMediaType {
        /// The media type the endpoint reads.
        expected: &'static str,
    },
    /// The body is larger than allowed.
    #[error("body larger than {limit} bytes")]
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The client took too long to send its request.
    #[error("request body not received within the time limit")]
    RequestTimeout,
    /// The body is not UTF-8.
    #[error("body is not UTF-8")]
    NotUtf8,
    /// The JSON nests deeper than allowed.
    #[error("JSON nested deeper than {limit} levels")]
    JsonTooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// The body is not JSON, or not a document.
    #[error("document could not be read: {0}")]
    Document(#[from] aanvraagwijzer::DocumentError),
    /// Processing took longer than the server allows.
    #[error("request not handled within the time limit")]
    Busy,
    /// The client's address already has the maximum of uploads in progress.
    #[error("{max} uploads from this client address at once already")]
    TooManyUploads {
        /// Uploads allowed at once per client address.
        max: usize,
    },
    /// The package cannot be read at all (not a ZIP, hostile, unknown form).
    #[error("package could not be read: {0}")]
    Package(#[from] aanvraagwijzer_package::PackageError),
    /// The package was changed after it was made; the report says how.
    #[error("package was tampered with")]
    Tampered(Box<aanvraagwijzer_package::VerifyReport>),
    /// A bug: a panic or a failed background task.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound | ApiError::FormNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::NotUtf8 | ApiError::JsonTooDeep { .. } => StatusCode::BAD_REQUEST,
            ApiError::Document(e) => match e {
                aanvraagwijzer::DocumentError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                aanvraagwijzer::DocumentError::Json { .. } => StatusCode::BAD_REQUEST,
                aanvraagwijzer::DocumentError::Shape { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            },
            ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::TooManyUploads { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Package(e) => match e {
                PackageError::TooLarge { .. }
                | PackageError::TooManyEntries { .. }
                | PackageError::EntryTooLarge { .. }
                | PackageError::TotalTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            },
            ApiError::Tampered(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound => "not-found",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::FormNotFound(_) => "form-not-found",
            ApiError::UnsupportedMediaType { .. } => "unsupported-media-type",
            ApiError::BodyTooLarge { .. } => "body-too-large",
            ApiError::RequestTimeout => "request-timeout",
            ApiError::NotUtf8 => "not-utf8",
            ApiError::JsonTooDeep { .. } => "json-too-deep",
            ApiError::Document(e) => match e {
                aanvraagwijzer::DocumentError::TooLarge { .. } => "body-too-large",
                aanvraagwijzer::DocumentError::Json { .. } => "json-invalid",
                aanvraagwijzer::DocumentError::Shape { .. } => "document-invalid",
            },
            ApiError::Busy => "server-busy",
            ApiError::TooManyUploads { .. } => "too-many-uploads",
            ApiError::Package(e) => package_code(e),
            ApiError::Tampered(_) => "package-tampered",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The Dutch message for people: what went wrong and what to do.
    pub fn message_nl(&self) -> String {
        match self {
            ApiError::NotFound => {
                "Dit adres bestaat niet. De API staat onder /api/v1/, bijvoorbeeld GET /api/v1/forms.".into()
            }
            ApiError::MethodNotAllowed => {
                "Deze methode kan hier niet. Lees formulieren en schema's met GET en stuur aanvragen en pakketten met POST.".into()
            }
            ApiError::FormNotFound(id) => format!(
                "Het formulier \"{id}\" bestaat niet. Vraag de lijst met formulieren op met GET /api/v1/forms."
            ),
            ApiError::UnsupportedMediaType { expected } => format!(
                "Stuur de inhoud als {expected} en zet dat in de kop Content-Type."
            ),
            ApiError::BodyTooLarge { limit } => format!(
                "De inhoud is groter dan de toegestane {}. Stuur alleen de aanvraag zelf.",
                human_bytes(*limit)
            ),
            ApiError::RequestTimeout => {
                "Het versturen duurde te lang en is afgebroken. Probeer het opnieuw.".into()
            }
            ApiError::NotUtf8 => {
                "De inhoud is geen tekst in UTF-8. Stuur het JSON-bestand zoals Aanvraagwijzer het heeft opgeslagen.".into()
            }
            ApiError::JsonTooDeep { limit } => format!(
                "De JSON is dieper genest dan {limit} niveaus. Een aanvraag van Aanvraagwijzer is veel eenvoudiger: stuur het opgeslagen bestand."
            ),
            ApiError::Document(e) => e.message_nl(),
            ApiError::Busy => {
                "De server is op dit moment te druk. Probeer het over een minuut opnieuw.".into()
            }
            ApiError::TooManyUploads { max } => format!(
                "Vanaf uw adres worden al {max} aanvragen of pakketten tegelijk verstuurd. Wacht tot die klaar zijn en probeer het dan opnieuw."
            ),
            ApiError::Package(e) => e.message_nl(),
            ApiError::Tampered(report) => report.headline_nl(),
            ApiError::Internal(_) => {
                "Er ging iets mis op de server. Probeer het later opnieuw; blijft het misgaan, meld het dan aan de beheerder.".into()
            }
        }
    }
}

/// The JSON body of an error response.
#[derive(Debug, Serialize)]
struct ErrorBody {
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<usize>,
    /// For a tampered package: the whole verify report (what changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Box<aanvraagwijzer_package::VerifyReport>>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (line, column) = match &self {
            ApiError::Document(aanvraagwijzer::DocumentError::Json { line, column, .. }) => {
                (Some(*line), Some(*column))
            }
            _ => (None, None),
        };
        let limit = match &self {
            ApiError::BodyTooLarge { limit }
            | ApiError::JsonTooDeep { limit }
            | ApiError::TooManyUploads { max: limit } => Some(*limit),
            ApiError::Document(aanvraagwijzer::DocumentError::TooLarge { max, .. }) => Some(*max),
            _ => None,
        };
        let code = self.code();
        let status = self.status();
        let message = self.message_nl();
        let report = match self {
            ApiError::Tampered(report) => Some(report),
            _ => None,
        };
        let body = ErrorBody {
            code,
            message,
            line,
            column,
            limit,
            report,
        };
        let mut response = (status, axum::Json(body)).into_response();
        if code == "request-timeout" {
            // The rest of a slow body is not worth waiting for.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        if code == "too-many-uploads" || code == "server-busy" {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("10"));
        }
        response.extensions_mut().insert(ErrorCode(code));
        response
    }
}

/// The stable code of a package that cannot be read: `package-` and the kind.
fn package_code(e: &PackageError) -> &'static str {
    match e {
        PackageError::NotZip => "package-not-zip",
        PackageError::TooLarge { .. } => "package-too-large",
        PackageError::TooManyEntries { .. } => "package-too-many-entries",
        PackageError::EntryTooLarge { .. } => "package-entry-too-large",
        PackageError::TotalTooLarge { .. } => "package-total-too-large",
        PackageError::Overlapping { .. } => "package-overlapping-entries",
        PackageError::Zip64 => "package-zip64",
        PackageError::Compressed { .. } => "package-compressed",
        PackageError::Encrypted { .. } => "package-encrypted",
        PackageError::UnsafeName { .. } => "package-unsafe-name",
        PackageError::DuplicateName { .. } => "package-duplicate-name",
        PackageError::Corrupt { .. } => "package-corrupt",
        PackageError::MissingFile { .. } => "package-missing-file",
        PackageError::Manifest { .. } => "package-manifest-invalid",
        PackageError::Document(_) => "package-document-invalid",
        PackageError::UnknownForm { .. } => "package-unknown-form",
        PackageError::UnknownFormVersion { .. } => "package-unknown-form-version",
        PackageError::OtherDefinition { .. } => "package-other-form-definition",
        PackageError::UnportableName { .. } => "package-unportable-name",
        // Only making a package gives these; the service reads packages.
        PackageError::AttachmentMissing { .. }
        | PackageError::AttachmentNotAsked { .. }
        | PackageError::AttachmentOtherSize { .. } => "package-attachments-differ",
        // The service has the font compiled in; only the browser's module
        // can be without it.
        PackageError::FontsMissing => "pdf-font-missing",
    }
}

/// "2 MB", "512 kB": limits as people read them.
fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 && n % (1024 * 1024) == 0 {
        format!("{} MB", n / (1024 * 1024))
    } else if n >= 1024 {
        format!("{} kB", n.div_ceil(1024))
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_bytes(2 * 1024 * 1024), "2 MB");
        assert_eq!(human_bytes(1500), "2 kB");
        assert_eq!(human_bytes(10), "10 bytes");
    }
}
