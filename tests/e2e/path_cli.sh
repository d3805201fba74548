#!/usr/bin/env bash
# e2e: `dipgraph path A B` on a small store: the readable chain with event
# type, status, date and evidence; --json with stable ids; --k; --countries;
# negated events left out unless --include-negated; places and hubs left out
# unless --via; exit 1 and a message when there is no path (saying when
# --via would give one); exit 2 with near-match suggestions for an unknown name;
# exit 2 for a missing store.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"type":"project","cameo":"061","status":"planned","date":"2025-08","name":"railway project","participants":[{"id":"country:PAK","name":"Pakistan"},{"id":"country:UZB","name":"Uzbekistan"}],"evidence":[{"article":"a1","sentence":2,"start":0,"end":50,"text":"Pakistan and Uzbekistan plan a railway through Afghanistan."}]}
{"type":"meeting","cameo":"043","date":"2025-07-10","source":[{"id":"person:alexei-overchuk","kind":"person","name":"Alexei Overchuk","country":"RUS","role":"Deputy Prime Minister"}],"target":[{"id":"country:UZB"}],"location":{"name":"Tashkent","country":"UZB"},"evidence":[{"article":"a2","sentence":0,"start":0,"end":40,"text":"Overchuk met Uzbek officials in Tashkent."}]}
{"type":"meeting","cameo":"043","status":"negated","date":"2025-06","participants":[{"id":"country:PAK"},{"id":"country:IND","name":"India"}],"evidence":[{"article":"a3","sentence":1,"start":0,"end":30,"text":"Pakistan and India did not meet."}]}
{"type":"meeting","cameo":"043","participants":[{"id":"country:ISL","name":"Iceland"},{"id":"country:NOR","name":"Norway"}],"evidence":[{"article":"a4","sentence":0,"start":0,"end":20,"text":"Iceland met Norway."}]}
JSON
"$DIPGRAPH" build --store s facts.jsonl 2> /dev/null || fail "build"

# The chain, with evidence.
"$DIPGRAPH" -q path --store s Pakistan uzb > out 2> err; rc=$?
[ "$rc" = 0 ] || fail "path PAK UZB: exit $rc: $(cat err)"
head -1 out | grep -qx 'Pakistan → railway project (project, planned, 2025-08) → Uzbekistan' \
  || fail "chain: $(cat out)"
grep -q '^  railway project (project, planned, 2025-08): "Pakistan and Uzbekistan plan a railway through Afghanistan." \[a1\]$' out \
  || fail "evidence line: $(cat out)"

# Person to country through a place and an event.
"$DIPGRAPH" -q path --store s Overchuk PAK > out 2> err || fail "Overchuk PAK: $(cat err)"
head -1 out | grep -qx 'Alexei Overchuk → meeting (occurred, 2025-07-10) → Uzbekistan → railway project (project, planned, 2025-08) → Pakistan' \
  || fail "person chain: $(cat out)"

# JSON with stable ids.
"$DIPGRAPH" -q path --store s PAK UZB --json > out.json || fail "--json"
/usr/bin/python3 - out.json <<'PY' || fail "--json content: $(cat out.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["from"]["id"] == "country:PAK" and d["to"]["id"] == "country:UZB", d
p = d["paths"][0]
assert p["length"] == 2
assert [v["id"] for v in p["vertices"]][::2] == ["country:PAK", "country:UZB"]
ev = p["vertices"][1]
assert ev["id"].startswith("event:") and ev["type"] == "project" and ev["status"] == "planned"
assert ev["evidence"]["article"] == "a1"
assert [e["kind"] for e in p["edges"]] == ["participant", "participant"]
PY

# k shortest: the second runs through the place Tashkent, so only with --via places.
"$DIPGRAPH" -q path --store s RUS PAK --k 3 > out || fail "--k 3: $(cat out)"
grep -q '^1\. (5 steps) Russia → Alexei Overchuk → meeting (occurred, 2025-07-10) → Uzbekistan → ' out \
  || fail "--k 1st: $(cat out)"
! grep -q '^2\.' out || fail "--k: a path through a place without --via places: $(cat out)"
"$DIPGRAPH" -q path --store s RUS PAK --k 3 --via places > out || fail "--k 3 --via places: $(cat out)"
grep -q '^2\. (6 steps) Russia → Alexei Overchuk → meeting (occurred, 2025-07-10) → Tashkent → Uzbekistan' out \
  || fail "--k 2nd: $(cat out)"
! grep -q '^3\.' out || fail "--k: only two loopless paths exist: $(cat out)"
"$DIPGRAPH" -q path --store s RUS PAK --via nowhere > out 2> err; rc=$?
[ "$rc" = 2 ] && grep -q -- '--via "nowhere" is not one of places, hubs, all' err || fail "--via nowhere: $rc $(cat err)"

# Country view.
"$DIPGRAPH" -q path --store s Overchuk PAK --countries > out || fail "--countries"
head -1 out | grep -qx 'Russia → Uzbekistan → Pakistan' || fail "--countries chain: $(cat out)"
# The railway is only planned: a fact of the tie, not in its tone (docs/graph.md).
grep -q '^  Uzbekistan – Pakistan: 1 fact (0 cooperative, 0 neutral, 0 conflictual; 1 not realized), mean Goldstein' out \
  || fail "--countries tie: $(cat out)"

# Negated events tie nothing unless asked.
"$DIPGRAPH" -q path --store s PAK IND > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "negated: exit $rc"
grep -q 'no path between Pakistan (country:PAK) and India (country:IND)' err || fail "no-path message: $(cat err)"
"$DIPGRAPH" -q path --store s PAK IND --include-negated > out || fail "--include-negated"
grep -q 'meeting (negated, 2025-06)' out || fail "--include-negated chain: $(cat out)"

