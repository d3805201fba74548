#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cpp) with clang and runs each for
# SECONDS (default 60), starting from the committed seed corpus in
# fuzz/corpus/<target>/ and keeping new inputs in build-fuzz/corpus/<target>/.
# A crash fails the script and leaves the reproducer in
# build-fuzz/artifacts/<target>/ (replay: build-fuzz/<target>_fuzz FILE; then
# copy it to tests/data/regressions/<target>-<what>.bin, see docs/reliability.md).
# Prints per target the executions and peak memory (from libFuzzer's stats).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Environment: DIPGRAPH_FUZZ_NO_BUILD=1 skips the build (for parallel runs
# of an already built tree); DIPGRAPH_FUZZ_JOBS sets the build's -j;
# DIPGRAPH_FUZZ_PARALLEL=N runs N targets at a time (default 1), each
# for SECONDS, their reports printed in target order.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in fuzz/*_fuzz.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
if [ "${DIPGRAPH_FUZZ_NO_BUILD:-0}" != 1 ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDIPGRAPH_FUZZ=ON >/dev/null
  cmake --build build-fuzz -j"${DIPGRAPH_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}"
fi
fuzz_one() {  # TARGET: runs it, prints its report, returns 1 if it found failing inputs
  local name=${1%_fuzz}
  local t=${name}_fuzz
  local artifacts=build-fuzz/artifacts/$name
  mkdir -p "build-fuzz/corpus/$name" "fuzz/corpus/$name" "$artifacts"
  echo "== fuzz $t for ${seconds}s"
  (cd build-fuzz && ./"$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="artifacts/$name/" -print_final_stats=1 \
      "corpus/$name" "../fuzz/corpus/$name" 2>&1 |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|${name}_fuzz:)" || true)
  # libFuzzer exits non-zero on a crash; re-check via the artifact files it writes.
  if compgen -G "$artifacts/*" > /dev/null; then
    echo "fuzz: $t found failing inputs:" "$artifacts"/*
    return 1
  fi
}
parallel=${DIPGRAPH_FUZZ_PARALLEL:-1}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
for ((i = 0; i < ${#targets[@]}; i += parallel)); do
  pids=()
  for t in "${targets[@]:i:parallel}"; do
    fuzz_one "$t" > "$logs/$t.log" 2>&1 &
    pids+=($!)
  done
  for j in "${!pids[@]}"; do
    wait "${pids[$j]}" || status=1
    cat "$logs/${targets[$((i + j))]}.log"
  done
done
exit $status
