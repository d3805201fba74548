#!/usr/bin/env bash
# e2e: two builds into one store at the same time. The second waits for the
# writer lock, so the store equals the two builds run one after the other
# (in one order or the other), byte for byte.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
[ -x /usr/bin/python3 ] || { echo "skip: no /usr/bin/python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# Two batches of 15k facts about overlapping events, from different articles.
for part in a b; do
  /usr/bin/python3 - 15000 "$part" > "$part.jsonl" <<'PY'
import json, random, sys
n, part = int(sys.argv[1]), sys.argv[2]
rng = random.Random(part)
codes = ["PAK","CHN","RUS","IND","USA","IRN","TUR","AFG","SAU","ARE"]
for i in range(n):
    r = random.Random(rng.randrange(2000))
    print(json.dumps({"type": "meeting", "cameo": "043",
        "date": "2025-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28)),
        "participants": [{"id": "country:" + p} for p in r.sample(codes, r.randint(2, 3))],
        "evidence": [{"article": "%s%d" % (part, i // 4), "sentence": i % 4, "start": 0,
                      "end": 60, "text": "sentence %d of batch %s" % (i, part)}],
        "confidence": round(rng.random(), 2)}))
PY
done

"$DIPGRAPH" --quiet build --store ab a.jsonl 2> /dev/null || fail "sequential a"
"$DIPGRAPH" --quiet build --store ab b.jsonl 2> /dev/null || fail "sequential b"
"$DIPGRAPH" --quiet build --store ba b.jsonl 2> /dev/null || fail "sequential b first"
"$DIPGRAPH" --quiet build --store ba a.jsonl 2> /dev/null || fail "sequential a second"
cmp -s ab/facts.jsonl ba/facts.jsonl && fail "test is too weak: the order of builds does not matter"

for round in 1 2 3; do
  rm -rf both
  "$DIPGRAPH" build --store both a.jsonl 2> a.err &
  pa=$!
  "$DIPGRAPH" build --store both b.jsonl 2> b.err &
  pb=$!
  wait "$pa" || fail "concurrent build a: $(cat a.err)"
  wait "$pb" || fail "concurrent build b: $(cat b.err)"
  "$DIPGRAPH" check --store both > /dev/null || fail "round $round: the store does not check"
  if ! cmp -s both/facts.jsonl ab/facts.jsonl && ! cmp -s both/facts.jsonl ba/facts.jsonl; then
    fail "round $round: concurrent builds differ from both sequential orders"
  fi
done
echo ok
