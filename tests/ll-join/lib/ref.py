# A slow, obvious model of ll-join -k sessionid -o timestamp -o event_id
# -d event_id over the files L and R written by gen.py, to check the C
# code against.  Usage: python3 ref.py TYPE plain|agg|group
import json
import sys

typ, mode = sys.argv[1], sys.argv[2]
left = [json.loads(line) for line in open("L")]
right = [json.loads(line) for line in open("R")]


def key(d):
    v = d.get("sessionid")
    return None if v is None else json.dumps(v)


def dump(d):
    return json.dumps(d, separators=(",", ":"))


groups, first, nokey = {}, {}, []
for i, d in enumerate(right):
    k = key(d)
    if k is None:
        nokey.append((i, None, [(i, d)]))
        continue
    groups.setdefault(k, []).append((i, d))
    first.setdefault(k, i)


def prep(g):
    seen, out = set(), []
    for i, d in g:
        e = d.get("event_id")
        if e is not None:
            if e in seen:
                continue
            seen.add(e)
        out.append((i, d))
    out.sort(key=lambda x: (x[1]["timestamp"], x[1]["event_id"], x[0]))
    return [d for i, d in out]


def text(g):
    parts = []
    for d in g:
        v = d.get("data")
        parts += v if isinstance(v, list) else [v]
    return "\n".join(parts) if parts else None


def cols(g):
    if mode == "group":
        return {"g": g}
    return {"t": text(g), "n": len(g),
            "f": g[0]["timestamp"] if g else None,
            "l": g[-1]["timestamp"] if g else None}


matched = set()
for d in left:
    k = key(d)
    g = groups.get(k)
    if g is not None:
        matched.add(k)
    if typ in ("semi", "anti"):
        if (g is not None) == (typ == "semi"):
            print(dump(d))
    elif g is None and typ == "inner":
        continue
    elif mode != "plain":
        print(dump({**d, **cols(prep(g or []))}))
    elif g is None:
        print(dump(d))
    else:
        for r in prep(g):
            print(dump({**d, **{a: b for a, b in r.items() if a not in d}}))
if typ == "full":
    rest = [(first[k], k, g) for k, g in groups.items() if k not in matched]
    for _, k, g in sorted(rest + nokey, key=lambda x: x[0]):
        if mode == "plain":
            for r in prep(g):
                print(dump(r))
        else:
            row = {} if k is None else {"sessionid": json.loads(k)}
            print(dump({**row, **cols(prep(g))}))
