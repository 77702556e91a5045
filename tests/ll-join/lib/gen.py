# Writes L and R: random left and right records over NKEYS session ids
# (a quarter of them never on the right), with missing and null keys on
# both sides, ties in timestamp, arrays of lines and duplicated records.
# Usage: python3 gen.py SEED NKEYS
import json
import random
import sys

r = random.Random(int(sys.argv[1]))
nkeys = int(sys.argv[2])
keys = ["s%d" % i for i in range(nkeys)] + [None, "MISSING"]
rkeys = keys[nkeys // 4:]


def dump(d):
    return json.dumps(d, separators=(",", ":"))


with open("L", "w") as f:
    for i in range(nkeys * 2 // 3):
        k = r.choice(keys)
        d = {"n": i, "day": "2026-03-%02d" % r.randint(1, 3)}
        if k != "MISSING":
            d["sessionid"] = k
        f.write(dump(d) + "\n")
with open("R", "w") as f:
    for i in range(nkeys * 5):
        k = r.choice(rkeys)
        d = {"timestamp": r.randint(0, 20),
             "event_id": "e%d" % r.randint(0, nkeys * 3), "data": "x%d" % i}
        if r.random() < 0.1:
            d["data"] = ["a%d" % i, "b%d" % i]
        if k != "MISSING":
            d["sessionid"] = k
        f.write(dump(d) + "\n")
        if r.random() < 0.05:
            f.write(dump(d) + "\n")
