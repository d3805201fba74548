#!/usr/bin/env bash
# The hardening run: one clang build with AddressSanitizer + UBSan (and
# libFuzzer coverage hooks, -fsanitize=fuzzer-no-link) runs every test, then
# each fuzz target for SECONDS (default 30). See docs/reliability.md.
# Usage: scripts/sanitize.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --python --fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDIPGRAPH_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-fuzz --output-on-failure -j"$(nproc)"
DIPGRAPH_FUZZ_NO_BUILD=1 scripts/fuzz.sh "${1:-30}"
