//! Hostile input: every bad request gets a clear 4xx JSON answer in Dutch,
//! never a panic, a hang or a 5xx.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use aanvraagwijzer_server::{router, serve_listener, Config, Limits};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;

const VALIDATE: &str = "/api/v1/forms/rsv-breda-vo/tlv-vso/validate";

#[tokio::test]
async fn malformed_json_is_400_with_line_and_column() {
    let app = app();
    for body in [
        "{",
        "{\"form\": }",
        "not json at all",
        "",
        "{\"form\":\"rsv-breda-vo/tlv-vso\",}",
        "\u{feff}{}",
        "[1, 2",
    ] {
        let response = post_json(&app, VALIDATE, body).await;
        let err = assert_error(response, StatusCode::BAD_REQUEST, "json-invalid").await;
        assert!(
            err["line"].is_u64() && err["column"].is_u64(),
            "{body}: {err}"
        );
    }
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_422() {
    let app = app();
    for body in [
        "null",
        "42",
        "\"rsv-breda-vo/tlv-vso\"",
        "[]",
        "{}",
        r#"{"form": 12, "form_version": "x"}"#,
        r#"{"form": "rsv-breda-vo/tlv-vso", "form_version": "01-11-2014", "answers": []}"#,
        r#"{"form": "rsv-breda-vo/tlv-vso", "form_version": "01-11-2014", "answers": "Jan de Vries"}"#,
    ] {
        let response = post_json(&app, VALIDATE, body).await;
        let err = assert_error(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "document-invalid",
        )
        .await;
        assert!(
            !err.to_string().contains("Jan de Vries"),
            "errors never echo input: {err}"
        );
    }
}

#[tokio::test]
async fn wrong_types_inside_answers_are_findings_not_errors() {
    // The document shape is right; each answer of a wrong type is a finding,
    // as in the browser.
    let body = serde_json::json!({
        "form": "rsv-breda-vo/tlv-vso",
        "form_version": "01-11-2014",
        "answers": {
            "achternaam": 12,
            "bsn": {"nested": [1, 2, 3]},
            "geboortedatum": true,
            "geslacht": ["man"],
            "bevoegd_gezag": "mr. H.J. van Dijk",
            "groeidocument": {"bestandsnaam": 7, "bevestigingen": "ja"},
        }
    });
    let (status, verdict) = json(post_json(&app(), VALIDATE, body.to_string()).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(verdict["valid"], false);
    let codes: Vec<&str> = verdict["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"wrong-type"), "{codes:?}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_whether_declared_or_not() {
    let limit = Limits::default().max_document_bytes;
    let big = vec![b' '; limit + 1];
    let app = app();
    let declared = post_json(&app, VALIDATE, big.clone()).await;
    assert_error(declared, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;

    // Streamed without Content-Length: cut off while reading.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..=limit / 65536).map(|_| Ok(vec![b' '; 65536])).collect();
    let stream = Body::from_stream(futures_util::stream::iter(chunks));
    let response = send(
        &app,
        Request::builder()
            .method(Method::POST)
            .uri(VALIDATE)
            .header(header::CONTENT_TYPE, "application/json")
            .body(stream)
            .expect("request"),
    )
    .await;
    let err = assert_error(response, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;
    assert_eq!(err["limit"], limit);
}

#[tokio::test]
async fn a_large_but_allowed_document_is_answered_quickly() {
    // Just under the limit: a very long text and a list of many items.
    let long = "a ".repeat(400_000);
    let body = serde_json::json!({
        "form": "rsv-breda-vo/tlv-vso",
        "form_version": "01-11-2014",
        "answers": { "achternaam": long, "onbekend": vec!["x"; 50_000] }
    })
    .to_string();
    assert!(body.len() < Limits::default().max_document_bytes);
    let start = Instant::now();
    let (status, verdict) = json(post_json(&app(), VALIDATE, body).await).await;
    assert_eq!(status, StatusCode::OK);
    assert!(verdict["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["code"] == "too-long"));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn many_unknown_answers_do_not_slow_the_server_down() {
    let mut answers = serde_json::Map::new();
    for i in 0..60_000 {
        answers.insert(format!("k{i}"), serde_json::Value::from("x"));
    }
    let body = serde_json::json!({
        "form": "rsv-breda-vo/tlv-vso", "form_version": "01-11-2014", "answers": answers
    })
    .to_string();
    let start = Instant::now();
    let (status, _) = json(post_json(&app(), VALIDATE, body).await).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn deep_json_is_400_before_it_is_parsed() {
    let app = app();
    let limit = Limits::default().max_json_depth;
    let deep = format!(
        "{{\"form\":\"rsv-breda-vo/tlv-vso\",\"form_version\":\"x\",\"answers\":{{\"a\":{}{}}}}}",
        "[".repeat(limit),
        "]".repeat(limit)
    );
    let err = assert_error(
        post_json(&app, VALIDATE, deep).await,
        StatusCode::BAD_REQUEST,
        "json-too-deep",
    )
    .await;
    assert_eq!(err["limit"], limit);
    // Far deeper than any parser's recursion: still a plain 400.
    let abyss = "[".repeat(500_000);
    assert_error(
        post_json(&app, VALIDATE, abyss).await,
        StatusCode::BAD_REQUEST,
        "json-too-deep",
    )
    .await;
}

#[tokio::test]
async fn nesting_the_real_forms_use_is_accepted() {
    // List items with attachments and confirmations: the deepest real shape.
    let body = r#"{"form":"rsv-breda-vo/tlv-vso","form_version":"01-11-2014",
        "answers":{"x":[{"y":{"bevestigingen":[[true]]}}]}}"#;
    let (status, _) = json(post_json(&app(), VALIDATE, body).await).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_forms_are_404_before_the_body_is_read() {
    let app = app();
    for uri in [
        "/api/v1/forms/rsv-breda-vo/bestaat-niet/validate",
        "/api/v1/forms/onbekend/tlv-vso/validate",
        "/api/v1/forms/..%2F..%2Fetc/passwd/validate",
        "/api/v1/forms/%FF%FE/x/validate",
    ] {
        let response = post_json(&app, uri, "{").await;
        let err = json(response).await;
        assert_eq!(err.0, StatusCode::NOT_FOUND, "{uri}: {}", err.1);
        assert!(looks_dutch(err.1["message"].as_str().expect("message")));
    }
    assert_error(
        get(&app, "/api/v1/forms/onbekend/formulier/schema").await,
        StatusCode::NOT_FOUND,
        "form-not-found",
    )
    .await;
}

#[tokio::test]
async fn a_body_that_is_not_declared_json_is_415() {
    let app = app();
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let mut request = Request::builder().method(Method::POST).uri(VALIDATE);
        if let Some(t) = content_type {
            request = request.header(header::CONTENT_TYPE, t);
        }
        let response = send(&app, request.body(Body::from("{}")).expect("request")).await;
        assert_error(
            response,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        )
        .await;
    }
}

#[tokio::test]
async fn a_body_that_is_not_utf8_is_400() {
    let body = b"{\"form\": \"\xff\xfe\"}".to_vec();
    assert_error(
        post_json(&app(), VALIDATE, body).await,
        StatusCode::BAD_REQUEST,
        "not-utf8",
    )
    .await;
}

#[tokio::test]
async fn odd_paths_and_queries_do_not_break_anything() {
    let app = app();
    for uri in [
        "/api/v1/forms?bsn=111222333",
        "/api/v1/forms/rsv-breda-vo/tlv-vso/schema?x=%00",
        "/api/v1//forms",
        "/api/v1/forms/a/b/c/d/e",
    ] {
        let response = get(&app, uri).await;
        assert!(
            response.status().is_success() || response.status().is_client_error(),
            "{uri}: {}",
            response.status()
        );
        let _ = json(response).await;
    }
}

/// Starts a real server on 127.0.0.1:0 with short timeouts; returns its
/// address and a handle that stops it.
async fn start_server(limits: Limits) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = Config { limits, ..config() };
    tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        serve_listener(listener, config, shutdown)
            .await
            .expect("server runs");
    });
    (addr, stop)
}

fn short_limits() -> Limits {
    Limits {
        header_timeout: Duration::from_millis(500),
        body_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_secs(5),
        shutdown_grace: Duration::from_secs(2),
        ..Limits::default()
    }
}

/// Reads what the server sends until it closes or `within` passes.
fn read_all(stream: &mut TcpStream, within: Duration) -> String {
    stream.set_read_timeout(Some(within)).expect("read timeout");
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_sends_its_body_too_slowly_gets_408() {
    let (addr, stop) = start_server(short_limits()).await;
    let answer = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        let head = format!(
            "POST {VALIDATE} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"form\":"
        );
        s.write_all(head.as_bytes()).expect("write head");
        // ...and then nothing more: the rest of the body never comes.
        let start = Instant::now();
        let answer = read_all(&mut s, Duration::from_secs(5));
        (answer, start.elapsed())
    })
    .await
    .expect("client thread");
    let (answer, took) = answer;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"request-timeout\""), "{answer}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let (addr, stop) = start_server(short_limits()).await;
    let (answer, took) = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"POST /api/v1/forms HTTP/1.1\r\nHost: local")
            .expect("write part of the head");
        let start = Instant::now();
        (read_all(&mut s, Duration::from_secs(5)), start.elapsed())
    })
    .await
    .expect("client thread");
    // hyper answers 408 or just closes; either way the connection is freed.
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    assert!(took < Duration::from_secs(3), "{took:?}");
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_on_the_wire_gets_400_or_a_close() {
    let (addr, stop) = start_server(short_limits()).await;
    let answer = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n")
            .expect("write");
        read_all(&mut s, Duration::from_secs(3))
    })
    .await
    .expect("client thread");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 400"),
        "{answer}"
    );
    // The server still serves others.
    let ok = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .expect("write");
        read_all(&mut s, Duration::from_secs(3))
    })
    .await
    .expect("client thread");
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_a_request_in_flight_finish() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        limits: Limits {
            body_timeout: Duration::from_secs(5),
            ..short_limits()
        },
        ..config()
    };
    let server = tokio::spawn(serve_listener(listener, config, async {
        let _ = stopped.await;
    }));
    let text =
        std::fs::read_to_string(fixtures_dir().join("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"))
            .expect("fixture");
    let client = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        let head = format!(
            "POST {VALIDATE} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            text.len()
        );
        s.write_all(head.as_bytes()).expect("head");
        let (first, rest) = text.as_bytes().split_at(10);
        s.write_all(first).expect("first part");
        // Shutdown is asked while the body is still coming.
        std::thread::sleep(Duration::from_millis(300));
        s.write_all(rest).expect("rest");
        read_all(&mut s, Duration::from_secs(3))
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let _ = stop.send(());
    let answer = client.await.expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"valid\":true"), "{answer}");
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("server stops after the request")
        .expect("task")
        .expect("serve ok");
    // And no new connections are taken.
    assert!(TcpStream::connect(addr).is_err());
}

