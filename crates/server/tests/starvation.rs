//! Clients that try to starve the service: they never read their answer,
//! upload nothing after declaring a large body, or read static files
//! slowly. Each test is bounded in count and time and uses loopback only.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use aanvraagwijzer_server::{serve_listener, Config, Limits};
use axum::http::StatusCode;
use common::*;

/// Starts a real server on 127.0.0.1:0; returns its address and a handle that stops it.
async fn start_server(config: Config) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
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

/// A site folder with an index page, a `pkg/` folder and one large file.
fn site_with_large_file(name: &str, large_bytes: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "aanvraagwijzer-starvation-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).expect("site dir");
    std::fs::write(dir.join("index.html"), "<!doctype html><title>x</title>").expect("index");
    std::fs::write(dir.join("pkg/app.js"), "export {};").expect("js");
    std::fs::write(dir.join("groot.wasm"), vec![0u8; large_bytes]).expect("large file");
    dir
}

/// One request on a fresh connection; the whole answer as text.
fn request(addr: SocketAddr, raw: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    s.write_all(raw.as_bytes()).expect("write");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Connects from a given loopback address (the whole of 127.0.0.0/8 is local).
async fn connect_from(local: [u8; 4], addr: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind(SocketAddr::from((local, 0)))
        .expect("bind a loopback source address");
    socket.connect(addr).await.expect("connect")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_is_cut_off_and_frees_its_slot() {
    // One connection slot only: while a slow reader holds it, nobody else
    // gets in, so the second request proves the slot came free.
    let dist = site_with_large_file("slow-reader", 32 * 1024 * 1024);
    let config = Config {
        dist_dir: Some(dist.clone()),
        limits: Limits {
            max_connections: 1,
            write_timeout: Duration::from_millis(500),
            ..Limits::default()
        },
        ..config()
    };
    let (addr, stop) = start_server(config).await;
    let slow = tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"GET /groot.wasm HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("write");
        // Read nothing for a while: the server's writes block.
        std::thread::sleep(Duration::from_secs(3));
        s.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut got = 0usize;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
        }
        got
    });
    // While the slow reader waits, a normal client gets its answer once the
    // write timeout has freed the only slot.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let health = tokio::task::spawn_blocking(move || {
        request(
            addr,
            "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
    })
    .await
    .expect("client");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let got = slow.await.expect("slow reader");
    assert!(
        got < 32 * 1024 * 1024,
        "the slow reader was not cut off: it got all {got} bytes"
    );
    let _ = stop.send(());
    let _ = std::fs::remove_dir_all(dist);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_uploads_neither_hold_memory_nor_block_other_clients() {
    // Memory for 4 MiB of bodies in all; 8 clients on another address each
    // declare a 2 MiB document and send nothing. Before, they reserved the
    // whole budget from their Content-Length and every check waited.
    let limits = Limits {
        max_buffered_bytes: 4 * 1024 * 1024,
        body_timeout: Duration::from_millis(1500),
        request_timeout: Duration::from_secs(5),
        max_uploads_per_client: 4,
        ..Limits::default()
    };
    let (addr, stop) = start_server(Config { limits, ..config() }).await;
    let mut idle = Vec::new();
    for _ in 0..8 {
        let mut s = connect_from([127, 0, 0, 2], addr).await;
        let head = format!(
            "POST /api/v1/forms/rsv-breda-vo/tlv-vso/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            2 * 1024 * 1024
        );
        tokio::io::AsyncWriteExt::write_all(&mut s, head.as_bytes())
            .await
            .expect("write head");
        idle.push(s);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A school's document from another address is checked at once.
    let doc =
        std::fs::read_to_string(fixtures_dir().join("rsv-breda-vo/tlv-vso/valid-daan-bakker.json"))
            .expect("fixture");
    let answer = tokio::task::spawn_blocking(move || {
        request(
            addr,
            &format!(
                "POST /api/v1/forms/rsv-breda-vo/tlv-vso/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{doc}",
                doc.len()
            ),
        )
    })
    .await
    .expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // The idle uploaders: four were refused at once, four cut off after the head start.
    let mut statuses = Vec::new();
    for mut s in idle {
        let mut out = Vec::new();
        let read = tokio::time::timeout(
            Duration::from_secs(5),
            tokio::io::AsyncReadExt::read_to_end(&mut s, &mut out),
        )
        .await;
        assert!(read.is_ok(), "an idle uploader was kept for over 5 s");
        let text = String::from_utf8_lossy(&out);
        statuses.push(text.get(9..12).unwrap_or("").to_owned());
    }
    statuses.sort();
    assert_eq!(
        statuses,
        ["408", "408", "408", "408", "429", "429", "429", "429"]
    );
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_uploads_from_one_address_get_a_dutch_429() {
    let limits = Limits {
        body_timeout: Duration::from_millis(800),
        max_uploads_per_client: 1,
        ..Limits::default()
    };
    let (addr, stop) = start_server(Config { limits, ..config() }).await;
    let mut first = connect_from([127, 0, 0, 3], addr).await;
    tokio::io::AsyncWriteExt::write_all(
        &mut first,
        b"POST /api/v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/zip\r\nContent-Length: 1000\r\n\r\nPK",
    )
    .await
    .expect("write");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut second = connect_from([127, 0, 0, 3], addr).await;
    tokio::io::AsyncWriteExt::write_all(
        &mut second,
        b"POST /api/v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/zip\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789",
    )
    .await
    .expect("write");
    let mut out = Vec::new();
    tokio::time::timeout(
        Duration::from_secs(5),
        tokio::io::AsyncReadExt::read_to_end(&mut second, &mut out),
    )
    .await
    .expect("answered")
    .expect("read");
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 429"), "{text}");
    assert!(
        text.to_ascii_lowercase().contains("retry-after: 10"),
        "{text}"
    );
    assert!(text.contains("\"code\":\"too-many-uploads\""), "{text}");
    assert!(text.contains("Wacht tot die klaar zijn"), "{text}");
    drop(first);
    let _ = stop.send(());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_full_of_empty_list_items_gets_a_bounded_answer() {
    // Legal in size, but every item misses every answer: each would be a
    // finding of its own (a 2 MB request gave a 38.6 MB answer, 18 times its
    // size). The answer keeps the first ones of each kind and says how many
    // more there are. 400 kB here keeps the debug-build test quick.
    let form = aanvraagwijzer::find_form("rsv-breda-po/individueel-arrangement").expect("form");
    let mut answers = serde_json::Map::new();
    let lists: Vec<&aanvraagwijzer::Field> = form
        .fields()
        .filter(|f| matches!(f.kind, aanvraagwijzer::FieldKind::List { .. }))
        .collect();
    assert!(!lists.is_empty());
    for list in &lists {
        let n = 400_000 / lists.len() / 3;
        answers.insert(
            list.id.clone(),
            serde_json::Value::Array(vec![serde_json::json!({}); n]),
        );
    }
    let body = serde_json::json!({
        "form": form.id, "form_version": form.version, "answers": answers
    })
    .to_string();
    assert!(body.len() <= Limits::default().max_document_bytes);
    let uri = format!("/api/v1/forms/{}/validate", form.id);
    let response = post_json(&app(), &uri, body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("body")
        .to_bytes();
    assert!(
        bytes.len() < body.len() / 4,
        "answer of {} bytes to a request of {}",
        bytes.len(),
        body.len()
    );
    let verdict: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(verdict["valid"], false, "the request stays blocked");
    let more: Vec<&serde_json::Value> = verdict["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "more-findings")
        .collect();
    assert!(!more.is_empty());
    assert!(more
        .iter()
        .all(|f| f["message"].as_str().is_some_and(|m| m.contains("nog "))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_slash_path_never_redirects_to_another_host() {
    let dist = site_with_large_file("double-slash", 16);
    let (addr, stop) = start_server(Config {
        dist_dir: Some(dist.clone()),
        ..config()
    })
    .await;
    let answer = tokio::task::spawn_blocking(move || {
        request(
            addr,
            "GET //pkg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
    })
    .await
    .expect("client");
    let location = answer
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("location:"))
        .map(|l| l[9..].trim().to_owned());
    assert_eq!(location.as_deref(), Some("/pkg/"), "{answer}");
    let _ = stop.send(());
    let _ = std::fs::remove_dir_all(dist);
}
