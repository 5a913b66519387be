#!/usr/bin/env bash
# Runs the fuzz targets one after another, each for a bounded time.
#
#   fuzz/run.sh                 # every target, 600 s each
#   fuzz/run.sh 60 document     # one target, 60 s
#
# Targets: document (parse + validate against every form), package_verify
# (package open + verify), api_validate (the HTTP validate endpoint).
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a toolchain that accepts
# -Z flags: rustup's nightly if installed, else (or with FUZZ_DEBIAN=1)
# Debian's rustc-web (/usr/bin/rustc) with RUSTC_BOOTSTRAP=1 and no sanitizer.
# Crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${1:-600}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(document package_verify api_validate)

# rustup's nightly: libFuzzer with AddressSanitizer. Debian's rustc-web has
# no ASan runtime, so there libFuzzer runs without a sanitizer (safe Rust
# needs none to find panics, hangs and memory blow-ups), in its own target dir.
if [ -z "${FUZZ_DEBIAN:-}" ] && rustup run nightly rustc --version >/dev/null 2>&1; then
  FUZZ=(cargo +nightly fuzz)
  RUN_FLAGS=()
elif [ -x /usr/bin/rustc ]; then
  export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
  FUZZ=(cargo fuzz)
  RUN_FLAGS=(--sanitizer none --target-dir fuzz/target/debian-rustc)
else
  echo "no nightly toolchain and no /usr/bin/rustc (apt-get install rustc-web)" >&2
  exit 2
fi
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz ontbreekt: cargo install cargo-fuzz" >&2; exit 2; }

if [ ! -d fuzz/corpus/document ] || [ ! -f fuzz/document.dict ]; then
  echo "== seeds from tests/fixtures"
  cargo run --quiet --release --manifest-path fuzz/Cargo.toml --bin make_seeds
fi

for target in "${TARGETS[@]}"; do
  case "$target" in
    document|api_validate) extra=(-dict=fuzz/document.dict -max_len=16384) ;;
    package_verify) extra=(-max_len=65536) ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  echo "== $target for ${SECONDS_EACH}s"
  "${FUZZ[@]}" run "${RUN_FLAGS[@]}" "$target" -- -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 \
    -print_final_stats=1 "${extra[@]}" 2>&1 | tee "fuzz/$target.log" | grep -E '^(#[0-9]+.*(pulse|DONE)|stat::|==[0-9]+==|SUMMARY|Done)' || true
  if grep -q 'SUMMARY\|panicked\|deadly signal' "fuzz/$target.log"; then
    echo "!! $target found a crash: see fuzz/$target.log and fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
