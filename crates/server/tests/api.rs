//! Every endpoint of the API, as an SWV's system would call it.

mod common;

use std::path::PathBuf;

use aanvraagwijzer::{find_form, forms, Verdict};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;

const TLV: &str = "/api/v1/forms/rsv-breda-vo/tlv-vso";

fn tlv_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("rsv-breda-vo/tlv-vso").join(name))
        .expect("fixture")
}

#[tokio::test]
async fn forms_lists_every_embedded_form_with_links() {
    let (status, body) = json(get(&app(), "/api/v1/forms").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["core_version"], aanvraagwijzer::CORE_VERSION);
    let listed = body["forms"].as_array().expect("forms array");
    assert_eq!(listed.len(), forms().len());
    for (entry, form) in listed.iter().zip(forms()) {
        assert_eq!(entry["id"], form.id.as_str());
        assert_eq!(entry["version"], form.version.as_str());
        assert_eq!(entry["title"], form.title.as_str());
        assert_eq!(entry["swv"], form.swv());
        assert_eq!(
            entry["links"]["validate"],
            format!("/api/v1/forms/{}/validate", form.id)
        );
    }
}

#[tokio::test]
async fn every_listed_link_answers() {
    let app = app();
    let (_, body) = json(get(&app, "/api/v1/forms").await).await;
    for entry in body["forms"].as_array().expect("forms") {
        for link in ["definition", "schema"] {
            let uri = entry["links"][link].as_str().expect("link");
            let response = get(&app, uri).await;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
        }
    }
}

#[tokio::test]
async fn form_definition_is_the_embedded_form() {
    let (status, body) = json(get(&app(), TLV).await).await;
    assert_eq!(status, StatusCode::OK);
    let form = find_form("rsv-breda-vo/tlv-vso").expect("form");
    assert_eq!(body, serde_json::to_value(form).expect("form json"));
}

#[tokio::test]
async fn schema_is_served_as_schema_json() {
    let response = get(&app(), &format!("{TLV}/schema")).await;
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/schema+json"
    );
    let (status, body) = json(response).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(body["properties"]["form"]["const"], "rsv-breda-vo/tlv-vso");
    assert!(body["properties"]["answers"]["properties"]["bsn"].is_object());
}

#[tokio::test]
async fn validate_gives_the_cores_verdict_for_a_complete_request() {
    let text = tlv_fixture("valid-daan-bakker.json");
    let (status, body) =
        json(post_json(&app(), &format!("{TLV}/validate"), text.clone()).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["valid"], true);
    assert_eq!(body["form"], "rsv-breda-vo/tlv-vso");
    assert_eq!(body["core_version"], aanvraagwijzer::CORE_VERSION);
    let form = find_form("rsv-breda-vo/tlv-vso").expect("form");
    let doc = aanvraagwijzer::Document::from_json(&text).expect("fixture reads");
    let expected = Verdict::of(form, &doc, today());
    let got: Verdict = serde_json::from_value(body).expect("verdict shape");
    assert_eq!(got, expected);
}

#[tokio::test]
async fn validate_reports_blocking_findings_with_dutch_messages() {
    let text = tlv_fixture("invalid-typos-and-gaps.json");
    let (status, body) = json(post_json(&app(), &format!("{TLV}/validate"), text).await).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "findings are an answer, not an error"
    );
    assert_eq!(body["valid"], false);
    let findings = body["findings"].as_array().expect("findings");
    assert!(findings.iter().any(|f| f["severity"] == "fout"));
    for f in findings {
        assert!(f["path"].as_str().expect("path").starts_with('/'));
        assert!(!f["message"].as_str().expect("message").is_empty());
    }
}

#[tokio::test]
async fn validate_against_another_form_says_so_in_a_finding() {
    let text = tlv_fixture("valid-daan-bakker.json");
    let uri = "/api/v1/forms/rsv-breda-vo/arrangementsverklaring/validate";
    let (status, body) = json(post_json(&app(), uri, text).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["valid"], false);
    assert_eq!(body["findings"][0]["code"], "form-mismatch");
}

