#!/usr/bin/env bash
# Builds a store from ../shared/corpus/{seeds,dev,dev2}, serves it on a free port and scores it with
# the reference scorer ../shared/eval/score.py against ../shared/gold/{dev,dev2} (51 releases).
# Usage: scripts/eval-dev.sh [-v] [--json] [STORE_DIR]
# (The development corpus stays in ../shared; nothing of it is copied into the project.)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${PHARMAKG_SHARED:-$here/../shared}"
flags=()
while [ "${1:-}" = "-v" ] || [ "${1:-}" = "--json" ]; do flags+=("$1"); shift; done
store="${1:-$(mktemp -d)/store}"
port="${PHARMAKG_EVAL_PORT:-3099}"
rm -rf "$store"
"$here/bin/pharmakg" build --store "$store" "$shared/corpus/seeds" "$shared/corpus/dev" "$shared/corpus/dev2" >&2
"$here/bin/pharmakg" serve --store "$store" --port "$port" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null 2>&1 && break
  sleep 0.5
done
python3 "$shared/eval/score.py" --gold "$shared/gold/dev" "$shared/gold/dev2" --endpoint "http://127.0.0.1:$port/kg/sparql" ${flags[@]+"${flags[@]}"}
