#!/usr/bin/env bash
# The example job of scripts/setup.sh, on its own: reads the bundled
# articles in examples/ into a store and writes every output a new user
# looks at first into OUT_DIR (default out/): example.graphml, example.dot,
# example.json, the event table events.csv, the country network as
# countries.csv and countries.gexf, and the pictures countries.svg and
# timeline_russia.svg. tests/e2e/example_job.sh runs it.
#
#   scripts/example-job.sh [BUILD_DIR [OUT_DIR]]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-out}
dg=$build/dipgraph
rm -rf "$out/example.store"
mkdir -p "$out"
echo "== build the graph from examples/"
$dg build --store "$out/example.store" --date 2025-07-01 examples/ || true
echo "== export"
$dg export --store "$out/example.store" --format graphml -o "$out/example.graphml"
$dg export --store "$out/example.store" --format dot -o "$out/example.dot"
$dg export --store "$out/example.store" --format json -o "$out/example.json"
$dg export --store "$out/example.store" -o "$out/events.csv"
$dg export --store "$out/example.store" --countries -o "$out/countries.csv"
$dg export --store "$out/example.store" --countries -o "$out/countries.gexf"
$dg render --store "$out/example.store" --countries -o "$out/countries.svg"
$dg timeline --store "$out/example.store" Russia --by month --plot "$out/timeline_russia.svg" > /dev/null
echo "== stats"
$dg stats --store "$out/example.store" 2>/dev/null || true
echo
echo "Done. Outputs are in $out/ (example.graphml, example.dot, example.json, events.csv,"
echo "countries.csv, countries.gexf, countries.svg, timeline_russia.svg)."
echo "Try: $dg path --store $out/example.store Kenya Ethiopia"
