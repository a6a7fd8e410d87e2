"""HTML/CSS bar charts of the distinct values reported for one measure.

Why HTML and not SVG: the labels are ordinary text that wraps at any width
(nothing is clipped at 375 px), the bars are boxes sized in percent of their
track, and a screen reader reads the rows as the text they are.  This module
computes what to draw; ``templates/chart.html`` draws it, with no JavaScript.

What the drawing promises a reader:

- the axis starts at zero and ends at the first multiple of a 1-2-5 step
  above the largest number (:func:`axis`), so bar lengths compare honestly
  and the axis is never more than 1.5 times the largest value;
- one mark per distinct report (qualifier and number, :func:`distinct`), with
  every claimant and source that gave it listed on the mark;
- the bound as the record gives it (:func:`segments`): a solid bar for what
  the report asserts, a striped span for what a range or "up to" leaves open,
  a fading end where no upper end is given ("at least", "more than");
- no chart for fewer than two distinct numbers: the table says it all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..names import claimant_label, source_name
from ..records import QUALIFIER_TEXT, Claim, Corpus, Figure, format_number, qualifier_words
from .domain import Link

STEPS = (1, 2, 5)
# At most five intervals (six tick labels): "350,000" six times over would
# not fit a phone's width.
MAX_INTERVALS = 5
OPEN_ENDED = ("at-least", "more-than")


@dataclass(frozen=True)
class Axis:
    top: float  # the axis runs from 0 to top
    step: float  # between two ticks

    @property
    def intervals(self) -> int:
        return round(self.top / self.step)

    def ticks(self) -> list[float]:
        return [_clean(self.step * i) for i in range(self.intervals + 1)]


def _clean(x: float) -> float:
    """0.30000000000000004 -> 0.3: tick values are printed."""
    return float(f"{x:.12g}")


def axis(largest: float) -> Axis:
    """From zero to the first multiple of a 1-2-5 step strictly above ``largest``.

    Strictly above, so an open bound at the largest value still has room to
    fade out.  The smallest step giving at most MAX_INTERVALS intervals is
    taken; the step before it gave more, so there are at least three and the
    top is at most 1.5 times the largest value.
    """
    if largest <= 0:
        return Axis(1.0, 1.0)
    exponent = math.floor(math.log10(largest)) - 1
    while True:
        for m in STEPS:
            step = _clean(m * 10.0**exponent)
            intervals = math.floor(largest / step + 1e-9) + 1
            if intervals <= MAX_INTERVALS:
                return Axis(_clean(step * intervals), step)
        exponent += 1


def _key(f: Figure) -> tuple:
    return (f.qualifier, f.value, f.min, f.max)


def distinct(claims: list[Claim]) -> list[list[Claim]]:
    """Claims with a number, one group per distinct (qualifier, number), smallest first.

    "4 people" and "4 civilians" are one value; "at least 4" is another.
    Claims without a number ("several") cannot be drawn and are left out.
    """
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if c.figure is not None and c.figure.low is not None:
            groups.setdefault(_key(c.figure), []).append(c)
    qualifier_order = list(QUALIFIER_TEXT)
    return sorted(
        groups.values(),
        key=lambda g: (g[0].figure.low, g[0].figure.high, qualifier_order.index(g[0].figure.qualifier)),
    )


def _pct(v: float, top: float) -> float:
    return round(100 * v / top, 2)


def segments(f: Figure, top: float) -> list[tuple[str, float, float]]:
    """(kind, left %, width %) of the pieces of one mark on an axis from 0 to ``top``.

    solid: what the report asserts (the number, or a range's lower end);
    span: what it leaves open between two ends (a range, or 0 to an "up to");
    open: past the number, to the axis end, when no upper end is given.
    """
    low, high = f.low, f.high
    solid_end = 0.0 if f.qualifier == "up-to" else low
    out = []
    if solid_end > 0:
        out.append(("solid", 0.0, _pct(solid_end, top)))
    if high > solid_end:
        out.append(("span", _pct(solid_end, top), _pct(high - solid_end, top)))
    if f.qualifier in OPEN_ENDED:
        out.append(("open", _pct(high, top), round(100 - _pct(high, top), 2)))
    return out


def number_text(f: Figure) -> str:
    """The qualifier (in the reader's language) and the number, without the unit: 'at least 4', '9–10'."""
    number = format_number(f.value) if f.value is not None else f"{format_number(f.min)}–{format_number(f.max)}"
    return " ".join(w for w in (qualifier_words(f.qualifier), number) if w)


def _reporters(corpus: Corpus, group: list[Claim], same_wording: bool) -> list[dict]:
    """Who gave this value and where: one entry per claimant, every source it was read in."""
    by_claimant: dict[str, dict] = {}
    for c in group:
        who = claimant_label(corpus, c)  # an outlet's own voice is that outlet's
        entry = by_claimant.setdefault(who, {"claimant": who, "wordings": [], "sources": [], "_seen": set()})
        shown = c.figure.display(translate=True)
        if not same_wording and shown not in entry["wordings"]:
            entry["wordings"].append(shown)
        for i, cit in enumerate(c.citations):
            if cit.source in entry["_seen"]:
                continue
            entry["_seen"].add(cit.source)
            entry["sources"].append(
                Link("source", cit.source, source_name(corpus.sources[cit.source]), c.citation_anchor(i))
            )
    for entry in by_claimant.values():
        del entry["_seen"]  # the data is fingerprinted and compared: plain values only
    return list(by_claimant.values())


def chart_data(corpus: Corpus, measure_id: str, claims: list[Claim]) -> dict | None:
    """What templates/chart.html draws; None when fewer than two distinct numbers were reported."""
    groups = distinct(claims)
    if len(groups) < 2:
        return None
    ax = axis(max(g[0].figure.high for g in groups))
    marks, kinds = [], set()
    for group in groups:
        f = group[0].figure
        wordings = {c.figure.display(translate=True) for c in group}
        same = len(wordings) == 1
        segs = segments(f, ax.top)
        kinds.update(kind for kind, _, _ in segs)
        if f.qualifier == "about":
            kinds.add("about")
        sources = {cit.source for c in group for cit in c.citations}
        marks.append(
            {
                "value": f.display(translate=True) if same else number_text(f),
                "qualifier": f.qualifier,
                "segments": [{"kind": k, "left": left, "width": w} for k, left, w in segs],
                "reporters": _reporters(corpus, group, same),
                "sources": len(sources),
                # Rewrites of one text are one report, however many mastheads carry it.
                "origins": corpus.origins.group_count(sources),
            }
        )
    ticks = ax.ticks()
    undrawn = [c for c in claims if c.figure is not None and c.figure.low is None]
    return {
        "uid": f"fc-chart-{measure_id}",
        "label": corpus.measures[measure_id].label,
        "top": format_number(ax.top),
        "ticks": [{"at": _pct(t, ax.top), "label": format_number(t)} for t in ticks],
        "intervals": ax.intervals,
        "marks": marks,
        "kinds": [k for k in ("solid", "span", "open", "about") if k in kinds],
        "undrawn": [
            {"value": c.figure.display(translate=True), "claimant": claimant_label(corpus, c)} for c in undrawn
        ],
    }
