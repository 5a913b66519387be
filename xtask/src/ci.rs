//! `ci`: the whole check, as CI and developers run it (`./x.sh test` installs
//! what is missing, then calls this). Each step says its name and how long it
//! took; the first that fails stops the run and is named.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::build_site;
use crate::wasm::{run_cmd, Options};

/// One check: a name people read in the log, and what it runs.
enum Step {
    /// A command run from the repository root.
    Cmd(&'static [&'static str]),
    /// The site build (both wasm modules, sizes and budget).
    SiteBuild,
    /// One SWV's own site, for the browser tests of the sub-path and the
    /// iframe (tests/e2e/swv-site.test.mjs, embed.test.mjs).
    SwvSiteBuild,
}

/// The SWV and the embedding page's origin the browser tests use.
const TEST_SWV: &str = "rsv-breda-po";
const TEST_EMBED_ORIGIN: &str = "http://127.0.0.1:48123";

/// The checks in order: cheap ones first, so a formatting slip fails in seconds.
const STEPS: &[(&str, Step)] = &[
    (
        "cargo fmt --check",
        Step::Cmd(&["cargo", "fmt", "--all", "--check"]),
    ),
    (
        "cargo fmt --check (site)",
        Step::Cmd(&[
            "cargo",
            "fmt",
            "--manifest-path",
            "site/Cargo.toml",
            "--check",
        ]),
    ),
    (
        "cargo fmt --check (package module)",
        Step::Cmd(&[
            "cargo",
            "fmt",
            "--manifest-path",
            "crates/package-wasm/Cargo.toml",
            "--check",
        ]),
    ),
    (
        "cargo fmt --check (studio module)",
        Step::Cmd(&[
            "cargo",
            "fmt",
            "--manifest-path",
            "crates/studio-wasm/Cargo.toml",
            "--check",
        ]),
    ),
    // No --locked: the lock files are committed, but several people change
    // manifests at once; cargo may add a missing entry (crates.io is reachable).
    (
        "cargo clippy (workspace)",
        Step::Cmd(&[
            "cargo",
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    ),
    (
        "cargo test (workspace)",
        Step::Cmd(&["cargo", "test", "--workspace"]),
    ),
    (
        "site build (wasm32: also proves the core compiles for the browser)",
        Step::SiteBuild,
    ),
    (
        "per-SWV site build (rsv-breda-po into site/dist-rsv-breda-po)",
        Step::SwvSiteBuild,
    ),
    // The site and the package module are workspaces of their own (wasm32 +
    // build-std settings in their .cargo/). Run from the repo root, that
    // config is not read, so rustup's cargo checks them on the host, where
    // leptos and wasm-bindgen compile too.
    (
        "cargo clippy (site, host)",
        Step::Cmd(&[
            "cargo",
            "clippy",
            "--manifest-path",
            "site/Cargo.toml",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    ),
    (
        "cargo clippy (site with the studio, host)",
        Step::Cmd(&[
            "cargo",
            "clippy",
            "--manifest-path",
            "site/Cargo.toml",
            "--all-targets",
            "--features",
            "studio",
            "--",
            "-D",
            "warnings",
        ]),
    ),
    (
        "cargo clippy (package module, host)",
        Step::Cmd(&[
            "cargo",
            "clippy",
            "--manifest-path",
            "crates/package-wasm/Cargo.toml",
            "--",
            "-D",
            "warnings",
        ]),
    ),
    (
        "cargo clippy (studio module, host)",
        Step::Cmd(&[
            "cargo",
            "clippy",
            "--manifest-path",
            "crates/studio-wasm/Cargo.toml",
            "--",
            "-D",
            "warnings",
        ]),
    ),
    (
        "site unit tests (host)",
        Step::Cmd(&[
            "cargo",
            "test",
            "--manifest-path",
            "site/Cargo.toml",
            "--lib",
        ]),
    ),
    (
        "site unit tests with the studio (host)",
        Step::Cmd(&[
            "cargo",
            "test",
            "--manifest-path",
            "site/Cargo.toml",
            "--lib",
            "--features",
            "studio",
        ]),
    ),
    (
        "browser tests (node --test tests/e2e/)",
        Step::Cmd(&["node", "--test", "tests/e2e/"]),
    ),
];

/// Runs every step from `root`; stops at the first failure.
pub fn run(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    for (name, step) in STEPS {
        println!("\n==> {name}");
        let begun = Instant::now();
        let result = match step {
            Step::Cmd(argv) => {
                let mut cmd = Command::new(argv[0]);
                cmd.args(&argv[1..]).current_dir(root);
                run_cmd(&mut cmd, name)
            }
            Step::SiteBuild => build_site::build(
                root,
                Options {
                    optimise: true,
                    keep_names: false,
                },
            ),
            Step::SwvSiteBuild => build_site::run(&[
                "--swv".to_owned(),
                TEST_SWV.to_owned(),
                "--embed-origin".to_owned(),
                TEST_EMBED_ORIGIN.to_owned(),
            ]),
        };
        if let Err(e) = result {
            return Err(format!("FAILED at step: {name}: {e}"));
        }
        println!("    ({name}: {}s)", begun.elapsed().as_secs());
    }
    println!("\n==> all checks passed ({}s)", started.elapsed().as_secs());
    Ok(())
}
