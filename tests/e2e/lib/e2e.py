"""Helpers shared by the Python end-to-end tests in tests/e2e/ (not a test
itself: CMake registers only tests/e2e/*.py).

fail(msg) prints "FAIL: msg" and exits 1; check(cond, msg) fails unless
cond; skip(why) exits 77 (skipped), or fails when DIPGRAPH_REQUIRE_PY=1;
run(*args) runs the dipgraph binary ($DIPGRAPH) with -q and fails on a
non-zero exit unless ok=False.
"""
import os
import subprocess
import sys

DIPGRAPH = os.environ["DIPGRAPH"]


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def skip(why):
    if os.environ.get("DIPGRAPH_REQUIRE_PY") == "1":
        fail(why)
    print("SKIP: " + why, file=sys.stderr)
    sys.exit(77)


def run(*args, ok=True):
    p = subprocess.run([DIPGRAPH, "-q", *args], capture_output=True, text=True)
    if ok and p.returncode != 0:
        fail(f"{' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p
