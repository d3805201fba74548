#!/usr/bin/env bash
# The store suite against both backends with the same assertions: a file
# store and a PostgreSQL store built from the same articles and facts give
# the same facts (check --dump), byte for byte the same exports and query
# answers; a second build adds nothing; a hostile facts file (quotes,
# backslashes, tabs, newlines, NUL, very long ids) round-trips unchanged
# where it can and is refused clearly where PostgreSQL cannot hold it;
# copy between the backends both ways is lossless.
. "$(dirname "$0")/lib.sh"
src="$DIPGRAPH_SOURCE_DIR"
db=$(new_db backends)
file="$tmp/file.store"

# Hostile facts: every special character COPY and SQL care about.
python3 - "$tmp/hostile.jsonl" <<'PY'
import json, sys
long_id = "person:" + "x" * 5000
odd = "quote ' double \" backslash \\ tab \t newline \n cr \r semicolon; -- comment $1 %s \\N"
facts = [
  {"type": "meeting", "date": "2025-07-01", "name": odd, "quote": "'); DROP TABLE dipgraph.facts; --",
   "participants": [{"id": "country:PAK"}, {"id": long_id, "name": odd, "country": "PAK", "role": "x\\y"}],
   "location": {"name": "O'Hare \\ \"Lounge\"", "country": "USA"},
   "topics": ["IND", "a\tb"],
   "evidence": [{"article": "art'1\\", "sentence": 4294967295, "start": 5, "end": 9, "text": odd}]},
  {"id": "event:" + "y" * 3000, "type": "statement", "source": [{"id": "country:FRA"}],
   "evidence": [{"article": "a\u00e9\u4e2d", "text": "caf\u00e9 \u2014 \u4e2d\u6587 \U0001F600"}]},
]
with open(sys.argv[1], "w") as f:
  for x in facts: f.write(json.dumps(x) + "\n")
PY
printf '%s\n' '{"type":"meeting","participants":[{"id":"country:PAK"},{"id":"country:IND"}],"name":"nul \u0000 here"}' >"$tmp/nul.jsonl"

for store in "$file" "$db"; do
  "$DIPGRAPH" -q build --store "$store" "$src/examples/" "$tmp/hostile.jsonl" || fail "build $store"
  # building the same inputs again adds nothing
  out=$("$DIPGRAPH" build --store "$store" "$src/examples/" "$tmp/hostile.jsonl" 2>&1)
  echo "$out" | grep -q " 0 new, 0 merged" || fail "second build of $store added something: $out"
  # a fact PostgreSQL cannot keep (NUL) is refused by it with a reason; the file store keeps it
  set +e
  out=$("$DIPGRAPH" build --store "$store" "$tmp/nul.jsonl" 2>&1)
  rc=$?
  set -e
  if [ "$store" = "$db" ]; then
    [ $rc = 1 ] || fail "NUL fact: exit $rc, expected 1: $out"
    echo "$out" | grep -q "NUL character" || fail "NUL fact not explained: $out"
  fi
done
# (the file store kept the NUL fact; take it out again for the comparisons)
rm -rf "$file"
"$DIPGRAPH" -q build --store "$file" "$src/examples/" "$tmp/hostile.jsonl"

"$DIPGRAPH" -q check --store "$file" --dump >"$tmp/file.dump"
"$DIPGRAPH" -q check --store "$db" --dump >"$tmp/db.dump"
cmp "$tmp/file.dump" "$tmp/db.dump" || fail "check --dump differs between the backends"
grep -q 'DROP TABLE' "$tmp/db.dump" || fail "hostile quote lost"
python3 - "$tmp/db.dump" "$tmp/hostile.jsonl" <<'PY' || fail "hostile strings changed"
import json, sys
stored = [json.loads(l) for l in open(sys.argv[1])]
given = [json.loads(l) for l in open(sys.argv[2])]
by_name = {f.get("name"): f for f in stored}
g = given[0]
s = by_name[g["name"]]
assert s["quote"] == g["quote"], s["quote"]
assert s["location"] == g["location"], s["location"]
assert s["topics"] == g["topics"]
assert s["evidence"][0]["article"] == g["evidence"][0]["article"]
assert s["evidence"][0]["text"] == g["evidence"][0]["text"]
assert s["evidence"][0]["sentence"] == 4294967295
assert any(a["id"] == g["participants"][1]["id"] and a["name"] == g["name"] for a in s["participants"])
assert any(f["id"] == given[1]["id"] and f["evidence"][0]["text"] == given[1]["evidence"][0]["text"] for f in stored)
PY

