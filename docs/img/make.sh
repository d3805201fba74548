#!/usr/bin/env bash
# Regenerates the pictures and outputs of docs/queries.md from the bundled
# example articles (examples/) and from synthetic facts (bench/gen_facts).
#
#   ninja -C build dipgraph gen_facts && docs/img/make.sh [BUILD_DIR]
#
# Everything is written to docs/img/; the example store lives in a temp dir.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
D="$build/dipgraph"
out="$src/docs/img"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
S="--store $tmp/example.store"

# Each command and its output, as shown in docs/queries.md.
run() {
  local name=$1
  shift
  { echo "\$ dipgraph $*" | sed "s|$tmp/example.store|example.store|g"; "$D" -q "$@" 2>&1 || true; } > "$out/$name.txt"
}

"$D" -q build $S --date 2025-07-01 "$src/examples/"
run stats stats $S
run ties_ind_bgd ties $S India Bangladesh
run ties_fra_rus ties $S FRA RUS
run ties_json ties $S FRA RUS --json
run neighbors_phl neighbors $S Philippines
run rank_betweenness rank $S --by betweenness --top 8
run rank_eigenvector rank $S --by eigenvector --weighted --top 5
run timeline_ken timeline $S Kenya --by month
run unknown ties $S Frnace RUS

"$D" -q render $S -o "$out/example_countries.svg"
"$D" -q render $S --around India --depth 2 -o "$out/example_ego_india.svg"
"$D" -q timeline $S Russia --by month --plot "$out/timeline_russia.svg" > /dev/null
"$D" -q timeline $S India --by month --plot "$out/timeline_india.svg" > /dev/null
# The whole graph as exported DOT (render's style), laid out by sfdp (docs/graph.md).
"$D" -q export $S --format dot -o "$tmp/example.dot"
sfdp -Tsvg "$tmp/example.dot" -o "$out/example_export_sfdp.svg"

# A big synthetic world: 200 invented countries, 100,000 facts.
"$build/gen_facts" 100000 > "$tmp/f100k.jsonl"
"$D" -q build --store "$tmp/synth.store" "$tmp/f100k.jsonl"
# Progress lines (with timings) go to the .txt files.
synth() {
  local name=$1
  shift
  { echo "\$ dipgraph render --store synth.store $* -o $name.svg"
    "$D" render --store "$tmp/synth.store" "$@" -o "$out/$name.svg" 2>&1 | sed "s|$tmp/||; s|$out/||"
  } > "$out/$name.txt"
}
synth synthetic_top50 --top 50
synth synthetic_all200 --top 200 --no-edge-labels
synth synthetic_ego --around ELZ --depth 1 --top 30
synth synthetic_changes --changes --from 2024-01..2024-06 --to 2024-07..2024-12 --top 10
"$D" -q timeline --store "$tmp/synth.store" ELZ JOM --by quarter --plot "$out/synthetic_timeline.svg" > /dev/null

# Refresh the output blocks of docs/queries.md (<!-- out:NAME --> ... <!-- /out -->).
python3 - "$src/docs/queries.md" "$out" <<'PY'
import re, sys, pathlib
doc, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def block(m):
    text = (out / (m.group(1) + ".txt")).read_text().rstrip("\n")
    return f"<!-- out:{m.group(1)} -->\n```\n{text}\n```\n<!-- /out -->"
doc.write_text(re.sub(r"<!-- out:(\w+) -->\n.*?<!-- /out -->", block, doc.read_text(), flags=re.S))
PY
