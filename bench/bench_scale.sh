#!/usr/bin/env bash
# bench_scale: how a file store's costs grow with N, one size per run
# (docs/scale.md, "5. One big file store", "From 100k to 10M").
#
#   bench/bench_scale.sh BUILD_DIR N WORK_DIR
#
# gen_facts N facts (kept in WORK_DIR/facts.jsonl for the next run); `build`
# (wall, CPU, peak RSS); store sizes; path, ties, neighbors, stats and two
# filtered queries with a fresh snapshot (best of 3, with CPU and RSS);
# `export --format graphml` (the file is removed after); a batch of 10,000
# new facts. Lighter than bench_bigstore.sh (no igraph, no run from the
# log), for sizes where those take too long. Wall-clock on a shared
# machine: the load average is printed with each query.
set -u
build=${1:?usage: bench_scale.sh BUILD_DIR N WORK_DIR}
n=${2:?N}
w=${3:?WORK_DIR}
dg=$(realpath "$build/dipgraph")
gen=$(realpath "$build/gen_facts")
mkdir -p "$w"
cd "$w" || exit 2
[ -s facts.jsonl ] || nice -n 5 "$gen" "$n" > facts.jsonl
rm -rf store
echo "== N=$n load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o b.time \
  nice -n 5 "$dg" -q build --store store facts.jsonl 2> /dev/null
echo "build: $(cat b.time)"
echo "log / snapshot / idx: $(du -h store/facts.jsonl | cut -f1) / $(du -h store/graph.snapshot | cut -f1) / $(du -h store/facts.idx | cut -f1)"
"$dg" -q stats --store store | head -1
q() {  # LABEL ARGS...: best of 3
  local label=$1; shift
  local best=999 cpu="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o q.time "$dg" -q "$@" --store store > /dev/null 2> q.err ||
      { echo "$label failed $(cat q.err)"; return; }
    local s u y m; read -r s u y m < q.time
    if [ "$(echo "$s < $best" | bc)" = 1 ]; then best=$s; cpu="$u + $y"; rss=$m; fi
  done
  printf '%-44s best %s s wall, CPU %s s, RSS %s KB (load %s)\n' "$label" "$best" "$cpu" "$rss" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}
q "path ELZ LUP" path ELZ LUP
q "ties ELZ JOM" ties ELZ JOM
q "neighbors ELZ" neighbors ELZ
q "stats" stats
q "stats --since 2020 --type meeting" stats --since 2020 --type meeting
q "neighbors ELZ --min-confidence 0.7" neighbors ELZ --min-confidence 0.7
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o e.time \
  nice -n 5 "$dg" -q export --store store --format graphml -o g.graphml
echo "export graphml: $(cat e.time), $(du -h g.graphml | cut -f1)"
rm -f g.graphml
[ -s batch.jsonl ] || "$gen" 10000 --seed 7 > batch.jsonl
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o bt.time \
  nice -n 5 "$dg" build --store store batch.jsonl 2> bt.err
echo "batch +10k: $(cat bt.time); $(grep -o 'snapshot [a-z]*' bt.err | head -1)"
