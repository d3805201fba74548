#!/usr/bin/env bash
# Database store, schema 2 (docs/facts.md, "Schema, version 2"): evidence
# keeps its article's title, URL, outlet and date, as a file store does; a
# store of schema version 1 (without those columns) is refused until
# `check --migrate` upgrades it, and then reads and builds as before.
. "$(dirname "$0")/lib.sh"
cd "$tmp"

cat > facts.jsonl <<'JSON'
{"type":"meeting","cameo":"043","date":"2025-03-03","participants":[{"id":"country:FIN"},{"id":"country:CHL"}],"evidence":[{"article":"w1","sentence":0,"start":0,"end":5,"text":"Same.","title":"T1","url":"https://example.org/1","outlet":"Wire","published":"2025-03-03"},{"article":"p7","sentence":0,"start":0,"end":5,"text":"Same.","title":"T2","outlet":"Daily"}]}
JSON
db=$(new_db provenance_v2)
"$DIPGRAPH" -q build --store "$db" facts.jsonl || fail "build"
"$DIPGRAPH" -q build --store file facts.jsonl || fail "build of a file store"
"$DIPGRAPH" -q check --store "$db" --dump > db.jsonl || fail "check --dump of the database"
"$DIPGRAPH" -q check --store file --dump > file.jsonl || fail "check --dump of the file store"
cmp -s db.jsonl file.jsonl || fail "the stores differ: $(cat db.jsonl) vs $(cat file.jsonl)"
grep -q '"outlet":"Daily"' db.jsonl || fail "no outlet: $(cat db.jsonl)"
grep -q '"mentions":1,"sources":2' db.jsonl || fail "a copy counts once, two outlets: $(cat db.jsonl)"

# A version 1 store: the columns dropped, the version set back.
old=$(new_db provenance_v1)
"$DIPGRAPH" -q build --store "$old" facts.jsonl || fail "build v1"
name=${old#postgresql:///}
name=${name%%\?*}
psql_admin -d "$name" -c "ALTER TABLE dipgraph.evidence DROP COLUMN title, DROP COLUMN url, DROP COLUMN outlet, DROP COLUMN published" \
  -c "UPDATE dipgraph.meta SET value = '1' WHERE key = 'schema_version'"
out=$("$DIPGRAPH" -q stats --store "$old" 2>&1) && fail "a version 1 store was read: $out"
echo "$out" | grep -q "schema version 1 is older than 3" || fail "no clear refusal: $out"
out=$("$DIPGRAPH" check --store "$old" --migrate 2>&1) || fail "check --migrate: $out"
echo "$out" | grep -q "upgraded the schema from version 1 to 3" || fail "check --migrate said: $out"
"$DIPGRAPH" -q check --store "$old" --dump > old.jsonl || fail "check --dump after the upgrade"
grep -q '"mentions":1' old.jsonl || fail "the upgraded store: $(cat old.jsonl)"
grep -q '"outlet"' old.jsonl && fail "an upgraded store has no provenance yet: $(cat old.jsonl)"
"$DIPGRAPH" -q build --store "$old" facts.jsonl || fail "build after the upgrade"
echo "provenance_test: ok"
