#!/usr/bin/env python3
"""A tiny Parquet writer for tests: one row group of OPTIONAL INT64
columns, PLAIN, uncompressed, each column's logical type given, so a
test can make the files our own writer does not make yet (timestamps in
milli-, micro- and nanoseconds, unsigned integers).

    pqwrite.py OUT NAME:KIND[,NAME:KIND...] < rows.json

KIND is int, uint, millis, micros, nanos or local (a timestamp not
adjusted to UTC, which readers must refuse).  rows.json is one JSON
array of rows, each an array of integers or nulls."""
import json, struct, sys


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7f | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def zz(n):
    return varint((n << 1) ^ (n >> 63))


class T:
    """Thrift compact: fields in increasing id order within a struct."""

    def __init__(self):
        self.b = bytearray()
        self.last = [0]

    def field(self, fid, ftype):
        d = fid - self.last[-1]
        if 0 < d <= 15:
            self.b.append(d << 4 | ftype)
        else:
            self.b.append(ftype)
            self.b += zz(fid)
        self.last[-1] = fid

    def i32(self, fid, v):
        self.field(fid, 5)
        self.b += zz(v)

    def i64(self, fid, v):
        self.field(fid, 6)
        self.b += zz(v)

    def boolean(self, fid, v):
        self.field(fid, 1 if v else 2)

    def binary(self, fid, s):
        self.field(fid, 8)
        self.b += varint(len(s)) + s

    def begin(self, fid=None):
        if fid is not None:
            self.field(fid, 12)
        self.last.append(0)

    def end(self):
        self.b.append(0)
        self.last.pop()

    def list(self, fid, etype, n):
        self.field(fid, 9)
        self.b.append(n << 4 | etype if n < 15 else 0xf0 | etype)
        if n >= 15:
            self.b += varint(n)


def logical(t, kind):
    if kind in ("int", "uint"):
        t.begin(10)
        t.begin(10)
        t.field(1, 3)
        t.b.append(64)
        t.boolean(2, kind == "int")
        t.end()
        t.end()
        return
    unit = {"millis": 1, "micros": 2, "nanos": 3, "local": 1}[kind]
    t.begin(10)
    t.begin(8)
    t.boolean(1, kind != "local")
    t.begin(2)
    t.begin(unit)
    t.end()
    t.end()
    t.end()
    t.end()


def main():
    out, spec = sys.argv[1], sys.argv[2]
    cols = [c.split(":") for c in spec.split(",")]
    rows = json.load(sys.stdin)
    data = bytearray(b"PAR1")
    chunks = []
    for ci, (name, kind) in enumerate(cols):
        vals = [r[ci] for r in rows]
        # Definition levels: bit-packed, width 1, eight to a byte.
        groups = (len(vals) + 7) // 8
        bits = bytearray(groups)
        for i, v in enumerate(vals):
            if v is not None:
                bits[i // 8] |= 1 << (i % 8)
        levels = varint(groups << 1 | 1) + bytes(bits)
        body = struct.pack("<I", len(levels)) + levels + b"".join(
            struct.pack("<q", v) for v in vals if v is not None)
        h = T()
        h.i32(1, 0)
        h.i32(2, len(body))
        h.i32(3, len(body))
        h.begin(5)
        h.i32(1, len(vals))
        h.i32(2, 0)
        h.i32(3, 3)
        h.i32(4, 3)
        h.end()
        h.b.append(0)
        off = len(data)
        data += h.b + body
        chunks.append((name, off, len(data) - off, len(vals)))
    f = T()
    f.i32(1, 1)
    f.list(2, 12, len(cols) + 1)
    f.begin()
    f.binary(4, b"schema")
    f.i32(5, len(cols))
    f.end()
    for name, kind in cols:
        f.begin()
        f.i32(1, 2)
        f.i32(3, 1)
        f.binary(4, name.encode())
        logical(f, kind)
        f.end()
    f.i64(3, len(rows))
    f.list(4, 12, 1)
    f.begin()
    f.list(1, 12, len(cols))
    for name, off, size, n in chunks:
        f.begin()
        f.i64(2, off)
        f.begin(3)
        f.i32(1, 2)
        f.list(2, 5, 2)
        f.b += zz(0) + zz(3)
        f.list(3, 8, 1)
        f.b += varint(len(name)) + name.encode()
        f.i32(4, 0)
        f.i64(5, n)
        f.i64(6, size)
        f.i64(7, size)
        f.i64(9, off)
        f.end()
        f.end()
    f.i64(2, len(data) - 4)
    f.i64(3, len(rows))
    f.end()
    f.b.append(0)
    data += f.b + struct.pack("<I", len(f.b)) + b"PAR1"
    open(out, "wb").write(data)


main()
