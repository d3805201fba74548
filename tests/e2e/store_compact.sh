#!/usr/bin/env bash
# e2e: compaction and the graph snapshot.
# - build compacts a log of many re-reports by itself, and says so;
# - `compact` keeps every fact and evidence: check --dump and every export
#   are byte-identical before and after;
# - queries answer the same from a fresh snapshot, from the log (no
#   snapshot), and after a snapshot went stale or was damaged (detected,
#   reported, rebuilt);
# - SIGKILL at random moments of `compact` (20 trials) and of a query
#   writing the snapshot (10 trials) never loses a fact, and a query after
#   the kill answers as before (a stale snapshot is never trusted);
# - readers while a build appends see a consistent store.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "skip: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# N reports of about N/8 events, each from another article.
gen() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, random, sys
n, seed = int(sys.argv[1]), sys.argv[2]
rng = random.Random(seed)
codes = ["PAK","CHN","RUS","IND","USA","IRN","TUR","AFG","SAU","ARE","GBR","FRA"]
for i in range(n):
    r = random.Random(rng.randrange(max(1, n // 8)))
    t, c = r.choice([("meeting","043"),("visit","042"),("statement","010"),("project","061")])
    print(json.dumps({"type": t, "cameo": c,
        "date": "2025-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28)),
        "participants": [{"id": "country:" + p} for p in r.sample(codes, r.randint(2, 3))],
        "location": {"name": "City %d" % r.randint(1, 9), "country": r.choice(codes)},
        "evidence": [{"article": "%s%d" % (seed, i // 3), "sentence": i % 3, "start": 0,
                      "end": 60, "text": "sentence %d of batch %s" % (i, seed)}],
        "confidence": round(rng.random(), 2)}))
PY
}
gen 24000 a > a.jsonl
gen 2000 b > b.jsonl

# Every query and export, one output file each (stderr apart).
queries() {  # STORE OUTDIR
  mkdir -p "$2"
  "$DIPGRAPH" -q stats --store "$1" > "$2/stats" 2> "$2/stats.err"
  "$DIPGRAPH" -q ties --store "$1" PAK CHN > "$2/ties" 2> "$2/ties.err"
  "$DIPGRAPH" -q neighbors --store "$1" RUS --top 0 > "$2/neighbors" 2> "$2/neighbors.err"
  "$DIPGRAPH" -q path --store "$1" PAK GBR --k 3 > "$2/path" 2> "$2/path.err"
  "$DIPGRAPH" -q rank --store "$1" --by pagerank > "$2/rank" 2> "$2/rank.err"
  "$DIPGRAPH" -q timeline --store "$1" IND > "$2/timeline" 2> "$2/timeline.err"
  "$DIPGRAPH" -q export --store "$1" --format graphml > "$2/graphml" 2> "$2/graphml.err"
  "$DIPGRAPH" -q export --store "$1" --format json > "$2/json" 2> "$2/json.err"
}
same() {  # DIR1 DIR2 WHAT
  for f in stats ties neighbors path rank timeline graphml json; do
    cmp -s "$1/$f" "$2/$f" || fail "$3: $f differs: $(diff "$1/$f" "$2/$f" | head -5)"
  done
}

# --- A raw log (no compaction), its answers with and without a snapshot.
"$DIPGRAPH" build --no-compact --store raw a.jsonl 2> build.err || fail "build: $(cat build.err)"
grep -q 'snapshot written' build.err || fail "build wrote no snapshot: $(cat build.err)"
grep -q compacted build.err && fail "--no-compact compacted"
[ -f raw/graph.snapshot ] || fail "no raw/graph.snapshot"
records=$(wc -l < raw/facts.jsonl)
"$DIPGRAPH" check --store raw > check.out || fail "check: $(cat check.out)"
grep -q 'snapshot fresh' check.out || fail "snapshot not fresh after build: $(cat check.out)"
"$DIPGRAPH" check --store raw --dump > raw.dump 2> /dev/null
queries raw ref
[ -s ref/stats ] && [ -s ref/graphml ] && [ -s ref/ties ] || fail "empty reference answers"
rm raw/graph.snapshot
queries raw nosnap
same ref nosnap "without a snapshot"
[ -f raw/graph.snapshot ] || fail "the first query wrote no snapshot"
"$DIPGRAPH" check --store raw | grep -q 'snapshot fresh' || fail "query-written snapshot not fresh"

# Stale: a record appended behind dipgraph's back (a copy of the first one, so
# the facts do not change) -> detected, reported, rebuilt.
cp -r raw stale
head -n 1 stale/facts.jsonl >> stale/facts.jsonl
"$DIPGRAPH" stats --store stale > /dev/null 2> stale.err
grep -q 'stale snapshot' stale.err || fail "stale snapshot not reported: $(cat stale.err)"
queries stale stale.out
same ref stale.out "after a stale snapshot"
"$DIPGRAPH" check --store stale | grep -q 'snapshot fresh' || fail "stale snapshot not rebuilt"

# Damaged: a flipped byte in the middle of the snapshot.
cp -r raw bad
size=$(stat -c %s bad/graph.snapshot)
printf '\x7f' | dd of=bad/graph.snapshot bs=1 seek=$((size / 2)) conv=notrunc 2> /dev/null
"$DIPGRAPH" check --store bad | grep -q 'snapshot damaged' || fail "check: damage not seen"
"$DIPGRAPH" stats --store bad > /dev/null 2> bad.err
grep -q 'damaged snapshot' bad.err || fail "damaged snapshot not reported: $(cat bad.err)"
queries bad bad.out
same ref bad.out "after a damaged snapshot"

# --- compact: one record per fact, every answer and every fact the same.
cp -r raw comp
"$DIPGRAPH" compact --store comp 2> compact.err || fail "compact: $(cat compact.err)"
facts=$(wc -l < comp/facts.jsonl)
[ "$facts" -lt "$records" ] || fail "compact: $records -> $facts records"
grep -q "$records records -> $facts" compact.err || fail "compact message: $(cat compact.err)"
"$DIPGRAPH" check --store comp --dump 2> /dev/null | cmp -s - raw.dump || fail "compact changed the facts"
queries comp comp.out
same ref comp.out "after compact"
"$DIPGRAPH" check --store comp | grep -q 'snapshot fresh' || fail "no fresh snapshot after compact"

# build compacts by itself and says so.
"$DIPGRAPH" build --store auto a.jsonl 2> auto.err || fail "build: $(cat auto.err)"
grep -q "compacted the log: $records records -> $facts" auto.err || fail "no auto-compaction: $(cat auto.err)"
cmp -s auto/facts.jsonl comp/facts.jsonl || fail "auto-compaction differs from compact"

# --- SIGKILL during compaction: the old or the new log, never a mix.
start=$(date +%s%N)
cp -r raw timing && "$DIPGRAPH" -q compact --store timing 2> /dev/null
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
RANDOM=12
kills=0
round=0
# At least 20 rounds and 10 kills of a running compaction. The window is
# the time one compaction took; under a changing load a later one may be
# faster, so a round whose compaction had already ended narrows the window
# (at most 60 rounds): the kill moments stay random, the count stays met.
while [ "$round" -lt 20 ] || { [ "$kills" -lt 10 ] && [ "$round" -lt 60 ]; }; do
  round=$((round + 1))
  rm -rf k && cp -r raw k
  ms=$(( took_ms * (RANDOM % 1000) / 1000 ))
  "$DIPGRAPH" -q compact --store k 2> /dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  if kill -9 "$pid" 2> /dev/null; then kills=$((kills + 1)); else took_ms=$((took_ms * 3 / 4)); fi
  wait "$pid" 2> /dev/null
  n=$(wc -l < k/facts.jsonl)
  [ "$n" = "$records" ] || [ "$n" = "$facts" ] || fail "round $round: $n records, neither old nor new"
  "$DIPGRAPH" check --store k --dump 2> check.err | cmp -s - raw.dump ||
    fail "round $round: facts lost or changed: $(cat check.err)"
  "$DIPGRAPH" -q stats --store k > k.stats 2> /dev/null
  cmp -s k.stats ref/stats || fail "round $round: stats differ after a killed compaction:
$(diff ref/stats k.stats | head -8)"
  "$DIPGRAPH" -q ties --store k PAK CHN > k.ties 2> /dev/null
  cmp -s k.ties ref/ties || fail "round $round: ties differ after a killed compaction:
$(diff ref/ties k.ties | head -8) $(ls k) $("$DIPGRAPH" check --store k)"
done
[ "$kills" -ge 10 ] || fail "only $kills of $round compactions were still running when killed"

# --- SIGKILL while a query writes the snapshot: the next one answers the same.
start=$(date +%s%N)
rm raw/graph.snapshot && "$DIPGRAPH" -q stats --store raw > /dev/null 2>&1
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
for round in $(seq 1 10); do
  rm -f raw/graph.snapshot
  [ $((round % 2)) = 0 ] && cp comp/graph.snapshot raw/graph.snapshot  # an old one of another log
  ms=$(( took_ms * (RANDOM % 1000) / 1000 ))
  "$DIPGRAPH" -q stats --store raw > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  "$DIPGRAPH" -q stats --store raw > r.stats 2> /dev/null
  cmp -s r.stats ref/stats || fail "snapshot round $round: stats differ"
  "$DIPGRAPH" -q export --store raw --format graphml > r.graphml 2> /dev/null
  cmp -s r.graphml ref/graphml || fail "snapshot round $round: graphml differs"
done

# --- Readers while a writer appends: every answer is a whole state.
cp -r comp live
"$DIPGRAPH" -q build --store live b.jsonl 2> /dev/null &
pid=$!
for i in $(seq 1 15); do
  "$DIPGRAPH" stats --store live > live.out 2> live.err || fail "reader $i: exit $?: $(cat live.err)"
  grep -Eqi 'error|damaged|torn' live.err && fail "reader $i: $(cat live.err)"
done
wait "$pid" || fail "the writer failed"
"$DIPGRAPH" check --store live > live.check || fail "store after the concurrent build: $(cat live.check)"
echo "ok ($kills compaction kills)"
