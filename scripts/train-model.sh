#!/usr/bin/env bash
# Rebuilds the syntax models in data/syntax/ from Universal Dependencies
# English EWT and WordNet:
#   scripts/train-model.sh [UD_DIR] [DIPGRAPH]
# UD_DIR holds en_ewt-ud-{train,dev,test}.conllu.xz (default ../shared/ud);
# DIPGRAPH is the built binary (default build/dipgraph). The treebank is
# decompressed into a temporary folder (never into the repository), then
# `dipgraph train` writes tagger.bin and parser.bin and prints dev/test
# figures, and scripts/make-lemmas.py compiles /usr/share/wordnet into
# lemmas.tsv. Same files, same bytes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
ud="${1:-$here/../shared/ud}"
bin="${2:-$here/build/dipgraph}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for part in train dev test; do
  src="$ud/en_ewt-ud-$part.conllu.xz"
  [ -f "$src" ] || { echo "train-model.sh: $src not found" >&2; exit 2; }
  xz -dc "$src" > "$tmp/en_ewt-ud-$part.conllu"
done
python3 "$here/scripts/make-lemmas.py" /usr/share/wordnet "$here/data/syntax/lemmas.tsv"
"$bin" --data "$here/data" train --ud-dir "$tmp" --out "$here/data/syntax"
ls -l "$here/data/syntax"
