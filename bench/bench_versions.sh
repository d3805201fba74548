#!/usr/bin/env bash
# bench_versions: two dipgraph binaries side by side on the same store's
# queries, in one run (docs/scale.md, "From 100k to 10M").
#
#   bench/bench_versions.sh OLD_BIN OLD_STORE NEW_BIN NEW_STORE [RUNS]
#
# Each binary reads its own store directory: when their snapshot versions
# differ, make NEW_STORE a hard-linked copy of OLD_STORE (`cp -al`, the same
# log file, so the same stamp) without graph.snapshot, and let NEW_BIN write
# its snapshot once (`NEW_BIN stats --store NEW_STORE`). Then every query is
# run RUNS times (default 3) with each binary in turn, old then new, and the
# best wall-clock of each is printed with its CPU time (user + system) and
# peak RSS, and the load average: the machine is shared.
set -u
old=${1:?usage: bench_versions.sh OLD_BIN OLD_STORE NEW_BIN NEW_STORE [RUNS]}
old_store=${2:?OLD_STORE}
new=${3:?NEW_BIN}
new_store=${4:?NEW_STORE}
runs=${5:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
best() {  # NAME BIN STORE ARGS...: prints "wall cpu rss" of the best run
  local name=$1 bin=$2 store=$3; shift 3
  local b=999 c="" m=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$bin" -q "$@" --store "$store" > "$tmp/$name.out" 2> /dev/null
    local s u y r; read -r s u y r < "$tmp/t"
    if [ "$(echo "$s < $b" | bc)" = 1 ]; then b=$s; c=$(echo "$u + $y" | bc); m=$((r / 1024)); fi
  done
  echo "$b s (CPU $c s, $m MB)"
}
echo "== $(date -u +%F) load $(cut -d' ' -f1-3 /proc/loadavg); best of $runs"
while IFS= read -r q; do
  # shellcheck disable=SC2086
  o=$(best old "$old" "$old_store" $q)
  # shellcheck disable=SC2086
  n=$(best new "$new" "$new_store" $q)
  same=$(cmp -s "$tmp/old.out" "$tmp/new.out" && echo same || echo differs)
  printf '%-40s old %-32s new %-32s answer %s (load %s)\n' "$q" "$o" "$n" "$same" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done <<'QUERIES'
path ELZ LUP
ties ELZ JOM
neighbors ELZ
neighbors ELZ --json
stats
stats --since 2020 --type meeting
stats --min-confidence 0.7
stats --until 2019 --cameo 04 --json
neighbors ELZ --min-confidence 0.7
QUERIES
