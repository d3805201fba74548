#!/usr/bin/env bash
# bench_pg: the database store against the file store, wall-clock
# (docs/scale.md, "Measured").
#
#   bench/bench_pg.sh BUILD_DIR [N_WRITE] [N_LOAD] [WORK_DIR]
#       (N_WRITE defaults to 200000, N_LOAD to 1000000)
#
# Starts its own throwaway PostgreSQL (tests/pg/server.sh; fsync off, like
# a test server: durable settings write slower), then:
# 1. write throughput: N_WRITE synthetic facts (gen_facts) split into W
#    shards, W concurrent `dipgraph build`s into one fresh database, for
#    W = 1, 2, 4; facts/s = N_WRITE / wall time; the same into a file store
#    (one writer: it takes one at a time);
# 2. load: N_LOAD facts (built by 4 writers), `dipgraph stats` reading the
#    whole store (COPY + graph) with an empty cache, against the file store
#    read from its log (snapshot removed);
# 3. warm: the same and `ties`/`path` queries with the graph cache (database)
#    and the snapshot (file store) fresh.
# On a shared machine read the figures as a run's, not a law.
set -u
build=${1:?usage: bench_pg.sh BUILD_DIR [N_WRITE] [N_LOAD] [WORK_DIR]}
nw=${2:-200000}
nl=${3:-1000000}
work=${4:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$build" && pwd)
dg="$build/dipgraph"
mkdir -p "$work"
cd "$work" || exit 2
env="$work/pg.env"
"$here/tests/pg/server.sh" start "$env" >/dev/null || exit 2
trap '"$here/tests/pg/server.sh" stop "$env" >/dev/null' EXIT
set -a; . "$env"; set +a
export DIPGRAPH_CACHE="$work/cache"
psql() { "$PG_BINDIR/psql" -X -q -d postgres "$@"; }
newdb() { psql -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1
          echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
now() { date +%s%N; }
secs() { echo "scale=2; ($2 - $1) / 1000000000" | bc; }
timed() {  # LABEL CMD...
  local label=$1; shift
  local t0; t0=$(now)
  "$@" >/dev/null 2>timed.err || { echo "$label: failed: $(tail -2 timed.err)"; return 1; }
  printf '%-58s %8s s\n' "$label" "$(secs "$t0" "$(now)")"
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}')"

"$build/gen_facts" "$nw" --seed 11 >write.jsonl
# parallel_build FILE N DB LABEL: FILE cut into N shards, N builds at once
parallel_build() {
  local n=$2 t0 t p pids=()
  rm -f shard.*
  split -n "l/$n" -d --additional-suffix=.jsonl "$1" shard.
  t0=$(now)
  for s in shard.*; do "$dg" -q build --store "$3" "$s" 2>/dev/null & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || echo "writer failed"; done
  t=$(secs "$t0" "$(now)")
  printf '%-58s %8s s  %8.0f facts/s\n' "$4" "$t" "$(echo "$(wc -l <"$1") / $t" | bc -l)"
}
for w in 1 2 4; do
  parallel_build write.jsonl "$w" "$(newdb write$w)" "write $nw facts, $w writer(s), database"
done
rm -rf write.store
t0=$(now)
"$dg" -q build --store write.store write.jsonl 2>/dev/null
t=$(secs "$t0" "$(now)")
printf '%-58s %8s s  %8.0f facts/s\n' "write $nw facts, 1 writer, file store (+snapshot)" "$t" "$(echo "$nw / $t" | bc -l)"

"$build/gen_facts" "$nl" --seed 12 >load.jsonl
db=$(newdb load)
parallel_build load.jsonl 4 "$db" "write $nl facts, 4 writers, database"
rm -rf load.store
timed "write $nl facts, 1 writer, file store (+snapshot)" "$dg" -q build --store load.store load.jsonl
rm -rf "$DIPGRAPH_CACHE"
timed "stats, $nl facts, database, cold (COPY + graph + cache)" "$dg" -q stats --store "$db"
rm -f load.store/graph.snapshot
timed "stats, $nl facts, file store, from the log (+snapshot)" "$dg" -q stats --store load.store
for run in 1 2; do
  timed "stats, database, warm graph cache (run $run)" "$dg" -q stats --store "$db"
  timed "stats, file store, fresh snapshot (run $run)" "$dg" -q stats --store load.store
done
# the two countries most often named in the first facts
read -r a b < <(head -5000 load.jsonl | grep -o '"country:[A-Z]*"' | sort | uniq -c | sort -rn |
                awk 'NR<=2 {gsub(/"/, "", $2); printf "%s ", $2}')
timed "ties $a $b, database, warm cache" "$dg" -q ties "$a" "$b" --store "$db"
timed "ties $a $b, file store, snapshot" "$dg" -q ties "$a" "$b" --store load.store
timed "path $a $b, database, warm cache" "$dg" -q path "$a" "$b" --store "$db"
timed "path $a $b, file store, snapshot" "$dg" -q path "$a" "$b" --store load.store
psql -d load -At -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size('load'))"
echo "file store size: $(du -sh load.store/facts.jsonl | cut -f1) log"
