//! Accepting connections: HTTP/1.1 with a header timeout, a bound on open
//! connections and graceful shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::http::{Request, Uri};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_io_timeout::TimeoutStream;
use tower::ServiceBuilder;

use crate::api::ClientAddr;
use crate::config::Config;

/// Why the server could not start or run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, no permission).
    #[error("Het adres {addr} kan niet worden gebruikt: {source}. Kies een ander adres, bijvoorbeeld --addr 127.0.0.1:8081.")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        source: std::io::Error,
    },
    /// The listener's own address could not be read.
    #[error("Het adres van de server kan niet worden gelezen: {0}")]
    LocalAddr(std::io::Error),
}

/// Binds `addr` and serves the site from `dist_dir` and the API, with default
/// limits, until `shutdown` completes; then lets requests in flight finish
/// (within the grace period) and returns.
pub async fn serve(
    addr: SocketAddr,
    dist_dir: impl Into<PathBuf>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), ServeError> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    serve_listener(listener, Config::new(dist_dir), shutdown).await
}

/// As [`serve`], judging with these forms (an SWV's own, `--forms DIR`)
/// instead of the built-in ones.
pub async fn serve_with_forms(
    addr: SocketAddr,
    dist_dir: impl Into<PathBuf>,
    forms: &'static [aanvraagwijzer::Form],
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), ServeError> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let config = Config {
        forms: Some(forms),
        ..Config::new(dist_dir)
    };
    serve_listener(listener, config, shutdown).await
}

/// Serves on a bound listener with a given configuration (tests bind
/// `127.0.0.1:0`); otherwise as [`serve`].
pub async fn serve_listener(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), ServeError> {
    let local = listener.local_addr().map_err(ServeError::LocalAddr)?;
    let limits = config.limits.clone();
    if let Some(dir) = &config.dist_dir {
        if !dir.join("index.html").is_file() {
            tracing::warn!(
                dist = %dir.display(),
                "no index.html in the site folder: only the API is useful (build the site first)"
            );
        }
    }
    let app = crate::router(config);
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tracing::info!(addr = %local, "listening");

    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: back off briefly.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Small JSON answers: send them at once.
        let _ = stream.set_nodelay(true);
        // A client that stops reading its answer: after the write timeout
        // the connection goes, with the memory of the answer and its slot.
        let mut stream = TimeoutStream::new(stream);
        stream.set_write_timeout(Some(limits.write_timeout));
        let client = ClientAddr(peer.ip());
        let service = ServiceBuilder::new()
            .map_request(move |mut request: Request<Incoming>| {
                normalise_leading_slashes(&mut request);
                request.extensions_mut().insert(client);
                request
            })
            .service(app.clone());
        let service = TowerToHyperService::new(service);
        let connection = http.serve_connection(TokioIo::new(Box::pin(stream)), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors here are clients going away or timing out: nothing to do.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!("shutting down: no new connections, finishing requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!("grace period over, closing remaining connections");
        }
    }
    Ok(())
}

/// `//pkg` and `///pkg` become `/pkg`: a redirect to `//pkg/` would send a
/// browser to the host "pkg".
fn normalise_leading_slashes<B>(request: &mut Request<B>) {
    let path = request.uri().path();
    if !path.starts_with("//") {
        return;
    }
    let trimmed = format!("/{}", path.trim_start_matches('/'));
    let path_and_query = match request.uri().query() {
        Some(q) => format!("{trimmed}?{q}"),
        None => trimmed,
    };
    let mut parts = request.uri().clone().into_parts();
    if let Ok(pq) = path_and_query.parse() {
        parts.path_and_query = Some(pq);
        if let Ok(uri) = Uri::from_parts(parts) {
            *request.uri_mut() = uri;
        }
    }
}

/// Completes on Ctrl-C or (on Unix) SIGTERM: the usual shutdown signals.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(uri: &str) -> String {
        let mut request = Request::builder().uri(uri).body(()).expect("request");
        normalise_leading_slashes(&mut request);
        request.uri().to_string()
    }

    #[test]
    fn leading_slashes_collapse_to_one() {
        assert_eq!(normalised("//pkg"), "/pkg");
        assert_eq!(normalised("///pkg/x.js?v=1"), "/pkg/x.js?v=1");
        assert_eq!(normalised("/pkg//x"), "/pkg//x");
        assert_eq!(normalised("/"), "/");
    }
}
