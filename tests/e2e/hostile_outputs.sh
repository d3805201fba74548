#!/usr/bin/env bash
# e2e: hostile file names and output paths. Inputs and outputs named with
# spaces, quotes and a leading dash (./-x.txt) work for extract, build,
# export and render; -o writes a temporary file and renames it, so a failing
# export or render (no store, unknown entity, read-only directory) leaves an
# existing file untouched and no temporary file behind; an output path
# equal to an input (the facts file, a file of the store) is refused by every
# command that writes files; `build --store` on a file is refused.
set -u
: "${DIPGRAPH:?DIPGRAPH must point to the dipgraph binary}"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# Inputs with hostile names.
weird="a b \"q\" 'x' \$HOME;.txt"
printf 'ISLAMABAD, July 10 - Chinese Foreign Minister Wang Yi met Pakistani Prime Minister Shehbaz Sharif in Islamabad on Thursday.\n' > ./-x.txt
printf 'NAIROBI, July 11 - Kenya and Ethiopia signed an agreement on water sharing in Nairobi on Friday.\n' > "$weird"
"$DIPGRAPH" -q extract --date 2025-07-11 ./-x.txt "$weird" > facts.jsonl 2> err || fail "extract: $(cat err)"
grep -q '"PAK"' facts.jsonl || fail "no facts from ./-x.txt"
grep -q '"KEN"' facts.jsonl || fail "no facts from \"$weird\""
"$DIPGRAPH" -q extract --date 2025-07-11 -- -x.txt > dash.jsonl 2> err || fail "extract -- -x.txt: $(cat err)"
cmp -s dash.jsonl <(grep -v '"KEN"' facts.jsonl) || fail "-- -x.txt reads differently from ./-x.txt"

# A store and outputs with hostile names.
store="my store 'q' \"d\""
"$DIPGRAPH" -q build --store "$store" --date 2025-07-11 ./-x.txt "$weird" 2> err || fail "build: $(cat err)"
"$DIPGRAPH" check --store "$store" > /dev/null 2>&1 || fail "check of a store with a hostile name"
mkdir "out dir"
for out in "out dir/-g raph 'q' \"d\".graphml" ./-dash.dot "out dir/x;\$(id).json"; do
  "$DIPGRAPH" -q export --store "$store" -o "$out" 2> err || fail "export -o $out: $(cat err)"
  [ -s "$out" ] || fail "export -o $out wrote nothing"
done
grep -q '<graphml' "out dir/-g raph 'q' \"d\".graphml" || fail "not GraphML"
ls "out dir" | grep -q tmp && fail "temporary file left in out dir"
[ -e "out dir/x;$(id).json" ] && fail "the output name was expanded by a shell"

# A failing export or render leaves the existing file as it was.
printf 'OLD\n' > keep.graphml
cp keep.graphml keep.svg
"$DIPGRAPH" -q export --store no-such-store -o keep.graphml 2> err && fail "export from a missing store succeeded"
cmp -s keep.graphml keep.svg || fail "failed export (missing store) changed the existing file"
"$DIPGRAPH" -q export --store "$store" --around NO-SUCH-PLACE -o keep.graphml 2> err && fail "unknown --around succeeded"
cmp -s keep.graphml keep.svg || fail "failed export (unknown --around) changed the existing file"
if command -v dot > /dev/null; then
  printf 'OLD\n' > keep2.svg
  "$DIPGRAPH" -q render --store no-such-store -o keep2.svg 2> err && fail "render from a missing store succeeded"
  grep -qx OLD keep2.svg || fail "failed render changed the existing file"
fi
if [ "$(id -u)" != 0 ]; then  # root may write into a read-only directory
  mkdir ro && printf 'OLD\n' > ro/g.graphml && chmod a-w ro
  "$DIPGRAPH" -q export --store "$store" -o ro/g.graphml 2> err && fail "export into a read-only dir succeeded"
  grep -qx OLD ro/g.graphml || fail "failed export into a read-only dir changed the file"
  chmod u+w ro
fi
ls -a | grep -q '\.tmp\.' && fail "temporary file left behind: $(ls -a)"

# An output equal to an input is refused, and the input stays as it was.
cp facts.jsonl facts.orig
cp "$store/facts.jsonl" log.orig
"$DIPGRAPH" -q export --facts facts.jsonl -o facts.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "export -o INPUT: exit $rc"
grep -q 'input facts file' err || fail "export -o INPUT: message: $(cat err)"
ln -s facts.jsonl link.jsonl
"$DIPGRAPH" -q export --facts link.jsonl -o facts.jsonl 2> err && fail "export -o INPUT via a symlink succeeded"
"$DIPGRAPH" -q export --store "$store" -o "$store/facts.jsonl" 2> err && fail "export into the store succeeded"
cmp -s facts.jsonl facts.orig || fail "the input facts file changed"
cmp -s "$store/facts.jsonl" log.orig || fail "the store's log changed"
if command -v dot > /dev/null; then
  cp facts.jsonl facts.dot
  "$DIPGRAPH" -q render --facts facts.dot -o facts.dot 2> err; rc=$?
  [ "$rc" = 2 ] || fail "render -o INPUT: exit $rc ($(cat err))"
  cmp -s facts.dot facts.orig || fail "render -o INPUT changed the input"
  "$DIPGRAPH" -q render --store "$store" -o "$store/picture.svg" 2> err && fail "render into the store succeeded"
  [ -e "$store/picture.svg" ] && fail "render wrote into the store"
fi

# build --store naming a file (an input) is refused and the file kept.
"$DIPGRAPH" -q build --store facts.jsonl facts.jsonl 2> err; rc=$?
[ "$rc" = 2 ] || fail "build --store FILE: exit $rc ($(cat err))"
cmp -s facts.jsonl facts.orig || fail "build --store FILE changed it"
# Building a store from its own log changes nothing.
"$DIPGRAPH" -q build --store "$store" "$store/facts.jsonl" 2> err || fail "build from own log: $(cat err)"
cmp -s "$store/facts.jsonl" log.orig || fail "building a store from its own log changed it"
echo ok
