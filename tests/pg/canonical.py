#!/usr/bin/env python3
"""Prints a `check --dump` with each fact's evidence, actors and topics
sorted: the facts of a store whatever order concurrent writers committed
in (ids, evidence, actors, mentions are compared; order is not)."""
import json
import sys

for line in open(sys.argv[1]):
    f = json.loads(line)
    f["evidence"].sort(key=lambda e: (e["article"], e.get("sentence", 0), e.get("start", 0), e.get("end", 0)))
    for group in ("source", "target", "participants"):
        f[group].sort(key=lambda a: a["id"])
    f.get("topics", []).sort()
    print(json.dumps(f, sort_keys=True))
