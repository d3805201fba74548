#!/usr/bin/env bash
# No project file quotes an evaluation text: scripts/eval-overlap.py finds
# word 5-grams of the (never committed) evaluation sets by their
# fingerprints and fails on any (docs/extraction.md, "Measuring").
set -euo pipefail
src=${DIPGRAPH_SOURCE_DIR:?}
exec /usr/bin/python3 "$src/scripts/eval-overlap.py"
