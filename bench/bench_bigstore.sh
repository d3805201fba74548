#!/usr/bin/env bash
# bench_bigstore: a big store end to end, wall-clock, side by side in one run
# (docs/graph.md, "Benchmark: big stores").
#
#   bench/bench_bigstore.sh BUILD_DIR [N] [WORK_DIR]      (N defaults to 1000000)
#
# 1. gen_facts N facts; `dipgraph build` (writes the snapshot);
# 2. path, ties, neighbors and stats through the CLI with a fresh snapshot
#    (and three filtered ones), each run 3 times (best and worst wall-clock), and once from the log
#    (snapshot removed: the cost before snapshots);
# 3. the same four questions through python3-igraph: load the GraphML
#    dipgraph exports, then query (load and query timed apart);
# 4. adding a batch of 10,000 new facts, snapshot included (and again
#    without the saved fact index; then 10,000 re-reports of stored facts);
# 5. merging: build and stats of 5k, 10k, 20k and 100k records of one fact id.
# Wall-clock, on a shared machine: read the figures as a run's, not a law.
set -u
build=${1:?usage: bench_bigstore.sh BUILD_DIR [N] [WORK_DIR]}
n=${2:-1000000}
work=${3:-$(mktemp -d)}
dg="$build/dipgraph"
mkdir -p "$work"
cd "$work" || exit 2
now() { date +%s%N; }
secs() { echo "scale=3; ($2 - $1) / 1000000000" | bc; }
timed() {  # LABEL CMD...: prints "LABEL  S s"
  local label=$1; shift
  local t0; t0=$(now)
  "$@" > /dev/null 2> timed.err || { echo "$label: failed: $(tail -2 timed.err)"; return 1; }
  printf '%-48s %8s s\n' "$label" "$(secs "$t0" "$(now)")"
}

[ -s facts.jsonl ] || "$build/gen_facts" "$n" > facts.jsonl
[ -s batch.jsonl ] || "$build/gen_facts" 10000 --seed 7 > batch.jsonl
[ -s batch2.jsonl ] || "$build/gen_facts" 10000 --seed 8 > batch2.jsonl
[ -s batch3.jsonl ] || "$build/gen_facts" 10000 --seed 9 > batch3.jsonl
# 10,000 stored facts, each reported again by another article.
[ -s rereports.jsonl ] ||
  awk -v step=$(( n > 10000 ? n / 10000 : 1 )) 'NR % step == 0' facts.jsonl | head -n 10000 |
  sed 's/"article":"art-/"article":"again-/g' > rereports.jsonl
rm -rf store
echo "== $n generated facts ($(du -h facts.jsonl | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o build.time \
  "$dg" -q build --store store facts.jsonl 2> build.err
printf '%-48s %s\n' "build of $n facts, snapshot included" "$(cat build.time)"
printf '%-48s %8s\n' "store: log / snapshot" \
  "$(du -h store/facts.jsonl | cut -f1) / $(du -h store/graph.snapshot | cut -f1)"

read -r A B C <<< "$("$dg" -q rank --store store --top 3 --json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
rows = d["ranking"] if isinstance(d, dict) and "ranking" in d else d
print(" ".join(r["country"]["id"] for r in rows[:3]))')"
echo "== queries ($A, $B, $C), fresh snapshot: best / worst of 3"
q() {  # LABEL ARGS...: best / worst wall of 3, and the CPU (user + sys) of the best
  local label=$1; shift
  local best=999 worst=0 cpu=""
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o q.time "$dg" -q "$@" --store store > q.out 2> q.err ||
      { echo "$label failed: $(cat q.err)"; return; }
    local s u y; read -r s u y < q.time
    if [ "$(echo "$s < $best" | bc)" = 1 ]; then best=$s; cpu="$u + $y"; fi
    worst=$(echo "if ($s > $worst) $s else $worst" | bc)
  done
  printf '%-48s %8s / %s s wall, CPU %s s\n' "$label" "$best" "$worst" "$cpu"
}
q "path $A $C" path "$A" "$C"
q "ties $A $B" ties "$A" "$B"
q "neighbors $A" neighbors "$A"
q "stats" stats
q "ties $A $B --since 2020 --type meeting" ties "$A" "$B" --since 2020 --type meeting
q "neighbors $A --min-confidence 0.7" neighbors "$A" --min-confidence 0.7
q "stats --since 2020 --type meeting" stats --since 2020 --type meeting
echo "== the same from the log (snapshot removed before each)"
for args in "path $A $C" "ties $A $B" "neighbors $A" "stats"; do
  rm -f store/graph.snapshot
  # shellcheck disable=SC2086
  timed "$args (no snapshot; writes it)" "$dg" -q $args --store store
