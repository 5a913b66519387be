#!/usr/bin/env bash
# Load benchmark of the validate endpoint: starts the server (release build)
# on 127.0.0.1, POSTs a typical OPP with wrk for a bounded time, prints
# requests/s and latency percentiles, and stops the server.
#
#   crates/server/loadtest/load.sh                      # 30 s, 2 threads, 32 connections
#   DURATION=10s CONNECTIONS=64 crates/server/loadtest/load.sh
#   DOC=tests/fixtures/rsv-breda-vo/tlv-vso/valid-daan-bakker.json \
#     FORM=rsv-breda-vo/tlv-vso crates/server/loadtest/load.sh
#   MIXED=1 crates/server/loadtest/load.sh              # then again while 50 slow readers and
#                                      # 8 idle uploaders are connected
#
# Needs wrk (Debian: apt-get install wrk) and curl. Only loopback is used.
set -euo pipefail

cd "$(dirname "$0")/../../.."
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-18090}"
FORM="${FORM:-rsv-breda-po/opp}"
DOC="${DOC:-tests/fixtures/rsv-breda-po/opp/valid-lotte-groep-6.json}"
LOG="${LOG:-/dev/null}"
ADDR="127.0.0.1:${PORT}"
URL="http://${ADDR}/api/v1/forms/${FORM}/validate"

command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl ontbreekt: apt-get install curl" >&2; exit 2; }
[ -f "$DOC" ] || { echo "document $DOC bestaat niet" >&2; exit 2; }

echo "== building the server (release)"
cargo build --release --quiet -p aanvraagwijzer-cli
BIN="${CARGO_TARGET_DIR:-target}/release/aanvraagwijzer"

echo "== starting $BIN serve --addr $ADDR (logs to $LOG)"
"$BIN" serve --addr "$ADDR" --dist site/dist >"$LOG" 2>&1 &
SERVER=$!
stop() { kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 50); do
  curl -fsS "http://${ADDR}/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://${ADDR}/api/v1/health" >/dev/null || { echo "server did not start" >&2; exit 1; }

echo "== one request first: the verdict must be an answer, not an error"
STATUS=$(curl -s -o /tmp/aanvraagwijzer-bench-verdict.json -w '%{http_code}' \
  -H 'Content-Type: application/json' --data-binary @"$DOC" "$URL")
[ "$STATUS" = 200 ] || { echo "validate answered $STATUS" >&2; cat /tmp/aanvraagwijzer-bench-verdict.json >&2; exit 1; }
head -c 200 /tmp/aanvraagwijzer-bench-verdict.json; echo

run_wrk() {
  DOC="$DOC" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
    -s crates/server/loadtest/validate.lua "$URL"
}

echo "== clean run: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency POST $URL"
run_wrk

if [ "${MIXED:-0}" = 1 ]; then
  # The largest file of the site is what a slow reader asks for.
  LARGE=$(cd site/dist 2>/dev/null && find . -type f -printf '%s %P\n' | sort -n | tail -1 | cut -d' ' -f2-)
  [ -n "$LARGE" ] || { echo "site/dist is empty: ./x.sh build first" >&2; exit 2; }
  SECS=${DURATION%s}
  echo "== mixed run: the same, while 50 slow readers of /$LARGE and 8 idle uploaders are connected"
  python3 crates/server/loadtest/adversaries.py "$ADDR" "/$LARGE" "$((SECS + 5))" &
  ADVERSARIES=$!
  sleep 2
  run_wrk
  wait "$ADVERSARIES"
fi
echo "== machine: $(nproc) cores; wrk and the server share them"
