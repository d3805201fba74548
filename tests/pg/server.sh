#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database store tests: its own
# cluster in a temporary directory, owned by an unprivileged user (the
# caller, or `postgres`/`nobody` when run as root), listening on a Unix
# socket only, trust authentication (no password leaves the machine).
#
#   tests/pg/server.sh start ENVFILE   # starts it; writes PGHOST/PGPORT/PGUSER/DIR to ENVFILE
#   tests/pg/server.sh stop ENVFILE    # stops it and removes the cluster and ENVFILE
#
# Without PostgreSQL binaries `start` writes no ENVFILE and exits 0 (the
# tests then skip), unless DIPGRAPH_REQUIRE_PG=1, when it fails (CI).
set -euo pipefail
cmd=${1:?start or stop}
envfile=$(realpath -m "${2:?ENVFILE}")

bindir=""
for v in 17 16 15 14 13; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then bindir=/usr/lib/postgresql/$v/bin; break; fi
done

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  if [ -z "$bindir" ]; then
    echo "pg server: PostgreSQL is not installed (apt-get install postgresql)" >&2
    [ "${DIPGRAPH_REQUIRE_PG:-0}" = 1 ] && exit 1
    rm -f "$envfile"
    exit 0
  fi
  if [ -f "$envfile" ]; then bash "$0" stop "$envfile" || true; fi
  owner=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    id postgres >/dev/null 2>&1 || owner=nobody
  fi
  dir=$(mktemp -d /tmp/dipgraph-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
  cd "$dir"  # the owner may not be allowed into the caller's directory
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  port=5432
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=$port -c fsync=off -c full_page_writes=off -c max_connections=60" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  printf 'PGHOST=%s\nPGPORT=%s\nPGUSER=postgres\nPG_TEST_DIR=%s\nPG_BINDIR=%s\n' \
    "$dir" "$port" "$dir" "$bindir" >"$envfile"
  echo "pg server: started in $dir"
  ;;
stop)
  [ -f "$envfile" ] || exit 0
  dir=$(sed -n 's/^PG_TEST_DIR=//p' "$envfile")
  owner=$(stat -c %U "$dir")
  cd "$dir"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$envfile"
  echo "pg server: stopped"
  ;;
*) echo "usage: server.sh start|stop ENVFILE" >&2; exit 2 ;;
esac
