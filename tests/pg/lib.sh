# Sourced by the database store tests (tests/pg/*_test.sh): reads the test
# server's address from $DIPGRAPH_PG_ENV (written by tests/pg/server.sh),
# skips (77) when there is none, unless DIPGRAPH_REQUIRE_PG=1 (CI), where a
# missing server fails the test. new_db NAME makes an empty database and
# prints its URI.
set -euo pipefail
: "${DIPGRAPH:?the dipgraph binary}"
if [ -z "${DIPGRAPH_PG_ENV:-}" ] || [ ! -f "$DIPGRAPH_PG_ENV" ]; then
  if [ "${DIPGRAPH_REQUIRE_PG:-0}" = 1 ]; then
    echo "FAIL: no PostgreSQL test server (DIPGRAPH_REQUIRE_PG=1)" >&2
    exit 1
  fi
  echo "SKIP: no PostgreSQL test server" >&2
  exit 77
fi
set -a
# shellcheck disable=SC1090
. "$DIPGRAPH_PG_ENV"
set +a
PSQL="$PG_BINDIR/../bin/psql"
[ -x "$PSQL" ] || PSQL=psql
psql_admin() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
new_db() {
  local name="$1"
  psql_admin -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
  echo "postgresql:///$name?host=$PGHOST&port=$PGPORT&user=postgres"
}
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DIPGRAPH_CACHE="$tmp/cache"
