#!/usr/bin/env bash
# Builds dipgraph (Release) and runs every test: doctest unit tests and the
# end-to-end tests (networkx / igraph checks are skipped with a message when
# those Python modules are missing, unless DIPGRAPH_REQUIRE_PY=1).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${DIPGRAPH_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" "$@"
