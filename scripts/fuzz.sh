#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cpp) with clang and runs each for
# SECONDS (default 60), starting from the committed seed corpus in
# fuzz/corpus/<target>/ and keeping new inputs in build-fuzz/corpus/<target>/.
# A crash fails the script and leaves the reproducer in build-fuzz/.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDIPGRAPH_FUZZ=ON >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in fuzz/*_fuzz.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
for t in "${targets[@]}"; do
  name=${t%_fuzz}
  mkdir -p "build-fuzz/corpus/$name" "fuzz/corpus/$name"
  echo "== fuzz $t for ${seconds}s"
  (cd build-fuzz && ./"$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -print_final_stats=1 "corpus/$name" "../fuzz/corpus/$name" 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" || true)
  # libFuzzer exits non-zero on a crash; re-check via the artifact files it writes.
  if ls build-fuzz/crash-* build-fuzz/leak-* build-fuzz/timeout-* build-fuzz/oom-* >/dev/null 2>&1; then
    echo "fuzz: $t found a failing input:" build-fuzz/crash-* build-fuzz/leak-* build-fuzz/timeout-* build-fuzz/oom-* 2>/dev/null
    exit 1
  fi
done
