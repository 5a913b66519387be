//! The package module (crates/package-wasm): PDF, SHA-256 and ZIP for
//! "Download pakket voor Tommy", built like the site into `dist/pkg-package/`.
//! The site loads it with `import()` on first use, so it is not part of the
//! form page's own download.

use std::path::Path;
use std::process::Command;

use crate::build_site::{run_cmd, wasm_bindgen_bin, wasm_opt};

/// The crate name as cargo writes the wasm file.
pub const CRATE_FILE: &str = "aanvraagwijzer_package_wasm";
/// Folder under dist/ the site imports the module from.
pub const DIR: &str = "pkg-package";

/// Builds the module into `dist/pkg-package/`.
pub fn run(root: &Path, dist: &Path) -> Result<(), String> {
    let krate = root.join("crates/package-wasm");
    let path = std::env::var("PATH").unwrap_or_default();
    let mut cmd = Command::new("/usr/bin/cargo");
    cmd.current_dir(&krate)
        .args(["build", "--release", "--locked"])
        .env("PATH", format!("/usr/bin:{path}"))
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTDOC")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET");
    run_cmd(&mut cmd, "cargo build (package module, wasm32)")?;
    let wasm = krate
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{CRATE_FILE}.wasm"));
    let out = dist.join(DIR);
    let mut cmd = Command::new(wasm_bindgen_bin()?);
    cmd.args(["--target", "web", "--no-typescript"])
        .args(["--remove-name-section", "--remove-producers-section"])
        .arg("--out-dir")
        .arg(&out)
        .args(["--out-name", CRATE_FILE])
        .arg(&wasm);
    run_cmd(&mut cmd, "wasm-bindgen (package module)")?;
    wasm_opt(root, &out.join(format!("{CRATE_FILE}_bg.wasm")))
}
