//! What the server is configured with: where the site is, the limits on
//! everything a client controls, and which day it is.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;

/// Limits on what a client controls. The defaults suit the forms we carry:
/// the largest real document is a few tens of kB and nests five levels deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest document body for validate, in bytes (the core's own maximum).
    pub max_document_bytes: usize,
    /// Largest package body for verify, in bytes (the package format's own maximum).
    pub max_package_bytes: usize,
    /// Request bodies held in memory at once, in bytes, over all requests:
    /// bounds memory however many clients upload together (more wait).
    pub max_buffered_bytes: usize,
    /// Deepest JSON nesting accepted (objects and arrays).
    pub max_json_depth: usize,
    /// Time a client gets to send the request line and headers.
    pub header_timeout: Duration,
    /// Head start a request body gets before [`Limits::min_body_rate`] applies:
    /// at any moment after it, the bytes received must keep up with that rate
    /// (counted from the start), so a client that sends nothing is cut off
    /// after this time, whatever length it declared.
    pub body_timeout: Duration,
    /// Slowest upload rate allowed, in bytes per second, averaged from the
    /// start of the body (after the `body_timeout` head start).
    pub min_body_rate: usize,
    /// Request bodies one client address may be sending at once; more get
    /// `429 too-many-uploads`. Keeps a few idle uploaders from taking the
    /// memory budget and the checks of everyone else.
    pub max_uploads_per_client: usize,
    /// Time a write to the client may stay blocked (the client reads nothing)
    /// before the connection is closed: a client that never reads its answer
    /// must not keep memory and a connection slot.
    pub write_timeout: Duration,
    /// Time a check (validate, verify) may take, waiting for a turn included.
    pub request_timeout: Duration,
    /// Connections served at once; more wait in the listen queue.
    pub max_connections: usize,
    /// Documents or packages checked at once; more wait (within the request time).
    pub max_concurrent_checks: usize,
    /// Time in-flight requests get to finish after shutdown is asked.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Limits {
            max_document_bytes: aanvraagwijzer::document::MAX_DOCUMENT_BYTES,
            max_package_bytes: usize::try_from(
                aanvraagwijzer_package::Limits::default().max_package_bytes,
            )
            .unwrap_or(usize::MAX),
            max_buffered_bytes: 512 * 1024 * 1024,
            max_json_depth: 32,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(2),
            min_body_rate: 64 * 1024,
            max_uploads_per_client: 4,
            write_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 1024,
            max_concurrent_checks: 2 * cores,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Which day validation is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Today {
    /// The server's local date at the time of each request (as the CLI does).
    #[default]
    Local,
    /// A fixed date, for tests and for re-checking as of a past day.
    Fixed(NaiveDate),
}

impl Today {
    /// The date to validate for now.
    pub fn date(self) -> NaiveDate {
        match self {
            Today::Local => chrono::Local::now().date_naive(),
            Today::Fixed(d) => d,
        }
    }
}

/// Everything [`crate::router`] needs.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The built site (`site/dist`); `None` serves the API only.
    pub dist_dir: Option<PathBuf>,
    /// Limits on client input.
    pub limits: Limits,
    /// Which day validation is for.
    pub today: Today,
    /// The forms to judge with: `None` the built-in ones, else an SWV's own
    /// (`--forms DIR`, loaded and checked by `published::load_dir`).
    pub forms: Option<&'static [aanvraagwijzer::Form]>,
}

impl Config {
    /// The forms the server judges with.
    pub fn forms(&self) -> &'static [aanvraagwijzer::Form] {
        self.forms.unwrap_or_else(aanvraagwijzer::forms)
    }

    /// A configuration serving the site from `dist_dir`, with default limits.
    pub fn new(dist_dir: impl Into<PathBuf>) -> Config {
        Config {
            dist_dir: Some(dist_dir.into()),
            ..Config::default()
        }
    }
}
