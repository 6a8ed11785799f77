#!/usr/bin/env bash
# Generalisation check: removes from the lexicons every name that occurs in the gold (labels and
# aliases) of the documents it scores, or in their text, builds a store from those documents alone
# and scores it against their gold. What is still found is found by grammar, parses and context,
# not by lists. Scores dev + dev2 (seeds, dev, dev2: 51 releases) unless folders are given.
# Usage: scripts/generalization.sh [-v] [--json] [CORPUS_DIR GOLD_DIR]...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${PHARMAKG_SHARED:-$here/../shared}"
flags=()
while [ "${1:-}" = "-v" ] || [ "${1:-}" = "--json" ]; do flags+=("$1"); shift; done
pairs=("$@")
if [ ${#pairs[@]} -eq 0 ]; then
  pairs=("$shared/corpus/seeds" "$shared/gold/dev" "$shared/corpus/dev" "$shared/gold/dev" "$shared/corpus/dev2" "$shared/gold/dev2")
fi
work="$(mktemp -d)"
corpora=(); golds=()
for ((i = 0; i < ${#pairs[@]}; i += 2)); do corpora+=("${pairs[i]}"); golds+=("${pairs[i+1]}"); done
python3 - "$here/ontology/lexicon" "$work/exclude.txt" "${#corpora[@]}" "${corpora[@]}" "${golds[@]}" <<'PY'
import sys, os, re, glob, json
lexdir, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
corpora, golds = sys.argv[4:4 + n], sys.argv[4 + n:]
norm = lambda s: re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()
stems = set()
text = ""
for c in corpora:
    for f in glob.glob(os.path.join(c, "*.txt")) + glob.glob(os.path.join(c, "*.md")):
        stems.add(os.path.splitext(os.path.basename(f))[0])
        text += " " + open(f, encoding="utf-8", errors="replace").read()
gold_names = set()
for g in golds:
    for f in glob.glob(os.path.join(g, "*.json")):
        if os.path.splitext(os.path.basename(f))[0] not in stems: continue
        d = json.load(open(f, encoding="utf-8"))
        for e in d.get("entities", []):
            if e.get("type") == "TrialPhase": continue
            for name in [e.get("label", "")] + e.get("aliases", []):
                if norm(name): gold_names.add(norm(name))
t = " " + norm(text) + " "
names = set()
for f in glob.glob(os.path.join(lexdir, "*.tsv")):
    if os.path.basename(f).startswith(("non-", "disease-class")): continue
    for line in open(f, encoding="utf-8"):
        if line.startswith("#"): continue
        cols = line.rstrip("\n").split("\t")
        forms = [cols[0]] + (cols[1].split(" | ") if len(cols) > 1 else [])
        forms = [x.strip() for x in forms if x.strip()]
        # an entry naming a gold entity goes whole (all its synonyms), as do names in the texts
        if any(norm(x) in gold_names for x in forms):
            names.update(forms)
        else:
            names.update(x for x in forms if len(norm(x)) >= 2 and (" " + norm(x) + " ") in t)
open(out, "w", encoding="utf-8").write("\n".join(sorted(names)) + "\n")
PY
echo "names removed from the lexicons: $(wc -l < "$work/exclude.txt")" >&2
port="${PHARMAKG_EVAL_PORT:-3098}"
export PHARMAKG_JAVA_OPTS="-Xmx2g -Dpharmakg.lexicon.exclude=$work/exclude.txt"
"$here/bin/pharmakg" build --store "$work/store" "${corpora[@]}" >&2
"$here/bin/pharmakg" serve --store "$work/store" --port "$port" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null 2>&1 && break; sleep 0.5; done
gold_files=()
for c in "${corpora[@]}"; do
  for f in "$c"/*.txt "$c"/*.md; do
    [ -f "$f" ] || continue
    s="$(basename "${f%.*}")"
    for g in "${golds[@]}"; do [ -f "$g/$s.json" ] && gold_files+=("$g/$s.json"); done
  done
done
python3 "$shared/eval/score.py" --gold "${gold_files[@]}" --endpoint "http://127.0.0.1:$port/kg/sparql" ${flags[@]+"${flags[@]}"}
