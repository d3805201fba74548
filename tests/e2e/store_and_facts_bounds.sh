#!/usr/bin/env bash
# Issue 13, W11 and W18: a --store that is a regular file or a directory
# without FORMAT is named for what it is; a --facts input that is no regular
# file is refused, and an endless line on standard input ends with an error
# (memory bounded by the line limit).
set -euo pipefail
D=${DIPGRAPH:?}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cd "$t"
touch regular
mkdir emptydir
fail() { echo "FAIL: $*" >&2; exit 1; }

set +e
"$D" stats --store regular 2> err; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "store regular file: exit $rc"
grep -q 'not a directory' err || fail "store regular file: $(cat err)"

set +e
"$D" stats --store emptydir 2> err; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "store without FORMAT: exit $rc"
grep -q 'no FORMAT file' err || fail "store without FORMAT: $(cat err)"

set +e
timeout 20 "$D" -q stats --facts /dev/zero > /dev/null 2> err; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "--facts /dev/zero: exit $rc"
grep -q 'not a regular file' err || fail "--facts /dev/zero: $(cat err)"

set +e
timeout 60 "$D" -q stats --facts - < /dev/zero > /dev/null 2> err; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "--facts - < /dev/zero: exit $rc (124 = hung)"
grep -q 'line longer than' err || fail "--facts - < /dev/zero: $(cat err)"
echo "ok"
