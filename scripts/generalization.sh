#!/usr/bin/env bash
# Generalisation check: removes from the lexicons every name that occurs in the ot_* development
# documents, builds a store from those documents alone and scores it against their gold.
# What is still found is found by patterns, parses and context, not by lists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${PHARMAKG_SHARED:-$here/../shared}"
work="$(mktemp -d)"
mkdir -p "$work/docs"
cp "$shared"/corpus/dev/ot_*.txt "$work/docs/"
awk -F'\t' 'NR>1 && $0 !~ /^#/' "$shared/corpus/dev/SOURCES.tsv" > /dev/null 2>&1 || true
head -1 "$shared/corpus/dev/SOURCES.tsv" > "$work/docs/SOURCES.tsv"; grep '^ot_' "$shared/corpus/dev/SOURCES.tsv" >> "$work/docs/SOURCES.tsv"
python3 - "$here/ontology/lexicon" "$work/docs" > "$work/exclude.txt" <<'PY'
import sys, os, re, glob
lexdir, docs = sys.argv[1], sys.argv[2]
text = " ".join(open(f, encoding="utf-8").read() for f in glob.glob(os.path.join(docs, "ot_*.txt")))
norm = lambda s: re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
t = " " + norm(text) + " "
names = set()
for f in glob.glob(os.path.join(lexdir, "*.tsv")):
    for line in open(f, encoding="utf-8"):
        if line.startswith("#"): continue
        cols = line.rstrip("\n").split("\t")
        for n in [cols[0]] + (cols[1].split(" | ") if len(cols) > 1 else []):
            n = n.strip()
            if n and len(norm(n)) >= 2 and (" " + norm(n) + " ") in t:
                names.add(n)
print("\n".join(sorted(names)))
PY
echo "names removed from the lexicons: $(wc -l < "$work/exclude.txt")" >&2
port="${PHARMAKG_EVAL_PORT:-3098}"
export PHARMAKG_JAVA_OPTS="-Xmx2g -Dpharmakg.lexicon.exclude=$work/exclude.txt"
"$here/bin/pharmakg" build --store "$work/store" "$work/docs" >&2
"$here/bin/pharmakg" serve --store "$work/store" --port "$port" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null 2>&1 && break; sleep 0.5; done
python3 "$shared/eval/score.py" --gold "$shared"/gold/dev/ot_*.json --endpoint "http://127.0.0.1:$port/kg/sparql" "$@"
