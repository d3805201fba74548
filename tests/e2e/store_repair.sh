#!/usr/bin/env bash
# e2e: `dipgraph check` finds a garbled record in the middle of the log and a
# torn tail, naming file and line; `check --repair` drops exactly those and
# keeps every good record byte for byte; loading skips damage meanwhile.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

for c in RUS CHN IND IRN TUR USA; do
  echo "{\"type\":\"meeting\",\"cameo\":\"043\",\"participants\":[{\"id\":\"country:PAK\"},{\"id\":\"country:$c\"}],\"evidence\":[{\"article\":\"a-$c\",\"text\":\"Talks with $c.\"}]}"
done > facts.jsonl
"$DIPGRAPH" --quiet build --store s facts.jsonl 2> /dev/null || fail "build"
"$DIPGRAPH" check --store s > out || fail "fresh store does not check: $(cat out)"
grep -q '6 records, 6 facts' out || fail "summary: $(cat out)"
cp s/facts.jsonl good.jsonl

# Garble line 3 (one character of a country code) and tear the end.
sed -i '3s/"country:IND"/"country:INX"/' s/facts.jsonl
printf '{"id":"event:0123","type":"meet' >> s/facts.jsonl
cp s/facts.jsonl damaged.jsonl
"$DIPGRAPH" check --store s > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "check of a damaged store: exit $rc"
grep -q '^s/facts.jsonl:3: checksum mismatch' err || fail "garbled line not named: $(cat err)"
grep -q '^s/facts.jsonl:7: torn record at the end of the log' err || fail "torn tail not named: $(cat err)"
grep -q '1 damaged record, torn tail' out || fail "summary: $(cat out)"
cmp -s s/facts.jsonl damaged.jsonl || fail "check without --repair changed the log"

# Loading (here through --dump) skips the damage and keeps the rest.
"$DIPGRAPH" check --store s --dump > dump 2> /dev/null
[ "$(wc -l < dump)" = 5 ] || fail "load should give 5 facts: $(cat dump)"

"$DIPGRAPH" check --store s --repair > out 2> err; rc=$?
[ "$rc" = 1 ] || fail "repair reports the damage it found: exit $rc"
grep -q 'repaired' out || fail "repair summary: $(cat out)"
"$DIPGRAPH" check --store s > out || fail "store after repair: $(cat out)"
grep -q '5 records, 5 facts' out || fail "after repair: $(cat out)"
cmp -s s/facts.jsonl <(sed '3d' good.jsonl) || fail "repair did not keep the good records byte for byte"
[ "$(wc -l < s/damaged.jsonl)" = 2 ] || fail "dropped lines not saved: $(cat s/damaged.jsonl)"

# Building again brings the dropped fact back.
"$DIPGRAPH" --quiet build --store s facts.jsonl 2> err || fail "rebuild: $(cat err)"
grep -q '1 new, 0 merged, 5 unchanged' err || fail "rebuild summary: $(cat err)"
"$DIPGRAPH" check --store s > out || fail "final check: $(cat out)"
echo ok
