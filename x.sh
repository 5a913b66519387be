#!/usr/bin/env bash
# Aanvraagwijzer developer entry point. Thin on purpose: it installs what is
# missing and calls the Rust xtask (xtask/) for the actual chores.
#
#   ./x.sh setup   install missing tools (apt, wasm-bindgen-cli, npm ci); idempotent
#   ./x.sh build   build the site to site/dist/ and print the bundle sizes
#                  (./x.sh build --no-wasm-opt: faster, for iterating)
#   ./x.sh serve   setup + build + serve site/dist on http://127.0.0.1:8080
#   ./x.sh test    setup + fmt, clippy, cargo test, site build, browser tests
set -euo pipefail
cd "$(dirname "$0")"

WASM_BINDGEN_VERSION=0.2.130
APT_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22 chromium poppler-utils brotli)
# rustup's toolchain (host builds, fmt, clippy) lives in ~/.cargo/bin.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nx.sh: %s\n' "$*" >&2; exit 1; }

# Runs one named step; on failure says which one and stops.
step() {
  local name=$1; shift
  say "$name"
  local start=$SECONDS
  if ! "$@"; then
    die "FAILED at step: $name"
  fi
  printf '    (%s: %ss)\n' "$name" $((SECONDS - start))
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -eq 0 ]; then
    echo "apt: all present"
    return
  fi
  echo "apt: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

setup_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    echo "wasm-bindgen $WASM_BINDGEN_VERSION: present"
    return
  fi
  # Not --locked: the locked webpki-roots is not on every mirror (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}

setup_npm() {
  # npm ci only when node_modules is missing or older than the lock file.
  if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
    && [ -x node_modules/binaryen/bin/wasm-opt ]; then
    echo "npm: node_modules up to date"
    return
  fi
  npm ci --no-audit --no-fund
}

setup_rust() {
  command -v cargo >/dev/null || die "cargo not found: this machine needs rustup's toolchain in ~/.cargo/bin"
  cargo fmt --version >/dev/null 2>&1 || die "cargo fmt missing (rustup component add rustfmt)"
  cargo clippy --version >/dev/null 2>&1 || die "cargo clippy missing (rustup component add clippy)"
}

cmd_setup() {
  step "setup: Debian packages" setup_apt
  step "setup: Rust host toolchain" setup_rust
  step "setup: wasm-bindgen-cli $WASM_BINDGEN_VERSION" setup_wasm_bindgen
  step "setup: npm packages (binaryen, playwright-core, NL Design System CSS)" setup_npm
}

build_site() { cargo run -q -p xtask -- build-site "$@"; }

# The site is its own workspace (wasm32 + build-std settings in site/.cargo/).
# Run from the repo root, that config is not read, so rustup's cargo checks
# and tests the site on the host, where leptos and wasm-bindgen compile too.
site_fmt() { cargo fmt --manifest-path site/Cargo.toml --check; }
site_clippy() { cargo clippy --manifest-path site/Cargo.toml --all-targets -- -D warnings; }
site_unit_tests() { cargo test --manifest-path site/Cargo.toml --lib; }
# The lazily loaded package module (crates/package-wasm) is a workspace of its own too.
package_wasm_fmt() { cargo fmt --manifest-path crates/package-wasm/Cargo.toml --check; }
package_wasm_clippy() { cargo clippy --manifest-path crates/package-wasm/Cargo.toml -- -D warnings; }

cmd_test() {
  cmd_setup
  step "cargo fmt --check" cargo fmt --all --check
  step "cargo fmt --check (site)" site_fmt
  step "cargo fmt --check (package module)" package_wasm_fmt
  # No --locked: the lock files are committed, but several people change
  # manifests at once; cargo may add a missing entry (crates.io is reachable).
  step "cargo clippy (workspace)" cargo clippy --workspace --all-targets -- -D warnings
  step "cargo test (workspace)" cargo test --workspace
  step "site build (wasm32: also proves the core compiles for the browser)" build_site
  step "cargo clippy (site, host)" site_clippy
  step "cargo clippy (package module, host)" package_wasm_clippy
  step "site unit tests (host)" site_unit_tests
  step "browser tests (node --test tests/e2e/)" node --test tests/e2e/
  say "all checks passed"
}

case "${1:-}" in
  setup) cmd_setup ;;
  build) shift; step "site build" build_site "$@" ;;
  serve)
    cmd_setup
    step "site build" build_site
    say "serving site/dist"
    exec cargo run -q -p xtask -- serve --port "${PORT:-8080}"
    ;;
  test) cmd_test ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
