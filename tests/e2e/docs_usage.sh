#!/usr/bin/env bash
# docs/usage.md: every command in its ```sh blocks runs as written (from the
# checkout's top folder, with the built dipgraph on PATH) and none fails.
set -euo pipefail
src=${DIPGRAPH_SOURCE_DIR:?}
bin=$(dirname "${DIPGRAPH:?}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Pull out the sh blocks; the PATH line of the guide is replaced by the
# binary under test.
awk '/^```sh$/{on=1; next} /^```$/{on=0} on' "$src/docs/usage.md" |
  grep -v '^export PATH=' > "$work/usage.sh"
[ -s "$work/usage.sh" ] || { echo "no sh blocks found in docs/usage.md"; exit 1; }
cd "$src"
PATH="$bin:$PATH" bash -euo pipefail "$work/usage.sh" > "$work/out.txt" 2> "$work/err.txt" || {
  echo "a command of docs/usage.md failed:"; tail -20 "$work/err.txt"; exit 1; }
grep -q "Kenya" "$work/out.txt" || { echo "expected Kenya in the outputs"; exit 1; }
echo "docs/usage.md: $(grep -c . "$work/usage.sh") lines ran"
