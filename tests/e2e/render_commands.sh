#!/usr/bin/env bash
# e2e: `dipgraph render`: the country view and an ego view as SVG (the
# countries and event labels are in the picture), .dot output, --engine,
# --no-edge-labels, --top; a failure never truncates an existing file; bad
# flags and unknown names exit 2; nothing to draw exits 1. Skipped (77)
# without Graphviz.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
command -v dot > /dev/null && command -v sfdp > /dev/null || { echo "SKIP: no graphviz"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"id":"event:f1","type":"meeting","cameo":"043","date":"2025-07-10","source":[{"id":"person:sharif","kind":"person","name":"Shehbaz Sharif","country":"PAK","role":"Prime Minister"}],"target":[{"id":"person:putin","kind":"person","name":"Vladimir Putin","country":"RUS"}],"evidence":[{"article":"a1","sentence":0,"start":0,"end":17,"text":"Sharif met Putin."}]}
{"id":"event:f2","type":"criticism","cameo":"111","date":"2025-06-01","source":[{"id":"country:RUS","name":"Russia"}],"target":[{"id":"country:PAK","name":"Pakistan"}]}
{"id":"event:f3","type":"meeting","cameo":"040","date":"2025-03","participants":[{"id":"country:PAK"},{"id":"country:RUS"},{"id":"country:CHN","name":"China"}]}
{"id":"event:f4","type":"visit","cameo":"042","date":"2024","source":[{"id":"person:sharif"}],"target":[{"id":"country:CHN"}]}
{"id":"event:f5","type":"statement","cameo":"010","date":"2024-05","source":[{"id":"country:NOR","name":"Norway"}]}
JSON
F="--facts facts.jsonl"

"$DIPGRAPH" render $F -o countries.svg 2> err || fail "render: exit $? $(cat err)"
grep -q 'drawn with neato -> countries.svg' err || fail "progress line: $(cat err)"
for name in Pakistan Russia China Legend; do
  grep -q "$name" countries.svg || fail "$name not in the country SVG"
done
grep -q Norway countries.svg && fail "Norway has no ties but is drawn"

"$DIPGRAPH" -q render $F --around PAK --depth 2 -o ego.svg || fail "render --around: exit $?"
for text in 'meeting · 2025&#45;07&#45;10' 'RUS → PAK · criticism · 2025&#45;06&#45;01' 'Shehbaz Sharif' 'Vladimir Putin'; do
  grep -q "$text" ego.svg || fail "\"$text\" not in the ego SVG"
done
"$DIPGRAPH" -q render $F --around PAK --top 1 --no-edge-labels --engine sfdp -o ego.dot || fail "ego .dot"
[ "$(grep -c 'rounded,filled' ego.dot)" = 1 ] || fail "--top 1 should keep one event: $(cat ego.dot)"
grep -q 'label="participant"' ego.dot && fail "--no-edge-labels left edge labels"
grep -q 'overlap=prism' ego.dot || fail "--engine sfdp attributes missing"
"$DIPGRAPH" -q render $F --engine dot -o c.png || fail "png with dot"
head -c 8 c.png | od -c | grep -q 'P   N   G' || fail "not a PNG"

# --changes: the ties that moved between two periods.
"$DIPGRAPH" -q render $F --changes --from 2024 --to 2025 -o changes.dot || fail "render --changes: exit $?"
grep -q 'label="new 3"' changes.dot || fail "PAK-RUS appeared with 3 facts: $(cat changes.dot)"
grep -q 'label="-0.9"' changes.dot || fail "PAK-CHN cooled by 0.9: $(cat changes.dot)"
"$DIPGRAPH" -q render $F --changes --from 2024 -o x.dot 2> e; [ $? = 2 ] || fail "--changes without --to"
"$DIPGRAPH" -q changes $F --from 2024 --to 2025 > ch.txt || fail "changes: exit $?"
grep -q 'appeared (2)' ch.txt || fail "changes text: $(cat ch.txt)"

# Failures leave an existing file as it was, and no temporary files.
echo keep > old.svg
"$DIPGRAPH" -q render $F --around Atlantis -o old.svg 2> e; rc=$?
[ "$rc" = 2 ] || fail "unknown entity: exit $rc"
"$DIPGRAPH" -q render $F --timeout 0.000001 -o old.svg 2> e; rc=$?
[ "$rc" = 2 ] || fail "timeout: exit $rc ($(cat e))"
grep -q 'took more than' e || fail "timeout message: $(cat e)"
[ "$(cat old.svg)" = keep ] || fail "old.svg was changed by a failed render"
ls -a | grep -q '\.tmp\.' && fail "temporary files left: $(ls -a)"

"$DIPGRAPH" -q render $F -o pic.jpeg 2> e; rc=$?
[ "$rc" = 2 ] || fail "bad format: exit $rc"
grep -q 'unknown picture format' e || fail "bad format message: $(cat e)"
"$DIPGRAPH" -q render $F --engine circo -o x.svg 2> e; rc=$?
[ "$rc" = 2 ] || fail "bad engine: exit $rc"
"$DIPGRAPH" -q render $F > /dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "missing -o: exit $rc"
"$DIPGRAPH" -q render $F --type statement -o none.svg 2> e; rc=$?
[ "$rc" = 1 ] || fail "nothing to draw: exit $rc"
[ -e none.svg ] && fail "an empty picture was written"
echo ok