#[tokio::test]
async fn validate_uses_the_configured_date() {
    // A signature dated in the future of the server's day is an error.
    let text = tlv_fixture("valid-daan-bakker.json");
    let mut config = config();
    config.today = aanvraagwijzer_server::Today::Fixed(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
    );
    let app = aanvraagwijzer_server::router(config);
    let (_, body) = json(post_json(&app, &format!("{TLV}/validate"), text).await).await;
    assert_eq!(body["valid"], false);
    assert_eq!(body["checked_on"], "01-11-2026");
    assert!(body["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["code"] == "date-in-future"));
}

#[tokio::test]
async fn health_says_ok() {
    let (status, body) = json(get(&app(), "/api/v1/health").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["forms"], forms().len());
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_json_errors() {
    let app = app();
    assert_error(
        get(&app, "/api/v1/nope").await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    assert_error(
        get(&app, "/api/v2/forms").await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    assert_error(get(&app, "/api").await, StatusCode::NOT_FOUND, "not-found").await;
    assert_error(
        get(&app, &format!("{TLV}/validate")).await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
    )
    .await;
    let delete = Request::builder()
        .method(Method::DELETE)
        .uri("/api/v1/forms")
        .body(Body::empty())
        .expect("request");
    assert_error(
        send(&app, delete).await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
    )
    .await;
}

#[tokio::test]
async fn api_answers_are_not_cached_and_carry_security_headers() {
    let response = get(&app(), "/api/v1/forms").await;
    let h = response.headers();
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().expect("csp");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(csp.contains("default-src 'none'"));
}

/// A site folder in the temp dir, with an inline bootstrap script.
fn site_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aanvraagwijzer-server-{test}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(dir.join("pkg")).expect("temp dir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=\"nl\"><head><link rel=\"stylesheet\" href=\"/style.css\">\
         <script type=\"module\">import init from '/pkg/site.js'; init();</script></head>\
         <body></body></html>",
    )
    .expect("index");
    std::fs::write(dir.join("pkg/site_bg.wasm"), b"\0asm\x01\0\0\0").expect("wasm");
    std::fs::write(dir.join("style.css"), "body{margin:0}").expect("css");
    dir
}

#[tokio::test]
async fn site_is_served_with_a_strict_csp_that_allows_its_own_wasm() {
    let dir = site_dir("csp");
    let app = aanvraagwijzer_server::router(aanvraagwijzer_server::Config {
        dist_dir: Some(dir.clone()),
        ..config()
    });
    let response = get(&app, "/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let h = response.headers().clone();
    let csp = h[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp")
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "inline bootstrap allowed by hash: {csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("http"), "nothing from elsewhere: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert!(String::from_utf8(bytes(response).await)
        .expect("html")
        .contains("lang=\"nl\""));

    let wasm = get(&app, "/pkg/site_bg.wasm").await;
    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(wasm.headers()[header::CONTENT_TYPE], "application/wasm");

    // The app routes with the hash; a path that is no file is a 404 that
    // says where to start, never the app's page in disguise.
    let missing = get(&app, "/css/bestaat-niet.css").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(String::from_utf8(bytes(missing).await)
        .expect("text")
        .contains("voorpagina"));
    let css = get(&app, "/style.css").await;
    assert!(css.headers()[header::CONTENT_TYPE]
        .to_str()
        .expect("type")
        .starts_with("text/css"));

    // No way out of the site folder.
    let escape = get(&app, "/../Cargo.toml").await;
    assert!(!String::from_utf8(bytes(escape).await)
        .expect("text")
        .contains("[package]"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn without_a_site_the_api_still_works_and_the_site_path_says_why() {
    let app = app();
    let response = get(&app, "/").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let text = String::from_utf8(bytes(response).await).expect("text");
    assert!(text.contains("alleen de API"), "{text}");
}

#[tokio::test]
async fn openapi_describes_every_route_and_each_answers() {
    let app = app();
    let (status, doc) = json(get(&app, "/api/v1/openapi.json").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");
    for route in [
        "/api/v1/forms",
        "/api/v1/forms/{swv}/{form}",
        "/api/v1/forms/{swv}/{form}/schema",
        "/api/v1/forms/{swv}/{form}/validate",
        "/api/v1/verify",
        "/api/v1/health",
        "/api/v1/openapi.json",
    ] {
        assert!(paths.contains_key(route), "{route} undocumented");
    }
    for (route, item) in paths {
        let uri = route
            .replace("{swv}", "rsv-breda-vo")
            .replace("{form}", "tlv-vso");
        if item.get("get").is_some() {
            assert_eq!(get(&app, &uri).await.status(), StatusCode::OK, "{uri}");
        }
        if item.get("post").is_some() {
            let status = post_json(&app, &uri, "{}").await.status();
            assert_ne!(status, StatusCode::NOT_FOUND, "{uri}");
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{uri}");
        }
    }
}
