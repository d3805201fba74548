#!/usr/bin/env bash
# e2e: two directed acts of one type on one day, one the other reversed,
# stay two facts through `build`, a rebuild and a read of the store (fact id
# schema 3); a meeting named in either order stays one fact.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > one.txt <<'TXT'
NAIROBI, March 3, 2025 - Kenya criticized Uganda on Monday for closing a border post.
TXT
cat > two.txt <<'TXT'
KAMPALA, March 4, 2025 - Uganda condemned Kenya on Monday, citing the border post row.
TXT
cat > met1.txt <<'TXT'
NAIROBI, March 5, 2025 - Kenya met Uganda on Wednesday in Nairobi.
TXT
cat > met2.txt <<'TXT'
KAMPALA, March 6, 2025 - Uganda met Kenya on Wednesday in Nairobi.
TXT
"$DIPGRAPH" -q build --store s one.txt two.txt 2> err || fail "build: $(cat err)"
"$DIPGRAPH" -q check --store s --dump > dump.jsonl 2> /dev/null || fail "check --dump"
n=$(grep -c '"type":"criticism"' dump.jsonl)
[ "$n" -eq 2 ] || fail "reversed acts: $n criticism facts, not 2: $(cat dump.jsonl)"
grep -q '"source":\[{"id":"country:KEN"[^]]*\],"target":\[{"id":"country:UGA"' dump.jsonl ||
  fail "Kenya's act lost: $(cat dump.jsonl)"
grep -q '"source":\[{"id":"country:UGA"[^]]*\],"target":\[{"id":"country:KEN"' dump.jsonl ||
  fail "Uganda's act lost: $(cat dump.jsonl)"
"$DIPGRAPH" stats --store s > stats.txt || fail "stats"
grep -q '^facts: 2 ' stats.txt || fail "stats: $(cat stats.txt)"
# Building the same articles again changes nothing.
"$DIPGRAPH" build --store s one.txt two.txt 2> err || fail "rebuild: $(cat err)"
grep -q "0 new, 0 merged, 2 unchanged" err || fail "rebuild: $(cat err)"

"$DIPGRAPH" -q build --store m met1.txt met2.txt 2> err || fail "build: $(cat err)"
"$DIPGRAPH" -q check --store m --dump > met.jsonl 2> /dev/null || fail "check --dump"
n=$(grep -c '"type":"meeting"' met.jsonl)
[ "$n" -eq 1 ] || fail "one meeting named both ways: $n facts: $(cat met.jsonl)"
grep -q '"mentions":2' met.jsonl || fail "both reports of the meeting: $(cat met.jsonl)"
echo "fact_direction: ok"
