#!/usr/bin/env python3
"""Draws src/FieldSurvey.Web/wwwroot/favicon.ico (16, 32 and 48 px, PNG inside ICO) from the shapes of
favicon.svg, with the standard library only, so the icon can be redrawn without an image editor.
Run: python3 scripts/favicon.py"""
import struct, zlib, pathlib

BLUE, LINE, WHITE, ORANGE, GREEN = (0x1f, 0x4e, 0x79), (0x9e, 0xc5, 0xe8), (255, 255, 255), (0xf4, 0xa2, 0x61), (0x8a, 0xb1, 0x7d)
CIRCLES = [((16, 9), 4.5, WHITE), ((9, 22), 4.5, ORANGE), ((23, 22), 4.5, GREEN)]
LINES = [((9, 22), (16, 9)), ((16, 9), (23, 22)), ((23, 22), (9, 22))]

def colour_at(x, y):
    """The colour of point (x, y) in the 32-unit design, or None outside the rounded square."""
    r = 6
    cx, cy = min(max(x, r), 32 - r), min(max(y, r), 32 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    for (px, py), radius, colour in CIRCLES:
        if (x - px) ** 2 + (y - py) ** 2 <= radius * radius:
            return colour
    for (ax, ay), (bx, by) in LINES:
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= 1:
            return LINE
    return BLUE

def png(size, samples=4):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc, hits = [0, 0, 0], 0
            for sj in range(samples):
                for si in range(samples):
                    c = colour_at((i + (si + .5) / samples) * 32 / size, (j + (sj + .5) / samples) * 32 / size)
                    if c:
                        hits += 1
                        acc = [a + b for a, b in zip(acc, c)]
            row += bytes([a // hits for a in acc] if hits else [0, 0, 0]) + bytes([255 * hits // samples ** 2])
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))

images = [(s, png(s)) for s in (16, 32, 48)]
offset = 6 + 16 * len(images)
head = struct.pack("<HHH", 0, 1, len(images))
for size, data in images:
    head += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
out = pathlib.Path(__file__).resolve().parent.parent / "src/FieldSurvey.Web/wwwroot/favicon.ico"
out.write_bytes(head + b"".join(d for _, d in images))
print(out, out.stat().st_size, "bytes")
