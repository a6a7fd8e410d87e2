"""Derive the map's small outline file from Natural Earth (npm ``world-atlas@2``).

The site draws its map at build time from a vendored file in
``tooling/sphinxext/mapdata/``; ``make html`` never needs npm.  This script is
how that file was made, so it can be made again::

    npm install --no-save --no-audit --no-fund world-atlas@2   (in a scratch folder)
    python -m tooling.derive_mapdata SCRATCH/node_modules/world-atlas/countries-50m.json \\
        tooling/sphinxext/mapdata/syria-region.json

It decodes the TopoJSON, keeps every country that reaches into a box around
the focus country (Syria), simplifies each ring (Douglas-Peucker), clips it
to the box and rounds coordinates to 0.01 degree (about a kilometre: finer
than the map ever shows, and it keeps the file, and the page, small).
The result stays in longitude/latitude; the build projects it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .sphinxext.mapdraw import clip

FOCUS = "Syria"
# The map's view: Syria's extent with a margin (lon0, lat0, lon1, lat1).
VIEW = (35.3, 32.0, 42.8, 37.7)
# Outlines are kept a little beyond the view, so no clipped edge shows inside it.
CLIP_MARGIN = 0.4
TOLERANCE = 0.008  # degrees: Douglas-Peucker tolerance
SOURCE = "Natural Earth 1:50m Admin 0 countries, v4.1.0, via npm world-atlas 2.0.2 (countries-50m.json)"
LICENCE = "Natural Earth data: public domain (https://www.naturalearthdata.com/about/terms-of-use/)"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    return points


def polygons(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in poly] for poly in geometry["arcs"]]
    return []


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, index = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > far:
                far, index = d, i
        if far > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def derive(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    box = (VIEW[0] - CLIP_MARGIN, VIEW[1] - CLIP_MARGIN, VIEW[2] + CLIP_MARGIN, VIEW[3] + CLIP_MARGIN)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        rings = []
        for poly in polygons(geometry, arcs):
            for r in poly:
                cut = clip(simplify(r, TOLERANCE), box)
                cut = [(round(x, 2), round(y, 2)) for x, y in cut]
                cut = [p for i, p in enumerate(cut) if i == 0 or p != cut[i - 1]]
                if len(cut) >= 3:
                    rings.append([list(p) for p in cut])
        if rings:
            countries.append({"name": geometry["properties"]["name"], "id": geometry.get("id"), "rings": rings})
    countries.sort(key=lambda c: (c["name"] != FOCUS, c["name"]))
    return {
        "source": SOURCE,
        "licence": LICENCE,
        "derived_by": "tooling/derive_mapdata.py",
        "focus": FOCUS,
        "view": list(VIEW),
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: .venv/bin/python -m tooling.derive_mapdata countries-50m.json OUT.json", file=sys.stderr)
        return 2
    data = derive(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    Path(argv[1]).write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{argv[1]}: {len(data['countries'])} countries, {Path(argv[1]).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