# No path; JSON no path.
"$DIPGRAPH" -q path --store s PAK Iceland > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "no path: exit $rc"
[ ! -s out ] || fail "no path printed something: $(cat out)"
"$DIPGRAPH" -q path --store s PAK ISL --json > out 2> /dev/null; rc=$?
[ "$rc" = 1 ] || fail "no path json: exit $rc"
grep -q '"paths": \[\]' out || fail "no path json: $(cat out)"

# Unknown and ambiguous names.
"$DIPGRAPH" -q path --store s Pakstan UZB > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "unknown: exit $rc"
grep -q 'unknown entity "Pakstan"; did you mean Pakistan (country:PAK)?' err || fail "suggestion: $(cat err)"
"$DIPGRAPH" -q path --store s PAK Atlantis > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "unknown 2: exit $rc"
grep -q 'unknown entity "Atlantis"' err || fail "unknown message: $(cat err)"
# A place (by its id: the name "Tashkent" is Uzbekistan's capital, so the country) is no country.
"$DIPGRAPH" -q path --store s place:UZB:tashkent PAK --countries > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "place --countries: exit $rc"
grep -q 'is not a country' err || fail "place --countries message: $(cat err)"

# Tied only through a place: no path, and the message says what would give one.
echo '{"type":"meeting","cameo":"043","date":"2025-07-11","participants":[{"id":"country:FRA","name":"France"}],"location":{"name":"Tashkent","country":"UZB"}}' > place.jsonl
"$DIPGRAPH" build --store s place.jsonl 2> /dev/null || fail "build place"
"$DIPGRAPH" -q path --store s France PAK > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "through a place: exit $rc: $(cat out)"
grep -q 'no path between France (country:FRA) and Pakistan (country:PAK) through countries, organizations and people; one runs through a place (--via places)' err \
  || fail "through a place message: $(cat err)"
"$DIPGRAPH" -q path --store s France PAK --via places > out || fail "--via places"
head -1 out | grep -q '→ Tashkent → Uzbekistan →' || fail "--via places chain: $(cat out)"

# Hubs: HUB meets 110 countries (110 edges, in every event but two); paths go
# around it (K000 - XXX - K001) or, with none, say --via hubs.
{
  for i in $(seq -w 0 109); do
    echo "{\"type\":\"meeting\",\"cameo\":\"043\",\"participants\":[{\"id\":\"country:HUB\"},{\"id\":\"country:K$i\"}]}"
  done
  echo '{"type":"meeting","cameo":"043","participants":[{"id":"country:K000"},{"id":"country:XXX"}]}'
  echo '{"type":"meeting","cameo":"043","participants":[{"id":"country:K001"},{"id":"country:XXX"}]}'
} > hubs.jsonl
"$DIPGRAPH" path --facts hubs.jsonl K000 K001 > out 2> err || fail "around the hub: $(cat err)"
grep -q 'paths avoid the biggest hubs, HUB (country:HUB, 110 edges); --via hubs allows them' err \
  || fail "hub note: $(cat err)"
head -1 out | grep -q '→ XXX →' || fail "around the hub: $(cat out)"
"$DIPGRAPH" -q path --facts hubs.jsonl K002 K003 > out 2> err; rc=$?
[ "$rc" = 1 ] && grep -q 'one runs through a hub (--via hubs)' err || fail "hub only: $rc $(cat err)"
"$DIPGRAPH" -q path --facts hubs.jsonl K002 K003 --via hubs --json > out.json || fail "--via hubs"
/usr/bin/python3 - out.json <<'PY' || fail "--via hubs JSON: $(cat out.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["via"] == {"places": False, "hubs": True} and d["hubs"] == ["country:HUB"], d
assert [v["id"] for v in d["paths"][0]["vertices"]][2] == "country:HUB", d
PY
"$DIPGRAPH" -q path --facts hubs.jsonl K002 K003 --countries --via all > out || fail "--countries --via all"
head -1 out | grep -qx 'K002 → HUB → K003' || fail "--countries through the hub: $(cat out)"

# --facts reads a facts file directly, folding repeated ids like the store.
cat facts.jsonl facts.jsonl > twice.jsonl
"$DIPGRAPH" -q path --facts twice.jsonl PAK UZB > out 2> err || fail "--facts: $(cat err)"
head -1 out | grep -qx 'Pakistan → railway project (project, planned, 2025-08) → Uzbekistan' \
  || fail "--facts chain: $(cat out)"
[ ! -s err ] || fail "--facts: repeated ids were not folded: $(cat err)"
"$DIPGRAPH" -q path --facts missing.jsonl PAK UZB > out 2> err; rc=$?
[ "$rc" = 2 ] && grep -q 'missing.jsonl: no such facts file' err || fail "missing --facts: $rc $(cat err)"

# Bad flags and a missing store.
"$DIPGRAPH" -q path --store s PAK UZB --k 0 > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "--k 0: exit $rc"
"$DIPGRAPH" -q path --store nowhere PAK UZB > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "missing store: exit $rc"
grep -q 'store "nowhere" not found' err || fail "missing store message: $(cat err)"
"$DIPGRAPH" -q path --store s PAK UZB --since 2025-13 > out 2> err; rc=$?
[ "$rc" = 2 ] || fail "bad --since: exit $rc"
grep -q -- '--since "2025-13" is not a date' err || fail "--since message: $(cat err)"
"$DIPGRAPH" -q path --store s PAK UZB --until 2025-07 > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "--until before the project: exit $rc ($(cat out))"
echo ok
