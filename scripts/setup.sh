#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds dipgraph in
# Release, and runs the main job on the bundled example articles:
# examples/ -> store -> GraphML, DOT, JSON, the CSV event table, the country
# network as CSV and GEXF (Gephi), and SVG pictures in out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --python
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

out=out
rm -rf "$out/example.store"
mkdir -p "$out"
dg=build/dipgraph
echo "== build the graph from examples/"
$dg build --store "$out/example.store" --date 2025-07-01 examples/ || true
echo "== export"
$dg export --store "$out/example.store" --format graphml -o "$out/example.graphml"
$dg export --store "$out/example.store" --format dot -o "$out/example.dot"
$dg export --store "$out/example.store" --format json -o "$out/example.json"
$dg export --store "$out/example.store" -o "$out/events.csv"
$dg export --store "$out/example.store" --countries -o "$out/countries.csv"
$dg export --store "$out/example.store" --countries -o "$out/countries.gexf"
if $dg render --help >/dev/null 2>&1; then
  $dg render --store "$out/example.store" --countries -o "$out/countries.svg" || true
fi
$dg timeline --store "$out/example.store" Russia --by month --plot "$out/timeline_russia.svg" > /dev/null
echo "== stats"
$dg stats --store "$out/example.store" 2>/dev/null || true
echo
echo "Done. Outputs are in $out/ (example.graphml, example.dot, example.json, events.csv,"
echo "countries.csv, countries.gexf, countries.svg, timeline_russia.svg)."
echo "Try: $dg path --store $out/example.store Kenya Ethiopia"
