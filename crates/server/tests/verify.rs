//! `POST /api/v1/verify`: packages as an SWV receives them from Tommy —
//! intact, incomplete, tampered with, or hostile.

mod common;

use aanvraagwijzer::{find_form, Document};
use aanvraagwijzer_package::{build, verdict_at, zip, Attachment, Limits};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::NaiveDateTime;
use common::*;

const VERIFY: &str = "/api/v1/verify";

fn created() -> NaiveDateTime {
    made()
}

fn document(rel: &str) -> Document {
    fixture(rel)
}

/// A package as the site builds it.
fn package(rel: &str) -> Vec<u8> {
    let doc = document(rel);
    let form = find_form(&doc.form).expect("form");
    // The files the answers list, chosen at their fields.
    let (effective, _) = aanvraagwijzer_package::minimised(form, &doc, created());
    let attachments: Vec<_> = aanvraagwijzer::attachment_answers(form, &effective)
        .into_iter()
        .map(|a| Attachment {
            bytes: format!("%PDF {}", a.name).into_bytes(),
            name: a.name,
        })
        .collect();
    build(form, &doc, &attachments, created())
        .expect("package builds")
        .bytes
}

async fn post_zip(bytes: Vec<u8>, content_type: &str) -> axum::http::Response<Body> {
    send(
        &app(),
        Request::builder()
            .method(Method::POST)
            .uri(VERIFY)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(bytes))
            .expect("request"),
    )
    .await
}

const TLV_OK: &str = "rsv-breda-vo/tlv-vso/valid-daan-bakker.json";
const TLV_GAPS: &str = "rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json";

#[tokio::test]
async fn an_intact_complete_package_is_ok_with_the_cores_verdict() {
    let (status, body) = json(post_zip(package(TLV_OK), "application/zip").await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["ok"], true);
    assert_eq!(body["intact"], true);
    assert!(body["headline"]
        .as_str()
        .expect("headline")
        .contains("compleet"));
    let doc = document(TLV_OK);
    let form = find_form(&doc.form).expect("form");
    let expected = verdict_at(form, &doc, created());
    assert_eq!(
        body["verdict"],
        serde_json::to_value(&expected).expect("json")
    );
    assert_eq!(body["manifest"]["form"], "rsv-breda-vo/tlv-vso");
}

#[tokio::test]
async fn windows_zip_media_types_are_accepted_too() {
    for t in ["application/x-zip-compressed", "application/octet-stream"] {
        let response = post_zip(package(TLV_OK), t).await;
        assert_eq!(response.status(), StatusCode::OK, "{t}");
    }
}

#[tokio::test]
async fn an_intact_incomplete_package_is_an_answer_not_an_error() {
    let (status, body) = json(post_zip(package(TLV_GAPS), "application/zip").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["intact"], true);
    assert_eq!(body["ok"], false);
    assert_eq!(body["verdict"]["valid"], false);
}

fn replace_entry(zip_bytes: &[u8], name: &str, change: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let mut entries = zip::read(zip_bytes, &Limits::default()).expect("reads");
    for e in &mut entries {
        if e.name == name {
            e.data = change(&e.data);
        }
    }
    zip::write(&entries, created()).expect("writes")
}

