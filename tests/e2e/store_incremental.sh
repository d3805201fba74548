#!/usr/bin/env bash
# e2e: adding a batch to a store extends its snapshot and its fact index
# (DIR/facts.idx) instead of rebuilding them, with the answers of a store
# built in one go; and SIGKILL at random moments of such a build (20 trials)
# never loses a fact nor leaves a snapshot or an index that is trusted while
# stale: after each kill the answers are those the log gives, and a rerun
# ends with the answers of the uninterrupted build.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "skip: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# COUNT facts dated in YEAR (so two years never share a fact id), a few
# people who get their country only in later facts, places, topics.
facts() {  # COUNT YEAR
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, random, sys
n, year = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(year)
codes = ["PAK", "CHN", "RUS", "IND", "USA", "IRN", "TUR", "AFG", "SAU", "GBR", "FRA", "BEL"]
people = ["ana-silva", "li-wei", "omar-khan", "eva-berg"]
for i in range(n):
    parties = [{"id": "country:" + c} for c in rng.sample(codes, rng.randint(2, 3))]
    if rng.random() < 0.2:
        p = rng.choice(people)
        actor = {"id": "person:" + p, "name": p.replace("-", " ").title()}
        if year > 2020 and rng.random() < 0.5: actor["country"] = rng.choice(codes)
        parties.append(actor)
    fact = {"type": rng.choice(["meeting", "visit", "statement", "criticism"]),
            "cameo": rng.choice(["043", "042", "010", "111"]),
            "date": "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28)),
            "participants": parties,
            "evidence": [{"article": "y%d-%d" % (year, i), "text": "Report %d of %d." % (i, year)}]}
    if rng.random() < 0.5: fact["location"] = {"name": "City %d" % rng.randint(1, 5), "country": rng.choice(codes)}
    if rng.random() < 0.2: fact["topics"] = [rng.choice(codes)]
    print(json.dumps(fact))
PY
}
facts 6000 2019 > base.jsonl
facts 9000 2024 > batch.jsonl

answers() {  # STORE OUTDIR
  mkdir -p "$2"
  "$DIPGRAPH" -q stats --store "$1" > "$2/stats" 2> "$2/stats.err"
  "$DIPGRAPH" -q ties --store "$1" PAK CHN > "$2/ties" 2> "$2/ties.err"
  "$DIPGRAPH" -q neighbors --store "$1" RUS --top 0 > "$2/neighbors" 2> "$2/neighbors.err"
  "$DIPGRAPH" -q path --store "$1" person:eva-berg BEL --k 2 > "$2/path" 2> "$2/path.err"
  "$DIPGRAPH" -q export --store "$1" --format json > "$2/json" 2> "$2/json.err"
}
same() {  # DIR1 DIR2 WHAT
  for f in stats ties neighbors path json; do
    cmp -s "$1/$f" "$2/$f" || fail "$3: $f differs: $(diff "$1/$f" "$2/$f" | head -5)"
  done
}
from_log() {  # STORE OUTDIR: the answers of the log alone (no snapshot, no index)
  rm -rf fromlog && cp -r "$1" fromlog && rm -f fromlog/graph.snapshot fromlog/facts.idx
  answers fromlog "$2"
}

# A store holding base.jsonl, its snapshot and index fresh (a copy would
# not do: the snapshot and the index know their log's inode).
base() {  # STORE
  rm -rf "$1"
  "$DIPGRAPH" -q build --store "$1" base.jsonl 2> build.err || fail "build: $(cat build.err)"
}
base base
[ -f base/facts.idx ] || fail "no base/facts.idx"
"$DIPGRAPH" build --store one base.jsonl batch.jsonl 2> /dev/null || fail "one build"
answers one ref

# --- A batch extends the snapshot; the answers are the one build's.
base inc
"$DIPGRAPH" build --store inc batch.jsonl 2> inc.err || fail "batch: $(cat inc.err)"
grep -q 'snapshot extended by [0-9]* facts' inc.err || fail "snapshot not extended: $(cat inc.err)"
"$DIPGRAPH" check --store inc | grep -q 'snapshot fresh' || fail "extended snapshot not fresh"
answers inc incq
same ref incq "extended snapshot"
"$DIPGRAPH" check --store inc --dump 2> /dev/null > inc.dump
"$DIPGRAPH" check --store one --dump 2> /dev/null | cmp -s - inc.dump || fail "facts differ from one build"
# Re-reports of stored facts: merged, the snapshot rebuilt; the same answers
# as from the log.
head -n 300 base.jsonl | sed 's/"article": "y/"article": "again-y/' > again.jsonl
"$DIPGRAPH" build --store inc again.jsonl 2> again.err || fail "re-reports: $(cat again.err)"
grep -q '300 merged' again.err || fail "re-reports not merged: $(cat again.err)"
answers inc againq
from_log inc againlog
same againlog againq "after re-reports"

# --- SIGKILL during a batch build: old or new, never a trusted stale state.
start=$(date +%s%N)
base timing && "$DIPGRAPH" -q build --store timing batch.jsonl 2> /dev/null
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
RANDOM=23
kills=0
round=0
while [ "$round" -lt 20 ] || { [ "$kills" -lt 10 ] && [ "$round" -lt 60 ]; }; do
  round=$((round + 1))
  base k
  ms=$(( took_ms * (RANDOM % 1000) / 1000 ))
  "$DIPGRAPH" -q build --store k batch.jsonl 2> /dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  if kill -9 "$pid" 2> /dev/null; then kills=$((kills + 1)); else took_ms=$((took_ms * 3 / 4)); fi
  wait "$pid" 2> /dev/null
  # Whatever the kill left answers as its log does.
  answers k kq
  from_log k klog
  same klog kq "round $round, after the kill"
  # The rerun completes the batch: the one build's facts and answers.
  "$DIPGRAPH" -q build --store k batch.jsonl 2> rerun.err || fail "round $round: rerun: $(cat rerun.err)"
  "$DIPGRAPH" check --store k --dump 2> /dev/null | cmp -s - inc.dump ||
    fail "round $round: facts lost or changed"
  answers k kq
  same ref kq "round $round, after the rerun"
done
[ "$kills" -ge 10 ] || fail "only $kills of $round builds were still running when killed"
echo "ok ($kills kills)"
