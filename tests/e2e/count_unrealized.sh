#!/usr/bin/env bash
# e2e: --count-unrealized (graph/tie_tally.hpp): by default negated, planned
# and intended facts are shown but kept out of a tie's tone and weight; with
# the flag they count as if they had taken place, in ties, neighbors and
# the exports alike.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"id":"event:m1","type":"meeting","cameo":"043","date":"2025-01-01","confidence":0.8,"participants":[{"id":"country:PAK"},{"id":"country:CHN"}]}
{"id":"event:m2","type":"meeting","cameo":"043","date":"2025-02-01","status":"planned","confidence":0.8,"participants":[{"id":"country:PAK"},{"id":"country:CHN"}]}
{"id":"event:t1","type":"threat","cameo":"130","date":"2025-01-05","status":"negated","confidence":0.8,"source":[{"id":"country:IND"}],"target":[{"id":"country:PAK"}]}
JSON
F="--facts facts.jsonl"
json() { python3 -c "import json,sys; d=json.load(open('$1')); print($2)"; }

"$DIPGRAPH" -q ties $F PAK CHN --json > a.json || fail "ties: exit $?"
"$DIPGRAPH" -q ties $F PAK CHN --json --count-unrealized > b.json || fail "ties --count-unrealized: exit $?"
[ "$(grep -o '"cooperative": [0-9]*' a.json | head -1)" = '"cooperative": 1' ] || fail "default: $(cat a.json)"
[ "$(grep -o '"unrealized": [0-9]*' a.json | head -1)" = '"unrealized": 1' ] || fail "default unrealized: $(cat a.json)"
[ "$(grep -o '"cooperative": [0-9]*' b.json | head -1)" = '"cooperative": 2' ] || fail "--count-unrealized: $(cat b.json)"
[ "$(grep -o '"facts": [0-9]*' a.json | head -1)" = "$(grep -o '"facts": [0-9]*' b.json | head -1)" ] \
  || fail "the number of facts changed"

# India's negated threat: no weight by default, a conflictual tie with the flag.
"$DIPGRAPH" -q neighbors $F PAK --csv > n1.csv || fail "neighbors: exit $?"
"$DIPGRAPH" -q neighbors $F PAK --csv --count-unrealized > n2.csv || fail "neighbors --count-unrealized: exit $?"
python3 - n1.csv n2.csv <<'PY' || exit 1
import csv, sys
a = {r["iso3"]: r for r in csv.DictReader(open(sys.argv[1]))}
b = {r["iso3"]: r for r in csv.DictReader(open(sys.argv[2]))}
if "IND" not in b or int(b["IND"]["conflictual"]) != 1:
    sys.exit("FAIL: with --count-unrealized India's threat is conflictual: %s" % b)
if "IND" in a and (int(a["IND"]["conflictual"]) != 0 or float(a["IND"]["strength"]) != 0):
    sys.exit("FAIL: by default India's negated threat has no tone nor weight: %s" % a["IND"])
if float(b["CHN"]["strength"]) <= float(a["CHN"]["strength"]):
    sys.exit("FAIL: the planned meeting adds weight with the flag: %s vs %s" % (a["CHN"], b["CHN"]))
PY
# A store answers alike, from its snapshot: one written by a query with the
# flag stores the default numbers, and a query with the flag does not take
# the stored ones.
"$DIPGRAPH" -q build --store s facts.jsonl 2> /dev/null || fail "build: exit $?"
"$DIPGRAPH" -q ties --store s PAK CHN --json --count-unrealized > sb.json || fail "store ties: exit $?"
[ -f s/graph.snapshot ] || fail "no snapshot written"
cmp -s b.json sb.json || fail "store ties --count-unrealized differ: $(cat sb.json)"
"$DIPGRAPH" -q neighbors --store s PAK --csv > s1.csv || fail "store neighbors: exit $?"
cmp -s n1.csv s1.csv || fail "store neighbors differ: $(cat s1.csv)"
"$DIPGRAPH" -q neighbors --store s PAK --csv --count-unrealized > s2.csv || fail "store neighbors --count-unrealized: exit $?"
cmp -s n2.csv s2.csv || fail "store neighbors --count-unrealized differ: $(cat s2.csv)"
echo "count_unrealized: ok"
