#!/usr/bin/env bash
# e2e: crash safety of the store. A build of a large facts file is killed
# with SIGKILL at random moments, ten times; after each kill the store must
# load with at most a torn tail (no garbled or lost whole record), and
# building again continues where it stopped. The final store must be
# byte-identical to the store of one uninterrupted build. Since a kill
# rarely lands inside a write(), the log is also cut at random bytes (what a
# crash in the middle of a write leaves) and rebuilt: check must report the
# torn tail and the rebuild must hold the same facts (the reference log is
# compacted by its build, so the cut facts come back as separate records).
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "skip: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# 20k facts about ~3000 events: many merges, ~10 MB.
/usr/bin/python3 - 20000 > facts.jsonl <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(7)
codes = ["PAK","CHN","RUS","IND","USA","IRN","TUR","AFG","SAU","ARE","GBR","FRA","DEU","JPN"]
types = [("meeting","043"),("visit","042"),("statement","010"),("project","061")]
words = "minister talks bilateral cooperation trade energy security summit agreement said".split()
for i in range(n):
    r = random.Random(rng.randrange(3000))
    t, c = r.choice(types)
    parties = r.sample(codes, r.randint(2, 4))
    print(json.dumps({"type": t, "cameo": c,
        "date": "2025-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28)),
        "participants": [{"id": "country:" + p, "name": "Country " + p} for p in parties],
        "evidence": [{"article": "a%d" % (i // 5), "sentence": i % 5, "start": 0, "end": 100,
                      "text": " ".join(rng.choice(words) for _ in range(20))}],
        "confidence": round(rng.random(), 3)}))
PY

start=$(date +%s%N)
"$DIPGRAPH" --quiet build --store ref facts.jsonl 2> ref.err || fail "reference build: $(cat ref.err)"
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$DIPGRAPH" check --store ref --dump > ref.dump 2> /dev/null || fail "reference store does not check"

RANDOM=42
kills=0
round=0
# At least 10 rounds and 5 kills of a running build; a round whose build had
# already ended (a later build faster than the timed one, the load having
# changed) narrows the window, for at most 30 rounds.
while [ "$round" -lt 10 ] || { [ "$kills" -lt 5 ] && [ "$round" -lt 30 ]; }; do
  round=$((round + 1))
  # A random moment within the time an uninterrupted build takes.
  ms=$(( took_ms * (RANDOM % 1000) / 1000 ))
  delay=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
  "$DIPGRAPH" --quiet build --store crash facts.jsonl 2> /dev/null &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2> /dev/null; then kills=$((kills + 1)); else took_ms=$((took_ms * 3 / 4)); fi
  wait "$pid" 2> /dev/null
  [ -d crash ] || continue
  "$DIPGRAPH" check --store crash > check.out 2> check.err
  rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "round $round: check exit $rc: $(cat check.err)"
  # The only damage a crash may leave is a torn last record.
  if grep -v 'torn record at the end of the log' check.err | grep -q .; then
    fail "round $round: damage beyond a torn tail: $(cat check.err)"
  fi
  "$DIPGRAPH" check --store crash --dump > /dev/null 2>&1
  [ $? -le 1 ] || fail "round $round: the store does not load"
done
[ "$kills" -ge 5 ] || fail "only $kills of $round builds were still running when killed"

size=$(stat -c %s ref/facts.jsonl)
for round in 1 2 3; do
  rm -rf cut && cp -r ref cut
  at=$(( (RANDOM * 32768 + RANDOM) % size ))
  truncate -s "$at" cut/facts.jsonl
  "$DIPGRAPH" check --store cut > /dev/null 2> cut.err
  rc=$?
  if [ "$(tail -c 1 cut/facts.jsonl | od -An -c | tr -d ' ')" != '\n' ] && [ "$at" -gt 0 ]; then
    [ "$rc" = 1 ] || fail "cut at $at: check exit $rc"
    grep -q 'facts.jsonl:[0-9]*: torn record at the end of the log' cut.err ||
      fail "cut at $at: torn tail not reported: $(cat cut.err)"
  fi
  "$DIPGRAPH" --quiet build --store cut facts.jsonl 2> cut.err || fail "rebuild after cut: $(cat cut.err)"
  "$DIPGRAPH" check --store cut --dump 2> /dev/null | cmp -s - ref.dump ||
    fail "cut at $at: the rebuild holds other facts than one build"
done

"$DIPGRAPH" --quiet build --store crash facts.jsonl 2> rerun.err || fail "rerun: $(cat rerun.err)"
"$DIPGRAPH" check --store crash > /dev/null || fail "store after the rerun does not check"
cmp -s ref/facts.jsonl crash/facts.jsonl || fail "interrupted builds + rerun differ from one build"
"$DIPGRAPH" check --store crash --dump 2> /dev/null | cmp -s - ref.dump || fail "dumps differ"
echo "ok ($kills kills)"
