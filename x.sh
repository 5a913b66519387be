#!/usr/bin/env bash
# Aanvraagwijzer developer entry point. Thin on purpose: it installs what
# cargo cannot (apt, npm, cargo install) and calls the Rust xtask (xtask/,
# `cargo xtask ...`) for everything else.
#
#   ./x.sh setup   install missing tools (apt, wasm-bindgen-cli, npm ci); idempotent
#   ./x.sh build   build the site to site/dist/ and print the bundle sizes
#                  (./x.sh build --no-wasm-opt: faster, for iterating)
#   ./x.sh serve   setup + build + `aanvraagwijzer serve` on http://127.0.0.1:8080
#   ./x.sh test    setup + `cargo xtask ci` (fmt, clippy, tests, site build, browser tests)
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
  # Not --locked: the locked webpki-roots is not on every mirror these machines use.
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

xtask() { cargo run -q -p xtask -- "$@"; }

case "${1:-}" in
  setup) cmd_setup ;;
  build) shift; step "site build" xtask build-site "$@" ;;
  serve)
    cmd_setup
    exec cargo run -q -p xtask -- serve --port "${PORT:-8080}"
    ;;
  test)
    cmd_setup
    # The steps, their names and timings: xtask/src/ci.rs.
    step "cargo xtask ci" xtask ci
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
