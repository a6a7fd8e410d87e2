"""Static SVG dot/range plots of the reported values of one measure.

Generated at build time, no JavaScript.  Each report is a row: a dot for a
value, a bar for a min-max range, an arrow where the source gives only a
bound ("at least 15" points right, "up to" left), a hollow dot for "about".
The scale starts at zero so lengths compare honestly.  This module computes
the geometry; ``templates/chart.svg`` draws it.  The chart has a text
alternative (<title> and <desc>) and always sits next to the table that holds
the same data.
"""

from __future__ import annotations

from ..names import claimant_label
from ..records import Claim, Corpus, format_number

ROW = 34
LEFT = 250
WIDTH = 720
RIGHT = 40
TOP = 16


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1
    magnitude = 10 ** (len(str(int(v))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if v <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _n(v: float) -> str:
    return f"{v:.1f}"


def chart_data(corpus: Corpus, measure_id: str, claims: list[Claim]) -> dict | None:
    """Everything templates/chart.svg draws, as numbers and text (None: no numeric report)."""
    rows = [c for c in claims if c.figure.low is not None]
    if not rows:
        return None
    top_value = _nice_max(max(c.figure.high for c in rows) * 1.1)
    plot_w = WIDTH - LEFT - RIGHT
    height = TOP + ROW * len(rows) + 40

    def x(v: float) -> float:
        return LEFT + plot_w * v / top_value

    def name_of(c: Claim) -> str:
        return claimant_label(corpus, c)

    axis_y = TOP + ROW * len(rows) + 6
    out_rows = []
    for i, c in enumerate(rows):
        f = c.figure
        y = TOP + ROW * i + ROW / 2
        name = name_of(c)
        row = {
            "y": _n(y),
            "label_y": _n(y + 4),
            "value_y": _n(y - 9),
            "name": name,
            "short": name if len(name) <= 30 else name[:28] + "…",
            "qualifier": f.qualifier,
            "display": f.display(),
            "range": None,
            "bound": None,
        }
        if f.value is None:  # a range
            row["range"] = (_n(x(f.min)), _n(x(f.max)))
        else:
            cx = x(f.value)
            if f.qualifier in ("at-least", "more-than"):
                end = min(cx + 46, WIDTH - RIGHT + 20)
                row["bound"] = (_n(cx), _n(end))
                row["arrow"] = f"M{end:.1f},{y - 5:.1f} L{end + 8:.1f},{y:.1f} L{end:.1f},{y + 5:.1f} Z"
            elif f.qualifier == "up-to":
                start = max(cx - 46, LEFT - 4)
                row["bound"] = (_n(start), _n(cx))
                row["arrow"] = f"M{start:.1f},{y - 5:.1f} L{start - 8:.1f},{y:.1f} L{start:.1f},{y + 5:.1f} Z"
            row.update(cx=_n(cx), hollow=f.qualifier == "about", value=format_number(f.value))
        out_rows.append(row)
    return {
        "uid": f"chart-{measure_id}",
        "width": WIDTH,
        "height": height,
        "left": LEFT,
        "top": TOP - 4,
        "axis_y": axis_y,
        "axis_end": WIDTH - RIGHT,
        "label": corpus.measures[measure_id].label,
        "desc": "; ".join(f"{name_of(c)}: {c.figure.display()}" for c in rows),
        "ticks": [(_n(x(top_value * i / 5)), format_number(top_value * i / 5)) for i in range(6)],
        "rows": out_rows,
    }