done

echo "== igraph (python3-igraph): load the GraphML, then query"
"$dg" -q export --store store --format graphml -o graph.graphml
/usr/bin/python3 - graph.graphml "$A" "$B" "$C" <<'PY'
import sys, time
try:
    import igraph
except ImportError:
    print("   igraph not installed"); sys.exit(0)
path, a, b, c = sys.argv[1:5]
t0 = time.perf_counter()
g = igraph.Graph.Read_GraphML(path)
t1 = time.perf_counter()
print("%-48s %8.3f s" % ("igraph load GraphML", t1 - t0))
ids = {v: i for i, v in enumerate(g.vs["id"])}
kind = g.vs["kind"]
def timed(label, f):
    t = time.perf_counter(); r = f(); print("%-48s %8.3f s  (+ load = %.3f s)" % (label, time.perf_counter() - t, time.perf_counter() - t + t1 - t0)); return r
timed("igraph path %s %s" % (a, c), lambda: g.get_shortest_paths(ids[a], ids[c], mode="all"))
def ties():
    ea = set(u for u in g.neighbors(ids[a], mode="all") if kind[u] == "event")
    return [u for u in g.neighbors(ids[b], mode="all") if u in ea]
timed("igraph ties %s %s" % (a, b), ties)
def neighbors():
    out = {}
    for e in g.neighbors(ids[a], mode="all"):
        if kind[e] != "event": continue
        for p in g.neighbors(e, mode="all"):
            if kind[p] == "country" and p != ids[a]: out[p] = out.get(p, 0) + 1
    return sorted(out.items(), key=lambda x: -x[1])[:10]
timed("igraph neighbors %s" % a, neighbors)
def stats():
    counts = {}
    for k in kind: counts[k] = counts.get(k, 0) + 1
    deg = g.degree()
    top = sorted((i for i in range(g.vcount()) if kind[i] == "country"), key=lambda i: -deg[i])[:10]
    return g.vcount(), g.ecount(), counts, top
timed("igraph stats", stats)
PY

echo "== adding a batch of 10,000 new facts (snapshot included), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o batch.time \
  "$dg" build --store store batch.jsonl 2> batch.err
printf '%-48s %s\n' "build +10,000 facts (snapshot included)" "$(cat batch.time)"
grep -o 'snapshot [a-z]*' batch.err | head -1
q "stats after the batch" stats
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o batch.time \
  "$dg" -q build --store store batch2.jsonl 2> /dev/null
printf '%-48s %s\n' "build +10,000 more facts (a second batch)" "$(cat batch.time)"
# A third batch without the fact index (the writer hashes every record's id).
rm -f store/facts.idx
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o batch.time \
  "$dg" -q build --store store batch3.jsonl 2> /dev/null
printf '%-48s %s\n' "build +10,000 facts, no facts.idx (rebuilt)" "$(cat batch.time)"
# Re-reports of 10,000 stored facts (new evidence): merged, snapshot rebuilt.
/usr/bin/time -f '%e s wall, CPU %U + %S s, peak RSS %M KB' -o batch.time \
  "$dg" build --store store rereports.jsonl 2> batch.err
printf '%-48s %s\n' "build 10,000 re-reports of stored facts" "$(cat batch.time)"
grep -o 'facts: [^(]*' batch.err | head -1

echo "== merging: K records of one fact id (build, then stats from the log)"
for k in 5000 10000 20000 100000; do
  /usr/bin/python3 - "$k" > one.jsonl <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"type": "meeting", "cameo": "043", "date": "2025-07-10",
        "participants": [{"id": "country:PAK"}, {"id": "country:CHN"}],
        "evidence": [{"article": "a%d" % i, "sentence": 0, "start": 0, "end": 40,
                      "text": "Pakistan and China met, said report %d." % i}]}))
PY
  rm -rf one
  timed "build $k records of one id (--no-compact)" "$dg" -q build --no-compact --store one one.jsonl
  rm -f one/graph.snapshot
  timed "stats from the log of $k records" "$dg" -q stats --store one
done
