#!/usr/bin/env bash
# e2e: names and a strict command line. Every alias an analyst types for the
# 1987 powers resolves (US, U.S., America, USSR, UK, Britain, FRG, PRC,
# Beijing ...); unknown names suggest by closeness to any alias; unknown
# --type/--status values, --since after --until, bad CAMEO filters are
# refused with the nearest valid values; the CAMEO, root and quad-class
# filters keep what they say; -q works after the subcommand; the load line
# appears only on a terminal; an empty store and a build without readable
# input say so; a mistyped subcommand gets a suggestion.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"type":"meeting","cameo":"040","date":"1987-03-02","participants":[{"id":"country:USA"},{"id":"country:SUN"}],"evidence":[{"article":"n1","text":"a"}]}
{"type":"criticism","cameo":"111","date":"1987-04-01","source":[{"id":"country:GBR"}],"target":[{"id":"country:SUN"}],"evidence":[{"article":"n2","text":"b"}]}
{"type":"agreement","cameo":"057","date":"1987-05-01","participants":[{"id":"country:DEU"},{"id":"country:CHN"}],"evidence":[{"article":"n3","text":"c"}]}
{"type":"sanction","cameo":"163","date":"1987-06-01","source":[{"id":"country:USA"}],"target":[{"id":"country:JPN"}],"evidence":[{"article":"n4","text":"d"}]}
{"type":"statement","cameo":"010","date":"1987-07-01","source":[{"id":"country:CHN"}],"target":[{"id":"country:GBR"}],"evidence":[{"article":"n5","text":"e"}]}
{"type":"meeting","cameo":"040","date":"1992-02-01","participants":[{"id":"country:RUS"},{"id":"country:USA"}],"evidence":[{"article":"n6","text":"f"}]}
JSON
"$DIPGRAPH" -q build --store s facts.jsonl 2> /dev/null || fail "build: exit $?"

# Every name of the issue resolves to the right state.
while IFS='|' read -r name id; do
  "$DIPGRAPH" -q ties --store s "$name" "$id" > /dev/null 2> err && fail "$name is not $id"
  grep -q 'same entity' err || fail "\"$name\" should be $id: $(cat err)"
done <<'EOF'
US|country:USA
U.S.|country:USA
America|country:USA
american|country:USA
Washington|country:USA
USSR|country:SUN
Soviet|country:SUN
UK|country:GBR
Britain|country:GBR
GB|country:GBR
FRG|country:DEU
West Germany|country:DEU
GFR|country:DEU
PRC|country:CHN
Beijing|country:CHN
Japan|country:JPN
EOF
for name in US U.S. America USSR UK Britain FRG PRC Beijing; do
  "$DIPGRAPH" neighbors --store s "$name" > /dev/null 2> err || fail "neighbors $name: $(cat err)"
done

# A name the dictionaries know but no fact uses; a misspelling; US never suggests Russia.
"$DIPGRAPH" neighbors --store s Kenya > /dev/null 2> err; rc=$?
[ $rc = 2 ] || fail "Kenya: exit $rc"
grep -q 'is Kenya (country:KEN, by its name), which no fact here names' err || fail "Kenya: $(cat err)"
"$DIPGRAPH" neighbors --store s Brittan > /dev/null 2> err
grep -q 'did you mean United Kingdom (country:GBR)' err || fail "Brittan: $(cat err)"
"$DIPGRAPH" neighbors --store s Amerika > /dev/null 2> err
grep -q 'did you mean United States (country:USA)' err || fail "Amerika: $(cat err)"
grep -q Russia err && fail "Amerika suggests Russia: $(cat err)"

# Strict filters.
"$DIPGRAPH" stats --store s --type meetings > /dev/null 2> err; rc=$?
[ $rc = 2 ] || fail "--type meetings: exit $rc"
grep -q -- '--type "meetings" is not known; did you mean meeting?' err || fail "type: $(cat err)"
"$DIPGRAPH" stats --store s --status occured > /dev/null 2> err; rc=$?
[ $rc = 2 ] && grep -q 'did you mean occurred?' err || fail "status: $rc $(cat err)"
"$DIPGRAPH" stats --store s --since 2025 --until 1980 > /dev/null 2> err; rc=$?
[ $rc = 2 ] && grep -q -- '--since 2025 is after --until 1980' err || fail "since/until: $rc $(cat err)"
"$DIPGRAPH" stats --store s --cameo 999 > /dev/null 2> err; rc=$?
[ $rc = 2 ] && grep -q 'is not a CAMEO code' err || fail "cameo: $rc $(cat err)"
"$DIPGRAPH" stats --store s --root 21 > /dev/null 2> err; rc=$?
[ $rc = 2 ] || fail "root 21: exit $rc"
"$DIPGRAPH" stats --store s --quad-class 5 > /dev/null 2> err; rc=$?
[ $rc = 2 ] || fail "quad 5: exit $rc"

# What the CAMEO filters keep: facts by code prefix, root and quad class.
facts_of() { "$DIPGRAPH" -q stats --store s --json "$@" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["by_kind"]["event"])'; }
[ "$(facts_of --cameo 04,05)" = 3 ] || fail "--cameo 04,05: $(facts_of --cameo 04,05)"
[ "$(facts_of --cameo 111)" = 1 ] || fail "--cameo 111"
[ "$(facts_of --root 16)" = 1 ] || fail "--root 16"
[ "$(facts_of --quad-class 3,4)" = 2 ] || fail "--quad-class 3,4: $(facts_of --quad-class 3,4)"
[ "$(facts_of --quad-class 1)" = 4 ] || fail "--quad-class 1"

# -q after the subcommand; no load line when stderr is not a terminal.
"$DIPGRAPH" stats --store s -q > /dev/null 2> err || fail "-q after the subcommand"
"$DIPGRAPH" stats --store s > /dev/null 2> err || fail "stats"
[ -s err ] && fail "load line on a pipe: $(cat err)"
if command -v script > /dev/null; then
  script -qec "$DIPGRAPH stats --store s" /dev/null > tty.txt 2>&1
  grep -q 'facts (snapshot) -> \|facts -> ' tty.txt || fail "no load line on a terminal: $(cat tty.txt)"
fi

# An empty store; a build of nothing readable leaves no store.
"$DIPGRAPH" build --store missing.store nothing-here.jsonl > /dev/null 2> err; rc=$?
[ $rc = 2 ] || fail "build of a missing input: exit $rc"
[ -e missing.store ] && fail "build of a missing input created the store"
grep -q 'no readable input' err || fail "build message: $(cat err)"
: > empty.jsonl
"$DIPGRAPH" -q build --store empty.store empty.jsonl 2> /dev/null
"$DIPGRAPH" neighbors --store empty.store Pakistan > /dev/null 2> err; rc=$?
[ $rc = 2 ] && grep -q 'the store is empty' err || fail "empty store: $rc $(cat err)"
for cmd in stats rank; do
  "$DIPGRAPH" $cmd --store empty.store > /dev/null 2> err; rc=$?
  [ $rc = 1 ] && grep -q 'the store is empty' err || fail "$cmd on an empty store: $rc $(cat err)"
done

# A mistyped subcommand.
"$DIPGRAPH" neighbours --store s US > /dev/null 2> err; rc=$?
[ $rc = 2 ] && grep -q 'unknown command "neighbours"; did you mean neighbors?' err \
  || fail "neighbours: $rc $(cat err)"
echo "names_cli: ok"
