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

scripts/example-job.sh build out