#[tokio::test]
async fn a_slow_check_is_cut_off_by_the_request_time_limit() {
    // A check that takes far longer than a 1 ms limit: 60 000 answers
    // to parse and look up.
    let mut answers = serde_json::Map::new();
    for i in 0..60_000 {
        answers.insert(format!("k{i}"), serde_json::Value::from("x"));
    }
    let body = serde_json::json!({
        "form": "rsv-breda-vo/tlv-vso", "form_version": "01-11-2014", "answers": answers
    })
    .to_string();
    let config = Config {
        limits: Limits {
            request_timeout: Duration::from_millis(1),
            ..Limits::default()
        },
        ..config()
    };
    let response = post_json(&router(config), VALIDATE, body).await;
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "server-busy").await;
}

#[tokio::test]
async fn huge_lists_in_every_list_field_of_every_form_are_answered_in_time() {
    // As many list items as fit in the size limit, in every list field at
    // once: per-item rules must not make the check quadratic.
    let app = app();
    for form in aanvraagwijzer::forms() {
        let lists: Vec<&aanvraagwijzer::Field> = form
            .fields()
            .filter(|f| matches!(f.kind, aanvraagwijzer::FieldKind::List { .. }))
            .collect();
        if lists.is_empty() {
            continue;
        }
        let per_list = 400_000 / lists.len();
        let mut answers = serde_json::Map::new();
        for list in &lists {
            let aanvraagwijzer::FieldKind::List { fields, .. } = &list.kind else {
                continue;
            };
            // Each item answers every field with "1", so every per-item rule runs.
            let item: serde_json::Map<String, serde_json::Value> = fields
                .iter()
                .map(|sub| (sub.id.clone(), serde_json::Value::from("1")))
                .collect();
            let item = serde_json::Value::Object(item);
            let item_len = item.to_string().len() + 1;
            let n = per_list / item_len;
            answers.insert(list.id.clone(), serde_json::Value::Array(vec![item; n]));
        }
        let body = serde_json::json!({
            "form": form.id, "form_version": form.version, "answers": answers
        })
        .to_string();
        assert!(body.len() <= Limits::default().max_document_bytes);
        let start = Instant::now();
        let uri = format!("/api/v1/forms/{}/validate", form.id);
        let response = post_json(&app, &uri, body).await;
        assert_eq!(response.status(), StatusCode::OK, "{}", form.id);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(10), "{}: {took:?}", form.id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed() {
    let (addr, stop) = start_server(short_limits()).await;
    let (first, after_idle) = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("write");
        // The answer, read until the server goes quiet (it keeps the connection).
        let first = read_all(&mut s, Duration::from_millis(300));
        // Then the client says nothing; the header timeout frees the connection.
        let start = Instant::now();
        let after = read_all(&mut s, Duration::from_secs(4));
        (first, (after, start.elapsed()))
    })
    .await
    .expect("client thread");
    assert!(first.starts_with("HTTP/1.1 200"), "{first}");
    let (_, idle) = after_idle;
    assert!(
        idle < Duration::from_secs(3),
        "idle connection kept {idle:?}"
    );
    let _ = stop.send(());
}