#[tokio::test]
async fn a_tampered_package_is_422_naming_what_changed() {
    let original = package(TLV_OK);
    let changed = replace_entry(&original, "aanvraag.json", |d| {
        String::from_utf8_lossy(d)
            .replace("Bakker", "Backer")
            .into_bytes()
    });
    let body = assert_error(
        post_zip(changed, "application/zip").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "package-tampered",
    )
    .await;
    assert_eq!(body["report"]["intact"], false);
    let kinds: Vec<&str> = body["report"]["tampering"]
        .as_array()
        .expect("tampering list")
        .iter()
        .filter_map(|t| t["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"file-changed"), "{kinds:?}");
}

#[tokio::test]
async fn a_package_with_an_added_file_is_422() {
    let original = package(TLV_OK);
    let mut entries = zip::read(&original, &Limits::default()).expect("reads");
    entries.push(zip::Entry {
        name: "bijlagen/extra.pdf".into(),
        data: b"%PDF later toegevoegd".to_vec(),
    });
    let added = zip::write(&entries, created()).expect("writes");
    assert_error(
        post_zip(added, "application/zip").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "package-tampered",
    )
    .await;
}

#[tokio::test]
async fn every_single_flipped_byte_is_a_4xx_never_a_5xx_or_a_pass() {
    let original = package(TLV_OK);
    let app = app();
    // Every 7th byte keeps the test quick while touching every structure.
    for i in (0..original.len()).step_by(7) {
        let mut bytes = original.clone();
        bytes[i] ^= 0x5a;
        let response = send(
            &app,
            Request::builder()
                .method(Method::POST)
                .uri(VERIFY)
                .header(header::CONTENT_TYPE, "application/zip")
                .body(Body::from(bytes))
                .expect("request"),
        )
        .await;
        let (status, body) = json(response).await;
        assert!(
            status.is_client_error(),
            "byte {i} flipped: {status} {body}"
        );
        assert!(body["code"].as_str().expect("code").starts_with("package-"));
    }
}

#[tokio::test]
async fn not_a_zip_is_422() {
    for bytes in [
        b"".to_vec(),
        b"hello".to_vec(),
        b"PK\x03\x04garbage".to_vec(),
    ] {
        let body = json(post_zip(bytes, "application/zip").await).await;
        assert_eq!(body.0, StatusCode::UNPROCESSABLE_ENTITY, "{}", body.1);
        assert!(looks_dutch(body.1["message"].as_str().expect("message")));
    }
}

#[tokio::test]
async fn a_truncated_package_is_422() {
    let original = package(TLV_OK);
    let half = original[..original.len() / 2].to_vec();
    let (status, body) = json(post_zip(half, "application/zip").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[tokio::test]
async fn a_document_posted_as_a_package_is_415_or_422() {
    let text = std::fs::read(fixtures_dir().join(TLV_OK)).expect("fixture");
    assert_error(
        post_zip(text.clone(), "application/json").await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
    assert_error(
        post_zip(text, "application/zip").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "package-not-zip",
    )
    .await;
}

/// One central-directory entry claiming a huge unpacked size: a ZIP bomb.
fn bomb() -> Vec<u8> {
    let name = b"aanvraag.json";
    let data = [0u8; 1024];
    let mut out = Vec::new();
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    out.extend_from_slice(&[20, 0, 0, 0, 8, 0]);
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&1024u32.to_le_bytes());
    out.extend_from_slice(&(u32::MAX - 1).to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(name);
    out.extend_from_slice(&data);
    let cd_offset = out.len() as u32;
    let mut cd = Vec::new();
    cd.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    cd.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0]);
    cd.extend_from_slice(&[0; 8]);
    cd.extend_from_slice(&1024u32.to_le_bytes());
    cd.extend_from_slice(&(u32::MAX - 1).to_le_bytes());
    cd.extend_from_slice(&(name.len() as u16).to_le_bytes());
    cd.extend_from_slice(&[0; 12]);
    cd.extend_from_slice(&0u32.to_le_bytes());
    cd.extend_from_slice(name);
    out.extend_from_slice(&cd);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&(cd.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[tokio::test]
async fn a_zip_bomb_is_refused_before_unpacking() {
    let (status, body) = json(post_zip(bomb(), "application/zip").await).await;
    assert!(status.is_client_error(), "{status} {body}");
    assert!(
        body["code"] == "package-entry-too-large" || body["code"] == "package-compressed",
        "{body}"
    );
    assert!(body["message"].as_str().expect("message").contains("ZIP"));
}

#[tokio::test]
async fn a_package_over_the_size_limit_is_413_up_front() {
    let limit = aanvraagwijzer_server::Limits::default().max_package_bytes;
    let request = Request::builder()
        .method(Method::POST)
        .uri(VERIFY)
        .header(header::CONTENT_TYPE, "application/zip")
        .header(header::CONTENT_LENGTH, (limit + 1).to_string())
        .body(Body::empty())
        .expect("request");
    assert_error(
        send(&app(), request).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body-too-large",
    )
    .await;
}