# The same exports and answers, byte for byte (the second read of the
# database store comes from its graph cache).
for run in 1 2; do
  for fmt in graphml json csv dot gexf; do
    "$DIPGRAPH" -q export --store "$file" --format $fmt -o "$tmp/file.$fmt"
    "$DIPGRAPH" -q export --store "$db" --format $fmt -o "$tmp/db.$fmt"
    cmp "$tmp/file.$fmt" "$tmp/db.$fmt" || fail "export --format $fmt differs (run $run)"
  done
  for q in "ties IND BGD" "path PAK CHN" "neighbors India" "rank" "stats" "timeline IND BGD" \
           "ties IND BGD --since 2025-01 --type meeting"; do
    # shellcheck disable=SC2086
    a=$("$DIPGRAPH" -q $q --store "$file" 2>&1 || true)
    # shellcheck disable=SC2086
    b=$("$DIPGRAPH" -q $q --store "$db" 2>&1 || true)
    [ "$a" = "$b" ] || fail "'$q' answers differently: file: $a / database: $b"
  done
done
ls "$DIPGRAPH_CACHE"/pg-*/graph.snapshot >/dev/null || fail "no graph cache written"

# copy both ways is lossless
db2=$(new_db backends_copy)
"$DIPGRAPH" -q copy --from "$file" --to "$db2"
"$DIPGRAPH" -q copy --from "$db2" --to "$tmp/back.store"
"$DIPGRAPH" -q check --store "$db2" --dump >"$tmp/db2.dump"
"$DIPGRAPH" -q check --store "$tmp/back.store" --dump >"$tmp/back.dump"
cmp "$tmp/file.dump" "$tmp/db2.dump" || fail "copy file -> database lost something"
cmp "$tmp/file.dump" "$tmp/back.dump" || fail "copy database -> file lost something"
out=$("$DIPGRAPH" copy --from "$file" --to "$db2" 2>&1)
echo "$out" | grep -q " 0 new, 0 merged" || fail "copying again changed the store: $out"
# the graph cache: kept while the store is unchanged, never used after a
# change (a cache is written to a temp file and renamed: a new inode)
cache_inode() { stat -c %i "$DIPGRAPH_CACHE"/pg-*/graph.snapshot; }
"$DIPGRAPH" -q stats --store "$db" >/dev/null
before=$(cache_inode)
"$DIPGRAPH" -q stats --store "$db" >/dev/null
[ "$(cache_inode)" = "$before" ] || fail "the cache of an unchanged store was rewritten"
printf '%s\n' '{"type":"meeting","participants":[{"id":"country:ISL"},{"id":"country:NZL"}]}' >"$tmp/one.jsonl"
"$DIPGRAPH" -q build --store "$db" "$tmp/one.jsonl"
"$DIPGRAPH" -q ties ISL NZL --store "$db" >/dev/null || fail "the new fact is not seen (stale cache)"
[ "$(cache_inode)" != "$before" ] || fail "the cache was not refreshed after a change"

# a database without a store: queries say how to make one; check --migrate makes it
empty=$(new_db backends_empty)
out=$("$DIPGRAPH" stats --store "$empty" 2>&1) && fail "stats on a database without a store succeeded"
echo "$out" | grep -q "no dipgraph store in this database" || fail "no clear error: $out"
out=$("$DIPGRAPH" check --store "$empty" --migrate) || fail "check --migrate: $out"
echo "$out" | grep -q "created the dipgraph schema, version 3.* 0 facts\|0 facts.*created the dipgraph schema, version 3" ||
  fail "check --migrate did not say it created the schema: $out"
out=$("$DIPGRAPH" check --store "$empty" --migrate) || fail "second check --migrate: $out"
echo "$out" | grep -q "schema version 3 is up to date" || fail "second check --migrate: $out"
"$DIPGRAPH" -q compact --store "$db" 2>&1 | grep -q "nothing to do" || fail "compact of a database store"
out=$("$DIPGRAPH" check --store "$file" --migrate 2>&1) && fail "check --migrate of a file store succeeded"

# $DIPGRAPH_STORE names the store too, as a libpq connection string as well as a URI
a=$("$DIPGRAPH" -q ties IND BGD --store "$file")
b=$(DIPGRAPH_STORE="host=$PGHOST port=$PGPORT user=postgres dbname=backends" "$DIPGRAPH" -q ties IND BGD)
[ "$a" = "$b" ] || fail "\$DIPGRAPH_STORE as a connection string: $b"
echo "ok"
