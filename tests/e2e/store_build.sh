#!/usr/bin/env bash
# e2e: `dipgraph build` of facts files: a malformed line is reported as
# FILE:LINE and skipped (good lines before and after stored, exit 1); building
# the same file twice leaves the store byte-identical; a missing input is
# named and the others go on; bad flags exit 2.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"type":"meeting","cameo":"043","date":"2025-07-10","participants":[{"id":"country:PAK"},{"id":"country:RUS"}],"evidence":[{"article":"a1","sentence":0,"start":0,"end":5,"text":"Hello"}]}
{"type":"visit","cameo":"042","source":[{"id":"person:x-y","name":"X Y","country":"PAK"}],"target":[{"id":"country:CHN"}]

{"type":"meeting","date":"2025-13-01","participants":[{"id":"country:PAK"}]}
{"type":"meeting","cameo":"043","date":"2025-07-10","participants":[{"id":"country:RUS"},{"id":"country:PAK"}],"evidence":[{"article":"a2","sentence":4,"start":90,"end":120,"text":"Again"}]}
{"type":"statement","cameo":"010","source":[{"id":"country:IND"}],"evidence":[{"article":"a2","sentence":5,"start":121,"end":150,"text":"Said"}]}
JSON

"$DIPGRAPH" build --store s facts.jsonl 2> err1; rc=$?
[ "$rc" = 1 ] || fail "malformed lines: exit $rc, want 1"
grep -q '^facts.jsonl:2: not JSON' err1 || fail "no FILE:LINE for line 2: $(cat err1)"
grep -q '^facts.jsonl:4: .*not an EDTF date' err1 || fail "no FILE:LINE for line 4: $(cat err1)"
grep -q '2 lines skipped' err1 || fail "summary does not count skipped lines: $(cat err1)"
grep -q '2 new, 1 merged' err1 || fail "summary: $(cat err1)"
"$DIPGRAPH" check --store s > out || fail "check after build: $(cat out)"
"$DIPGRAPH" check --store s --dump > dump1 2>/dev/null
[ "$(wc -l < dump1)" = 2 ] || fail "want 2 stored facts: $(cat dump1)"
grep -q '"mentions":2' dump1 || fail "the meeting from two articles is not merged: $(cat dump1)"
grep -q '"country:IND"' dump1 || fail "the line after the bad ones is not stored"

sum1=$(cat s/* | md5sum)
"$DIPGRAPH" build --store s facts.jsonl 2> err2
grep -q '0 new, 0 merged, 3 unchanged' err2 || fail "second build: $(cat err2)"
[ "$(cat s/* | md5sum)" = "$sum1" ] || fail "second build changed the store"

"$DIPGRAPH" build --store s missing.jsonl facts.jsonl 2> err3; rc=$?
[ "$rc" = 1 ] || fail "missing input: exit $rc"
grep -q '^missing.jsonl: cannot read' err3 || fail "missing input not named: $(cat err3)"

"$DIPGRAPH" build --store s --no-such-flag facts.jsonl 2> /dev/null; rc=$?
[ "$rc" = 2 ] || fail "bad flag: exit $rc, want 2"
"$DIPGRAPH" build --store s --date 2025-13-40 facts.jsonl 2> /dev/null; rc=$?
[ "$rc" = 2 ] || fail "bad --date: exit $rc, want 2"
"$DIPGRAPH" check --store nowhere > /dev/null 2> err4; rc=$?
[ "$rc" = 2 ] || fail "check of a missing store: exit $rc"
grep -q 'nowhere' err4 || fail "missing store not named"
# Articles and facts files in one build: the facts `extract` prints for an
# article are exactly what `build` stores for it.
article="${DIPGRAPH_SOURCE_DIR:-}/examples/sudan_aid_pledge.txt"
if [ -f "$article" ]; then
  "$DIPGRAPH" build --store art "$article" facts.jsonl 2> err5 || true
  grep -q '1 article, ' err5 || fail "article build summary: $(cat err5)"
  "$DIPGRAPH" extract "$article" > extracted.jsonl 2> /dev/null || fail "extract"
  "$DIPGRAPH" build --store art extracted.jsonl 2> err6
  grep -q '; facts: 0 new, 0 merged, ' err6 || fail "extract output differs from what build stored: $(cat err6)"
  sum2=$(cat art/facts.jsonl | md5sum)
  "$DIPGRAPH" build --store art "$article" 2> /dev/null
  [ "$(cat art/facts.jsonl | md5sum)" = "$sum2" ] || fail "rebuilding an article changed the store"
fi
echo ok
