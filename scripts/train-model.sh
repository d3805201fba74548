#!/usr/bin/env bash
# Rebuilds the syntax models in data/syntax/ from Universal Dependencies
# English EWT and WordNet:
#   scripts/train-model.sh [UD_DIR] [BUILD_DIR]
# UD_DIR holds en_ewt-ud-{train,dev,test}.conllu.xz (default ../shared/ud);
# BUILD_DIR holds the built dipgraph and bench_parser (default build). The
# treebank is decompressed into a temporary folder (never into the
# repository). Steps:
#   1. scripts/make-lemmas.py compiles /usr/share/wordnet into lemmas.tsv;
#   2. `dipgraph train --skip-parser` writes tagger.bin and prints its
#      dev/test figures;
#   3. bench_parser trains the clustered joint parser (feature set 4, 64
#      word clusters, 15 epochs) with seeds 1-5 on jackknifed tags (5 folds,
#      computed once), then averages the five models' weights, drops rows
#      whose largest weight is under 300 and writes parser.bin
#      (docs/syntax.md, "Averaged seeds");
#   4. the shipped Analyzer parses EWT dev and test (`dipgraph parse
#      --conllu`), scored by scripts/score-conllu.py.
# Same code, same data: same files, same bytes. Five parser trainings: plan
# for hours on one core.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
ud="${1:-$here/../shared/ud}"
build="${2:-$here/build}"
bin="$build/dipgraph"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for part in train dev test; do
  src="$ud/en_ewt-ud-$part.conllu.xz"
  [ -f "$src" ] || { echo "train-model.sh: $src not found" >&2; exit 2; }
  xz -dc "$src" > "$tmp/en_ewt-ud-$part.conllu"
done
python3 "$here/scripts/make-lemmas.py" /usr/share/wordnet "$here/data/syntax/lemmas.tsv"
"$bin" --data "$here/data" train --ud-dir "$tmp" --out "$here/data/syntax" --skip-parser
models=()
for seed in 1 2 3 4 5; do
  "$build/bench_parser" --ud "$tmp" --train "$tmp/seed$seed.bin" --joint --templates 4 \
    --clusters 64 --epochs 15 --tags-cache "$tmp/jackknifed-tags.txt" --seed "$seed" \
    --tagger "$here/data/syntax/tagger.bin" > "$tmp/seed$seed.log"
  models+=("$tmp/seed$seed.bin")
done
(IFS=,; "$build/bench_parser" --ud "$tmp" --tagger "$here/data/syntax/tagger.bin" \
  --average "${models[*]}" --prune 300 --out "$here/data/syntax/parser.bin")
for part in dev test; do
  "$bin" --data "$here/data" -q parse --conllu "$tmp/en_ewt-ud-$part.conllu" > "$tmp/ours-$part.conllu"
  echo "EWT $part, the shipped Analyzer:"
  python3 "$here/scripts/score-conllu.py" "$tmp/en_ewt-ud-$part.conllu" "$tmp/ours-$part.conllu"
done
ls -l "$here/data/syntax"
