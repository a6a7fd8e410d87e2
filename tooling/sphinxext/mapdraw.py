"""The map of the events' places, drawn at build time as SVG geometry.

The outlines are a small vendored file (``mapdata/``, made by
``tooling/derive_mapdata.py`` from Natural Earth) in longitude/latitude.  The
projection is equirectangular with the longitudes scaled by the cosine of
the view's middle latitude: over a view a few degrees across that keeps
shapes and distances true to within a few per cent, and it is simple enough
to test by hand.  A reader's browser requests nothing: the SVG is inline,
its coordinates rounded to 0.1 px.  ``templates/map.html`` draws the result.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _

# The country names of the bundled outlines (mapdata/), marked for the translators' catalog;
# a name not listed here is shown as the outline file gives it.
COUNTRY_NAMES = (
    N_("Syria"),
    N_("Iraq"),
    N_("Israel"),
    N_("Jordan"),
    N_("Lebanon"),
    N_("Palestine"),
    N_("Saudi Arabia"),
    N_("Turkey"),
)

MAPDATA = Path(__file__).parent / "mapdata"
WIDTH = 400  # viewBox units; the SVG scales to its box (343 px on a 375 px screen: labels stay ~14 px)
LABEL_CHAR = 8.6  # estimated width of one label character at the template's 16-unit font
MIN_LABEL_AREA = 2500  # a country shows less than this (square units) in view: too small to name


def outline_file(setting: str, confdir: Path) -> Path:
    """``factcheck_map_outlines``: a bundled file by name ('syria-region'), or a path from conf.py's folder."""
    if "/" not in setting and not setting.endswith(".json"):
        return MAPDATA / f"{setting}.json"
    return (confdir / setting).resolve()


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude -> SVG x, y (y grows downwards) over a view (lon0, lat0, lon1, lat1)."""

    view: tuple[float, float, float, float]
    width: float = WIDTH

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.view[1] + self.view[3]) / 2))

    @property
    def scale(self) -> float:
        return self.width / ((self.view[2] - self.view[0]) * self.kx)

    @property
    def height(self) -> float:
        return round((self.view[3] - self.view[1]) * self.scale, 1)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            round((lon - self.view[0]) * self.kx * self.scale, 1),
            round((self.view[3] - lat) * self.scale, 1),
        )

    def contains(self, lon: float, lat: float) -> bool:
        return self.view[0] <= lon <= self.view[2] and self.view[1] <= lat <= self.view[3]


def clip(points: list, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: a closed ring clipped to a rectangle (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box

    def at_x(a, b, x):
        return (x, a[1] + (x - a[0]) / (b[0] - a[0]) * (b[1] - a[1]))

    def at_y(a, b, y):
        return (a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]), y)

    edges = [
        (lambda p: p[0] >= x0, lambda a, b: at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: at_y(a, b, y1)),
    ]
    out = [tuple(p) for p in points]
    for inside, cross in edges:
        if not out:
            break
        pts, out = out, []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def _area_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, cx, cy) of a polygon (shoelace); area in square units."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-9:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _path(ring: list[tuple[float, float]]) -> str:
    first, *rest = ring
    return f"M{first[0]:g},{first[1]:g}" + "".join(f"L{x:g},{y:g}" for x, y in rest) + "Z"


def load_outlines(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def draw(outlines: dict, places: list[dict], width: float = WIDTH) -> dict:
    """The SVG's geometry: country paths (focus country first), markers and their labels.

    ``places``: ``{"id", "name", "lon", "lat", ...}`` dicts (other keys are kept on the marker).
    Places outside the view are returned apart, in ``outside``, never drawn at the edge.
    """
    proj = Projection(tuple(outlines["view"]), width)
    box = (0.0, 0.0, float(width), proj.height)
    countries = []
    for country in outlines["countries"]:
        rings = [clip([proj(lon, lat) for lon, lat in ring], box) for ring in country["rings"]]
        rings = [[(round(x, 1), round(y, 1)) for x, y in r] for r in rings if len(r) >= 3]
        if not rings:
            continue
        area, cx, cy = max(_area_centre(r) for r in rings)
        shown = country["name"]  # a name, not _(country["name"]): Babel would extract "name" as a message
        countries.append(
            {
                "name": _(shown),  # in the edition's language: the names are in COUNTRY_NAMES
                "focus": country["name"] == outlines.get("focus"),
                "d": "".join(_path(r) for r in rings),
                "label": (round(cx, 1), round(cy, 1)) if area >= MIN_LABEL_AREA else None,
            }
        )
    markers, outside = [], []
    for place in sorted(places, key=lambda p: (-p["lat"], p["lon"])):
        if proj.contains(place["lon"], place["lat"]):
            x, y = proj(place["lon"], place["lat"])
            markers.append({**place, "x": x, "y": y})
        else:
            outside.append(place)
    # Every dot first, then each label in the first free spot: right of its dot, left, below.
    taken = [(m["x"] - 8, m["y"] - 8, m["x"] + 8, m["y"] + 8) for m in markers]
    for marker in markers:
        x, y = marker["x"], marker["y"]
        label_w = LABEL_CHAR * len(marker["label"])
        for anchor, lx, ly in (("start", x + 11, y + 5), ("end", x - 11, y + 5), ("middle", x, y + 25)):
            x0 = {"start": lx, "end": lx - label_w, "middle": lx - label_w / 2}[anchor]
            rect = (x0, ly - 14, x0 + label_w, ly + 4)
            fits = rect[0] >= 0 and rect[2] <= width and rect[1] >= 0 and rect[3] <= proj.height
            if fits and not any(_overlap(rect, t) for t in taken):
                break
        taken.append(rect)
        marker.update(label_x=round(lx, 1), label_y=round(ly, 1), anchor=anchor)
    return {
        "width": width,
        "height": proj.height,
        "countries": countries,
        "markers": markers,
        "outside": outside,
        "scale": scale_bar(proj),
    }


def scale_bar(proj: Projection, km: int = 100) -> dict:
    """A bar of ``km`` kilometres in the bottom-right corner (a degree of latitude is 111.32 km)."""
    length = round(km / 111.32 * proj.scale, 1)
    return {
        "x1": round(proj.width - 14 - length, 1),
        "x2": proj.width - 14,
        "y": round(proj.height - 14, 1),
        "label": _("{km} km").format(km=km),
    }


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
