//! The built site (`site/dist`) as static files: precompressed and cacheable.
//!
//! `xtask build-site` writes `<file>.br` and `<file>.gz` next to every text and
//! wasm file, and gives scripts, wasm and CSS content-hashed names
//! (`name.<16 hex>.ext`). This service sends the brotli or gzip copy when the
//! browser accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), lets
//! browsers keep hashed files for a year without asking again, and makes them
//! revalidate everything else (HTML, licence texts) so a new build shows at once.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;

/// `Cache-Control` of a content-hashed file: its name changes with its bytes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of every other file: keep, but ask each time (a `304` is cheap).
pub const REVALIDATE: &str = "no-cache";

/// Hex digits of the content hash in a file name (as `xtask` writes them).
const HASH_LEN: usize = 16;

/// The site in `dir`: files, their `.br`/`.gz` copies, cache headers; a path
/// that is no file gets `not_found`.
pub fn service(dir: &Path, not_found: axum::routing::MethodRouter) -> Router {
    // The site routes with the URL's hash (`/#/rsv-breda-vo/tlv-vso`): a path
    // that is no file is a plain 404, never the app's page (which would turn
    // a missing stylesheet into HTML).
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(not_found);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(static_headers))
}

/// Whether the last path segment has the shape `<stem>.<16 lowercase hex>.<ext>`.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.rsplitn(3, '.');
    let (Some(ext), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !ext.is_empty()
        && !stem.is_empty()
        && hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

async fn static_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    // A 404 for a hashed-looking name must not be kept for a year.
    let ok = response.status().is_success() || response.status().as_u16() == 304;
    let cache = if hashed && ok { IMMUTABLE } else { REVALIDATE };
    let headers = response.headers_mut();
    // Every file may have a compressed copy, so caches must key on the
    // encoding the browser asked for.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised_by_shape() {
        assert!(is_hashed(
            "/pkg/aanvraagwijzer_site_bg.0123456789abcdef.wasm"
        ));
        assert!(is_hashed("/css/utrecht.0123456789abcdef.css"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/main.js"));
        assert!(!is_hashed("/css/utrecht-LICENSE.md"));
        assert!(
            !is_hashed("/x.0123456789ABCDEF.js"),
            "upper case is not ours"
        );
        assert!(!is_hashed("/x.0123456789abcde.js"), "15 digits");
        assert!(!is_hashed("/.0123456789abcdef.js"), "no stem");
    }
}
