#!/usr/bin/env bash
# Installs the Debian packages dipgraph needs, only those that are missing.
# Usage: scripts/install-deps.sh [--python] [--fuzz] [--postgres]
#   --python  also python3-networkx and python3-igraph (export checks in tests)
#   --fuzz    also clang and its libFuzzer runtime
#   --postgres  also the PostgreSQL server, for the database store's tests
#             (tests/pg/server.sh starts a throwaway one of its own; the
#             client library, libpq-dev, is always installed)
set -euo pipefail

pkgs=(cmake ninja-build g++ libboost-graph-dev rapidjson-dev libfmt-dev doctest-dev
      libcli11-dev graphviz libgraphviz-dev python3 libpq-dev)
for arg in "$@"; do
  case "$arg" in
    --python) pkgs+=(python3-networkx python3-igraph) ;;
    --fuzz) pkgs+=(clang libclang-rt-14-dev libexpat1-dev) ;;
    --postgres) pkgs+=(postgresql) ;;
    *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
