#!/usr/bin/env bash
# Security: a role with only SELECT rights runs every query command against
# a database store (with the same answers as its owner) and cannot write;
# passwords never appear in any message, only "***".
. "$(dirname "$0")/lib.sh"
src="$DIPGRAPH_SOURCE_DIR"
db=$(new_db readonly)
"$DIPGRAPH" -q build --store "$db" "$src/examples/" 2>/dev/null
psql_admin -c "DROP ROLE IF EXISTS reader" -c "CREATE ROLE reader LOGIN" \
  -c "GRANT CONNECT ON DATABASE readonly TO reader"
"$PSQL" -X -q -v ON_ERROR_STOP=1 -d readonly -c "GRANT USAGE ON SCHEMA dipgraph TO reader" \
  -c "GRANT SELECT ON ALL TABLES IN SCHEMA dipgraph TO reader"
ro="postgresql:///readonly?host=$PGHOST&port=$PGPORT&user=reader"

# every query command, with the owner's answers (the reader's first read
# fills its graph cache, the second uses it)
for q in "path India Bangladesh" "ties IND BGD" "neighbors India" "rank" "stats" \
         "timeline IND BGD --by year" "changes --from 2024 --to 2025" "ties IND BGD --type project"; do
  # shellcheck disable=SC2086
  want=$("$DIPGRAPH" -q $q --store "$db" 2>&1) || true
  for run in 1 2; do
    # shellcheck disable=SC2086
    got=$("$DIPGRAPH" -q $q --store "$ro" 2>&1) || fail "read-only '$q' failed: $got"
    [ "$got" = "$want" ] || fail "read-only '$q' (run $run) answers differently: $got"
  done
done
"$DIPGRAPH" -q export --store "$ro" --format graphml -o "$tmp/ro.graphml" || fail "read-only export"
"$DIPGRAPH" -q render --store "$ro" --countries -o "$tmp/ro.svg" || fail "read-only render"
"$DIPGRAPH" -q check --store "$ro" >/dev/null || fail "read-only check"
"$DIPGRAPH" -q check --store "$ro" --dump >"$tmp/ro.dump" || fail "read-only check --dump"
"$DIPGRAPH" -q copy --from "$ro" --to "$tmp/copy.store" || fail "read-only copy to a file store"

# and cannot write
printf '%s\n' '{"type":"meeting","participants":[{"id":"country:PAK"},{"id":"country:IND"}]}' >"$tmp/new.jsonl"
set +e
out=$("$DIPGRAPH" build --store "$ro" "$tmp/new.jsonl" 2>&1)
rc=$?
set -e
[ $rc = 2 ] || fail "read-only build exited $rc, expected 2: $out"
echo "$out" | grep -q "permission denied" || fail "read-only build: no clear error: $out"
"$DIPGRAPH" -q check --store "$db" --dump | cmp - "$tmp/ro.dump" || fail "the reader changed the store"

# a writer role with the grants docs/scale.md gives can build
psql_admin -c "DROP ROLE IF EXISTS writer" -c "CREATE ROLE writer LOGIN" \
  -c "GRANT CONNECT, TEMPORARY ON DATABASE readonly TO writer"
"$PSQL" -X -q -v ON_ERROR_STOP=1 -d readonly -c "GRANT USAGE ON SCHEMA dipgraph TO writer" \
  -c "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA dipgraph TO writer" \
  -c "GRANT USAGE ON SEQUENCE dipgraph.batches TO writer"
out=$("$DIPGRAPH" build --store "postgresql:///readonly?host=$PGHOST&port=$PGPORT&user=writer" \
      "$tmp/new.jsonl" 2>&1) || fail "writer role cannot build: $out"
echo "$out" | grep -q "1 new" || fail "writer role build: $out"

# passwords are masked in every message, in URIs and connection strings
secret=Sup3rS3cret
for loc in "postgresql://reader:$secret@/nosuchdb?host=$PGHOST&port=$PGPORT" \
           "postgresql:///nosuchdb?host=$PGHOST&port=$PGPORT&user=reader&password=$secret" \
           "host=$PGHOST port=$PGPORT dbname=nosuchdb user=reader password=$secret"; do
  for args in "ties IND BGD" "check" "build $tmp/new.jsonl"; do
    # shellcheck disable=SC2086
    out=$("$DIPGRAPH" $args --store "$loc" 2>&1) && fail "'$args' on a missing database succeeded"
    echo "$out" | grep -q "$secret" && fail "password shown by '$args': $out"
    echo "$out" | grep -q '\*\*\*' || fail "no masked location in '$args': $out"
  done
done
# a successful build names its store masked too (trust auth ignores the password)
out=$("$DIPGRAPH" build --store "postgresql://postgres:$secret@/readonly?host=$PGHOST&port=$PGPORT" "$tmp/new.jsonl" 2>&1)
echo "$out" | grep -q "$secret" && fail "password shown by build: $out"
echo "$out" | grep -q 'postgres:\*\*\*@' || fail "build summary without the masked store: $out"
echo ok
