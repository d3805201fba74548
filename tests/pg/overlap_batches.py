#!/usr/bin/env python3
"""Overlapping batches of facts for the concurrent writer tests and the
write benchmark: W files of N reports each, drawn from one pool of events,
so writers report the same facts with different (and some shared)
evidence. Values that merging fills (cameo, place, names) are the same in
every report of a fact, so the merged store does not depend on the order
the writers commit in. Deterministic for a seed.

    overlap_batches.py OUT_PREFIX WRITERS REPORTS [POOL] [SEED]
writes OUT_PREFIX0.jsonl ... OUT_PREFIX{W-1}.jsonl
"""
import json
import random
import sys

prefix, writers, reports = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pool_size = int(sys.argv[4]) if len(sys.argv) > 4 else reports // 3
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 7)
codes = ["C%02d" % i for i in range(60)]
types = [("meeting", "043"), ("statement", "010"), ("criticism", "111"), ("aid", "070")]
pool = []
for i in range(pool_size):
    t, cameo = rng.choice(types)
    a, b = rng.sample(codes, 2)
    person = {"id": "person:p-%d" % rng.randrange(300), "name": "P %d" % i, "country": a,
              "role": rng.choice(["", "Foreign Minister"])}
    pool.append({"type": t, "cameo": cameo, "date": "2024-%02d-%02d" % (rng.randrange(1, 13), rng.randrange(1, 29)),
                 "participants": [{"id": "country:" + a}, {"id": "country:" + b}],
                 "source": [person] if rng.random() < 0.3 else [],
                 "location": {"name": "City %d" % (i % 50), "country": a},
                 "topics": [rng.choice(codes)] if rng.random() < 0.2 else []})
for w in range(writers):
    with open("%s%d.jsonl" % (prefix, w), "w") as out:
        for j in range(reports):
            f = dict(pool[rng.randrange(pool_size)])
            f["id"] = None
            if rng.random() < 0.3:
                f.pop("cameo")
            if rng.random() < 0.3:
                f.pop("location")
            shared = rng.random() < 0.2
            art = "shared-%d" % rng.randrange(reports) if shared else "w%d-%d" % (w, j)
            f["evidence"] = [{"article": art, "sentence": j % 7, "start": 0, "end": 10,
                              "text": "Report %s." % art}]
            f["confidence"] = round(rng.random(), 2)
            f = {k: v for k, v in f.items() if v is not None}
            out.write(json.dumps(f) + "\n")
