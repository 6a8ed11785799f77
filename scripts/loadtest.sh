#!/usr/bin/env bash
# Load test on loopback: builds a store from data/ (plus ../shared/corpus when PHARMAKG_LOAD_SHARED=1),
# serves it with bin/pharmakg, and runs org.pharmakg.serve.LoadRun: CLIENTS concurrent clients for
# SECONDS over the named queries; prints errors and p50/p99 latency per query; exit 1 on any error.
# Usage: scripts/loadtest.sh [CLIENTS=8] [SECONDS=60] [STORE_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clients="${1:-8}"
seconds="${2:-60}"
store="${3:-$(mktemp -d)/store}"
port="${PHARMAKG_LOAD_PORT:-3098}"
inputs=("$here/data")
if [ "${PHARMAKG_LOAD_SHARED:-0}" = "1" ]; then
  shared="${PHARMAKG_SHARED:-$here/../shared}"
  for d in "$shared/corpus/"*/; do inputs+=("$d"); done
fi
(cd "$here" && mvn -B -q test-compile >&2)
"$here/bin/pharmakg" build --store "$store" "${inputs[@]}" >&2
"$here/bin/pharmakg" serve --store "$store" --port "$port" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null 2>&1 && break
  sleep 0.5
done
java -cp "$here/target/test-classes:$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.pharmakg.serve.LoadRun "http://127.0.0.1:$port" "$clients" "$seconds"
