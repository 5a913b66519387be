//! The site's files as a browser gets them: the brotli or gzip copy the build
//! wrote when the browser accepts it, the plain file otherwise, hashed files
//! cacheable for a year, HTML revalidated, and the CSP on all of them.

mod common;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use axum::Router;
use common::*;

const WASM: &str = "/pkg/site_bg.0123456789abcdef.wasm";
const CSS: &str = "/css/site.fedcba9876543210.css";

/// A built site as `xtask build-site` leaves it: hashed names, and `.br` and
/// `.gz` copies (with recognisable contents, so a test sees which was sent).
fn site() -> (Router, PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "aanvraagwijzer-server-static-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    for sub in ["pkg", "css"] {
        std::fs::create_dir_all(dir.join(sub)).expect("temp dir");
    }
    let files: [(&str, &[u8]); 3] = [
        ("index.html", b"<!doctype html><html lang=\"nl\"></html>"),
        (&WASM[1..], b"\0asm\x01\0\0\0"),
        (&CSS[1..], b"body{margin:0}"),
    ];
    for (name, plain) in files {
        std::fs::write(dir.join(name), plain).expect("file");
        std::fs::write(dir.join(format!("{name}.br")), b"BROTLI").expect("br");
        std::fs::write(dir.join(format!("{name}.gz")), b"GZIP").expect("gz");
    }
    let app = aanvraagwijzer_server::router(aanvraagwijzer_server::Config {
        dist_dir: Some(dir.clone()),
        ..config()
    });
    (app, dir)
}

async fn get_with(app: &Router, uri: &str, accept_encoding: Option<&str>) -> Response<Body> {
    let mut request = Request::builder().uri(uri);
    if let Some(value) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, value);
    }
    send(app, request.body(Body::empty()).expect("request")).await
}

fn header_of(response: &Response<Body>, name: header::HeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii").to_owned())
}

#[tokio::test]
async fn brotli_is_sent_when_the_browser_accepts_it() {
    let (app, dir) = site();
    for uri in [WASM, CSS, "/"] {
        let response = get_with(&app, uri, Some("gzip, deflate, br, zstd")).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(
            header_of(&response, header::CONTENT_ENCODING).as_deref(),
            Some("br"),
            "{uri}"
        );
        assert_eq!(
            header_of(&response, header::VARY).as_deref(),
            Some("accept-encoding"),
            "{uri}"
        );
        let content_type = header_of(&response, header::CONTENT_TYPE).expect("type");
        assert!(
            !content_type.contains("brotli") && !content_type.contains("octet"),
            "{uri}: {content_type}"
        );
        assert_eq!(bytes(response).await, b"BROTLI", "{uri}");
    }
    let wasm = get_with(&app, WASM, Some("br")).await;
    assert_eq!(
        header_of(&wasm, header::CONTENT_TYPE).as_deref(),
        Some("application/wasm")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn gzip_is_the_fallback_and_plain_bytes_the_last_resort() {
    let (app, dir) = site();
    let gzip = get_with(&app, WASM, Some("gzip, deflate")).await;
    assert_eq!(
        header_of(&gzip, header::CONTENT_ENCODING).as_deref(),
        Some("gzip")
    );
    assert_eq!(
        header_of(&gzip, header::VARY).as_deref(),
        Some("accept-encoding")
    );
    assert_eq!(bytes(gzip).await, b"GZIP");

    for accept in [None, Some("identity"), Some("deflate")] {
        let plain = get_with(&app, WASM, accept).await;
        assert_eq!(plain.status(), StatusCode::OK, "{accept:?}");
        assert_eq!(
            header_of(&plain, header::CONTENT_ENCODING),
            None,
            "{accept:?}"
        );
        assert_eq!(
            header_of(&plain, header::VARY).as_deref(),
            Some("accept-encoding")
        );
        assert_eq!(bytes(plain).await, b"\0asm\x01\0\0\0", "{accept:?}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn hashed_files_are_immutable_and_html_is_revalidated() {
    let (app, dir) = site();
    for uri in [WASM, CSS] {
        let response = get_with(&app, uri, Some("br")).await;
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL).as_deref(),
            Some("public, max-age=31536000, immutable"),
            "{uri}"
        );
    }
    for uri in ["/", "/index.html"] {
        let response = get_with(&app, uri, Some("br")).await;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(
            header_of(&response, header::CACHE_CONTROL).as_deref(),
            Some("no-cache"),
            "{uri}"
        );
    }
    // A hashed-looking name that is no file is not kept for a year.
    let missing = get_with(&app, "/pkg/gone.0000000000000000.wasm", Some("br")).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header_of(&missing, header::CACHE_CONTROL).as_deref(),
        Some("no-cache")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn compressed_answers_keep_the_csp_and_security_headers() {
    let (app, dir) = site();
    for (uri, accept) in [("/", Some("br")), (WASM, Some("gzip")), (CSS, None)] {
        let response = get_with(&app, uri, accept).await;
        let csp = header_of(&response, header::CONTENT_SECURITY_POLICY).expect("csp");
        assert!(csp.contains("default-src 'none'"), "{uri}: {csp}");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{uri}: {csp}"
        );
        assert_eq!(
            header_of(&response, header::X_CONTENT_TYPE_OPTIONS).as_deref(),
            Some("nosniff")
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
