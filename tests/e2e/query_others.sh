#!/usr/bin/env bash
# e2e: `dipgraph neighbors`, `rank`, `timeline` and `stats`: text tables and
# --json on a small facts file with known answers (a star around Pakistan),
# --top, --by, filters, and error exits (bad --by: 2; unknown entity: 2;
# no partners: 1).
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# Pakistan: 3 meetings with China, 1 with Russia reported by 3 articles,
# 2 a year older with the United States, 1 threat from India; China and
# Russia also meet once.
cat > facts.jsonl <<'JSON'
{"id":"event:c1","type":"meeting","cameo":"043","date":"2025-01-01","confidence":1,"participants":[{"id":"country:PAK","name":"Pakistan"},{"id":"country:CHN","name":"China"}]}
{"id":"event:c2","type":"meeting","cameo":"043","date":"2024-12-20","confidence":1,"participants":[{"id":"country:PAK"},{"id":"country:CHN"}]}
{"id":"event:c3","type":"visit","cameo":"042","date":"2024-12","confidence":1,"source":[{"id":"country:PAK"}],"target":[{"id":"country:CHN"}]}
{"id":"event:r1","type":"meeting","cameo":"043","date":"2025-01-01","confidence":1,"participants":[{"id":"country:PAK"},{"id":"country:RUS","name":"Russia"}],"evidence":[{"article":"x1","sentence":0,"start":0,"end":1,"text":"a"},{"article":"x2","sentence":0,"start":0,"end":1,"text":"b"},{"article":"x3","sentence":0,"start":0,"end":1,"text":"c"}]}
{"id":"event:u1","type":"meeting","cameo":"043","date":"2024-01-01","confidence":1,"participants":[{"id":"country:PAK"},{"id":"country:USA","name":"United States"}]}
{"id":"event:u2","type":"meeting","cameo":"043","date":"2024-01-02","confidence":1,"participants":[{"id":"country:PAK"},{"id":"country:USA"}]}
{"id":"event:i1","type":"threat","cameo":"130","date":"2024-06","confidence":0.5,"source":[{"id":"country:IND","name":"India"}],"target":[{"id":"country:PAK"}]}
{"id":"event:cr","type":"meeting","cameo":"043","date":"2024-11","confidence":1,"participants":[{"id":"country:CHN"},{"id":"country:RUS"}]}
{"id":"event:lone","type":"statement","cameo":"010","date":"2024-02","source":[{"id":"country:NOR","name":"Norway"}]}
JSON
F="--facts facts.jsonl"

# neighbors: China first, then Russia; India's threat counts as conflict.
"$DIPGRAPH" -q neighbors $F PAK > n.txt || fail "neighbors: exit $?"
grep -q '^Partners of Pakistan (PAK): 4 countries$' n.txt || fail "neighbors header: $(cat n.txt)"
grep -q 'age counted back from 2025-01-01' n.txt || fail "reference date: $(cat n.txt)"
order=$(grep -E '^ +[0-9]+  ' n.txt | awk '{print $2}' | tr '\n' ' ')
[ "$order" = "China Russia United India " ] || fail "neighbor order: $order"
grep -E '^ +4  India \(IND\) .* 1 +0 +0 +1 ' n.txt > /dev/null || fail "India tone: $(cat n.txt)"
"$DIPGRAPH" -q neighbors $F PAK --top 2 --json > n.json || fail "neighbors --json"
/usr/bin/python3 - n.json <<'PY' || fail "neighbors JSON"
import json, math, sys
d = json.load(open(sys.argv[1]))
assert d["partners"] == 4 and len(d["neighbors"]) == 2, d
assert d["reference_date"] == "2025-01-01", d
top = d["neighbors"][0]
assert top["country"]["id"] == "country:CHN" and top["facts"] == 3, top
r = d["neighbors"][1]
assert r["country"]["id"] == "country:RUS", r
assert abs(r["strength"] - (1 + math.log(3))) < 1e-4, r
PY
# A short half-life lets India's threat (2024-06) pass the year-old US meetings.
"$DIPGRAPH" -q neighbors $F PAK --half-life 30 | grep -E '^ +3  India' > /dev/null || fail "--half-life 30"
"$DIPGRAPH" -q neighbors $F PAK --since 2024-11 --json | /usr/bin/python3 -c \
  'import json,sys; d=json.load(sys.stdin); assert [n["country"]["id"] for n in d["neighbors"]] == ["country:CHN","country:RUS"], d' \
  || fail "neighbors --since"
