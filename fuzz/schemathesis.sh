#!/usr/bin/env bash
# Property-based tests of the running HTTP API from its own OpenAPI document
# (schemathesis, from PyPI): no 5xx, answers as documented, status codes and
# content types as declared. Starts the server on 127.0.0.1 and stops it.
#
#   pip install schemathesis && fuzz/schemathesis.sh [examples-per-operation]
#
# verify is run without the "schema-valid request accepted" check: any bytes
# are a valid `application/zip` string to OpenAPI, and a non-ZIP is rightly 422.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-200}"
PORT="${PORT:-18091}"
command -v schemathesis >/dev/null || { echo "schemathesis ontbreekt: pip install schemathesis" >&2; exit 2; }
cargo build --quiet -p aanvraagwijzer-cli
"${CARGO_TARGET_DIR:-target}/debug/aanvraagwijzer" serve --addr "127.0.0.1:$PORT" --dist site/dist >/dev/null 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
SPEC="http://127.0.0.1:$PORT/api/v1/openapi.json"
cd fuzz  # schemathesis keeps its caches in the working directory
schemathesis run "$SPEC" --checks all -n "$EXAMPLES" --request-timeout 10 \
  --exclude-path /api/v1/verify
schemathesis run "$SPEC" --checks all -n "$EXAMPLES" --request-timeout 10 \
  --include-path /api/v1/verify --exclude-checks positive_data_acceptance
