#!/usr/bin/env bash
# The hardening run (part of CI, see .ci/run and docs/reliability.md): one
# clang build with AddressSanitizer + UBSan (and libFuzzer coverage hooks,
# -fsanitize=fuzzer-no-link) of dipgraph, the tests and the fuzz targets
# (benchmarks are left out); it runs every unit and end-to-end test, then each
# fuzz target for SECONDS (default 60), as many at a time as there are cores.
# Usage: scripts/sanitize.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh --python --fuzz --postgres
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDIPGRAPH_FUZZ=ON >/dev/null
fuzzers=()
for src in fuzz/*_fuzz.cpp; do fuzzers+=("$(basename "$src" .cpp)"); done
cmake --build build-fuzz -j"$(nproc)" --target dipgraph dipgraph_tests "${fuzzers[@]}"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-fuzz --output-on-failure -j"$(nproc)"
DIPGRAPH_FUZZ_NO_BUILD=1 DIPGRAPH_FUZZ_PARALLEL="$(nproc)" scripts/fuzz.sh "$seconds"