"$DIPGRAPH" -q neighbors $F NOR > /dev/null 2> e; rc=$?
[ "$rc" = 1 ] || fail "no partners: exit $rc"
grep -q 'Norway (country:NOR) has no partner countries' e || fail "no partners message: $(cat e)"
"$DIPGRAPH" -q neighbors $F Atlantis > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "unknown entity: exit $rc"

# rank: Pakistan is the hub by every measure.
for by in degree pagerank betweenness eigenvector; do
  "$DIPGRAPH" -q rank $F --by $by > r.txt || fail "rank --by $by: exit $?"
  grep -q "^Countries by $by over the country view (5 countries, 5 ties)" r.txt || fail "rank header: $(cat r.txt)"
  grep -E '^ +1  Pakistan \(PAK\)' r.txt > /dev/null || fail "rank --by $by: $(cat r.txt)"
done
"$DIPGRAPH" -q rank $F --by betweenness --json --top 3 > r.json || fail "rank --json"
/usr/bin/python3 - r.json <<'PY' || fail "rank JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["by"] == "betweenness" and len(d["ranking"]) == 3, d
top = d["ranking"][0]
# PAK bridges USA and IND to everyone (4 + 3 pairs... ): USA-IND, USA-CHN, USA-RUS, IND-CHN, IND-RUS = 5
assert top["country"]["id"] == "country:PAK" and top["score"] == 5 and top["degree"] == 4 and top["tie_facts"] == 7, top
PY
"$DIPGRAPH" -q rank $F --by closeness > /dev/null 2> e; rc=$?
[ "$rc" = 2 ] || fail "bad --by: exit $rc"
grep -q 'not one of degree, pagerank, betweenness' e || fail "bad --by message: $(cat e)"

# timeline: by month and year, of one country or a pair.
"$DIPGRAPH" -q timeline $F PAK CHN > t.txt || fail "timeline: exit $?"
grep -q '^Timeline of Pakistan (PAK) – China (CHN) by month: 3 facts' t.txt || fail "timeline header: $(cat t.txt)"
grep -E '^2024-12 +2 +2 +0 .* meeting 1, visit 1$' t.txt > /dev/null || fail "2024-12 row: $(cat t.txt)"
grep -E '^2025-01 +1 ' t.txt > /dev/null || fail "2025-01 row: $(cat t.txt)"
"$DIPGRAPH" -q timeline $F PAK --by year --json > t.json || fail "timeline --json"
/usr/bin/python3 - t.json <<'PY' || fail "timeline JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["b"] is None and d["by"] == "year", d
assert [(p["period"], p["facts"]) for p in d["periods"]] == [("2024", 5), ("2025", 2)], d["periods"]
p2024 = d["periods"][0]
assert p2024["cooperative"] == 4 and p2024["conflictual"] == 1, p2024
assert p2024["types"] == {"meeting": 3, "visit": 1, "threat": 1}, p2024
PY
"$DIPGRAPH" -q timeline $F PAK --by fortnight > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "bad --by fortnight: exit $rc"

# stats.
"$DIPGRAPH" -q stats $F > s.txt || fail "stats: exit $?"
grep -q '^entities: 6 countries, 0 people, 0 organizations, 0 places$' s.txt || fail "stats entities: $(cat s.txt)"
grep -q '^facts: 9 (9 dated, 2024-01-01 .. 2025-01-01)' s.txt || fail "stats facts: $(cat s.txt)"
grep -q 'by type: meeting 6, statement 1, threat 1, visit 1$' s.txt || fail "stats types: $(cat s.txt)"
grep -q '^country ties: 5 pairs$' s.txt || fail "stats ties: $(cat s.txt)"
grep -E '^ +1  Pakistan \(PAK\) +4 +7$' s.txt > /dev/null || fail "stats top: $(cat s.txt)"
"$DIPGRAPH" -q stats $F --json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["by_kind"]["event"] == 9 and d["by_kind"]["country"] == 6, d
assert d["by_type"]["meeting"] == 6 and d["by_status"]["occurred"] == 9, d
assert d["top_countries"][0]["country"]["id"] == "country:PAK", d' || fail "stats JSON"
"$DIPGRAPH" -q stats --store nowhere > /dev/null 2> e; rc=$?
[ "$rc" = 2 ] || fail "missing store: exit $rc"
echo ok
