#!/usr/bin/env bash
# e2e: `dipgraph ties A B`: text (summary line, groups by type, newest first,
# evidence with its article, direction arrows), --json, names and ids for A
# and B, officials counting for their country, --since / --type filters,
# "no facts" (exit 1), unknown names (exit 2 with a suggestion).
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"id":"event:f1","type":"meeting","cameo":"043","date":"2025-07-10","confidence":0.9,"source":[{"id":"person:sharif","kind":"person","name":"Shehbaz Sharif","country":"PAK","role":"Prime Minister"}],"target":[{"id":"person:putin","kind":"person","name":"Vladimir Putin","country":"RUS"}],"evidence":[{"article":"a1","sentence":0,"start":0,"end":17,"text":"Sharif met Putin."}]}
{"id":"event:f2","type":"criticism","cameo":"111","date":"2025-06-01","confidence":0.8,"source":[{"id":"country:RUS","name":"Russia"}],"target":[{"id":"country:PAK","name":"Pakistan"}],"evidence":[{"article":"a2","sentence":1,"start":0,"end":30,"text":"Moscow criticized Islamabad."}]}
{"id":"event:f3","type":"meeting","cameo":"040","date":"2025-03","confidence":0.7,"participants":[{"id":"country:PAK"},{"id":"country:RUS"},{"id":"country:CHN","name":"China"}]}
{"id":"event:f4","type":"visit","cameo":"042","date":"2024","confidence":0.9,"source":[{"id":"person:sharif"}],"target":[{"id":"country:CHN"}]}
{"id":"event:f6","type":"project","cameo":"061","date":"2025-08","status":"planned","confidence":0.6,"name":"Karachi rail link","participants":[{"id":"org:pakistan-railways","kind":"organization","name":"Pakistan Railways","country":"PAK"},{"id":"country:RUS"}]}
JSON

"$DIPGRAPH" -q ties --facts facts.jsonl PAK RUS > out 2> err || fail "ties PAK RUS: exit $? $(cat err)"
head -1 out | grep -q '^Pakistan (PAK) – Russia (RUS): 4 facts (2 cooperative, 0 neutral, 1 conflictual; 1 not realized), mean Goldstein .*, 2025-03 .. 2025-08$' \
  || fail "summary line: $(head -1 out)"
grep -q '^  acts: 1 Pakistan → Russia, 1 Russia → Pakistan$' out || fail "acts line: $(cat out)"
grep -q '^meeting (2)$' out || fail "meeting group: $(cat out)"
# Newest first inside the group: f1 (2025-07-10) before f3 (2025-03).
[ "$(grep -n '^  2025-07-10' out | cut -d: -f1)" -lt "$(grep -n '^  2025-03 ' out | cut -d: -f1)" ] \
  || fail "meetings not newest first: $(cat out)"
grep -q '2025-07-10  occurred    Shehbaz Sharif → Vladimir Putin' out || fail "f1 line: $(cat out)"
grep -q '"Sharif met Putin." \[a1\]' out || fail "evidence line: $(cat out)"
grep -q 'Russia ← Pakistan' out && fail "arrow drawn backwards"
grep -q 'Pakistan ← Russia' out || fail "criticism direction: $(cat out)"
grep -q 'Pakistan Railways – Russia «Karachi rail link»' out || fail "national body / name: $(cat out)"

# Names and ids resolve the same.
"$DIPGRAPH" -q ties --facts facts.jsonl pakistan country:RUS > out2 || fail "by name"
cmp -s out out2 || fail "ties by name differs"

# JSON.
"$DIPGRAPH" -q ties --facts facts.jsonl PAK RUS --json > out.json || fail "--json"
/usr/bin/python3 - out.json <<'PY' || fail "JSON check"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["a"]["id"] == "country:PAK" and d["b"]["id"] == "country:RUS", d
s = d["summary"]
# The planned project counts as a fact, not in the tone (docs/graph.md, "What a tie counts").
assert (s["facts"], s["cooperative"], s["neutral"], s["conflictual"], s["unrealized"]) == (4, 2, 0, 1, 1), s
assert (s["first_date"], s["last_date"]) == ("2025-03", "2025-08"), s
assert [g["type"] for g in d["groups"]] == ["meeting", "criticism", "project"], d["groups"]
f1 = d["groups"][0]["facts"][0]
assert f1["event"]["id"] == "event:f1" and f1["direction"] == "a_to_b", f1
assert f1["a_parties"] == ["person:sharif"] and f1["b_parties"] == ["person:putin"], f1
assert f1["event"]["evidence"] == {"article": "a1", "text": "Sharif met Putin."}, f1
PY

# Filters.
"$DIPGRAPH" -q ties --facts facts.jsonl PAK RUS --since 2025-06 --json > f.json || fail "--since"
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["facts"] == 3, d["summary"]' f.json \
  || fail "--since 2025-06 should keep 3 facts"
"$DIPGRAPH" -q ties --facts facts.jsonl PAK RUS --type meeting > t.txt || fail "--type"
grep -q ': 2 facts' t.txt || fail "--type meeting: $(head -1 t.txt)"
grep -q 'criticism' t.txt && fail "--type meeting kept a criticism"

# A person's ties.
"$DIPGRAPH" -q ties --facts facts.jsonl sharif CHN > p.txt || fail "ties sharif CHN"
grep -q '^Shehbaz Sharif (PAK, Prime Minister) – China (CHN): 1 fact ' p.txt || fail "person ties: $(cat p.txt)"

# No facts between them: exit 1, message on stderr.
"$DIPGRAPH" -q ties --facts facts.jsonl putin CHN > none.txt 2> none.err; rc=$?
[ "$rc" = 1 ] || fail "no ties: exit $rc"
grep -q 'no facts between Vladimir Putin (person:putin) and China (country:CHN)' none.err || fail "no-ties message: $(cat none.err)"

# Unknown name: exit 2 with a suggestion; the same entity twice: exit 2.
"$DIPGRAPH" -q ties --facts facts.jsonl Pakistn RUS > /dev/null 2> unk.err; rc=$?
[ "$rc" = 2 ] || fail "unknown name: exit $rc"
grep -q 'Pakistan' unk.err || fail "no suggestion: $(cat unk.err)"
"$DIPGRAPH" -q ties --facts facts.jsonl PAK pakistan > /dev/null 2> same.err; rc=$?
[ "$rc" = 2 ] || fail "same entity: exit $rc"
grep -q 'same entity' same.err || fail "same entity message: $(cat same.err)"
"$DIPGRAPH" -q ties --facts facts.jsonl PAK > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "missing B: exit $rc"
echo ok
