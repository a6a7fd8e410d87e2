"""Static SVG dot/range plots of the reported values of one measure.

Generated at build time, no JavaScript.  Each report is a row: a dot for a
value, a bar for a min-max range, an arrow where the source gives only a
bound ("at least 15" points right, "up to" left), a hollow dot for "about".
The scale starts at zero so lengths compare honestly.  The chart has a text
alternative (<title> and <desc>) and always sits next to the table that holds
the same data.
"""

from __future__ import annotations

from html import escape

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


def measure_chart(corpus: Corpus, measure_id: str, claims: list[Claim]) -> str | None:
    rows = [c for c in claims if c.figure.low is not None]
    if not rows:
        return None
    top_value = _nice_max(max(c.figure.high for c in rows) * 1.1)
    plot_w = WIDTH - LEFT - RIGHT
    height = TOP + ROW * len(rows) + 40

    def x(v: float) -> float:
        return LEFT + plot_w * v / top_value

    label = corpus.measures[measure_id].label
    desc = "; ".join(
        f"{corpus.claimants[c.claimant].name if c.claimant in corpus.claimants else c.claimant}: {c.figure.display()}"
        for c in rows
    )
    uid = f"chart-{measure_id}"
    out = [
        f'<svg class="fc-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-t">{escape(label)}: reported values</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]
    # axis with five ticks
    axis_y = TOP + ROW * len(rows) + 6
    out.append(f'<line class="fc-axis" x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}"/>')
    for i in range(6):
        v = top_value * i / 5
        out.append(f'<line class="fc-grid" x1="{x(v):.1f}" y1="{TOP - 4}" x2="{x(v):.1f}" y2="{axis_y}"/>')
        out.append(f'<text class="fc-tick" x="{x(v):.1f}" y="{axis_y + 18}" text-anchor="middle">{escape(format_number(v))}</text>')
    for i, c in enumerate(rows):
        f = c.figure
        y = TOP + ROW * i + ROW / 2
        name = corpus.claimants[c.claimant].name if c.claimant in corpus.claimants else c.claimant
        short = name if len(name) <= 30 else name[:28] + "…"
        out.append(f'<text class="fc-row-label" x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end">{escape(short)}</text>')
        out.append(f'<g class="fc-mark-{escape(f.qualifier)}"><title>{escape(name)}: {escape(f.display())}</title>')
        if f.value is None:  # a range
            out.append(f'<line class="fc-range" x1="{x(f.min):.1f}" y1="{y:.1f}" x2="{x(f.max):.1f}" y2="{y:.1f}"/>')
            for v in (f.min, f.max):
                out.append(f'<circle class="fc-dot" cx="{x(v):.1f}" cy="{y:.1f}" r="5"/>')
        else:
            cx = x(f.value)
            if f.qualifier in ("at-least", "more-than"):
                end = min(cx + 46, WIDTH - RIGHT + 20)
                out.append(f'<line class="fc-bound" x1="{cx:.1f}" y1="{y:.1f}" x2="{end:.1f}" y2="{y:.1f}"/>')
                out.append(f'<path class="fc-arrow" d="M{end:.1f},{y - 5:.1f} L{end + 8:.1f},{y:.1f} L{end:.1f},{y + 5:.1f} Z"/>')
            elif f.qualifier == "up-to":
                start = max(cx - 46, LEFT - 4)
                out.append(f'<line class="fc-bound" x1="{start:.1f}" y1="{y:.1f}" x2="{cx:.1f}" y2="{y:.1f}"/>')
                out.append(f'<path class="fc-arrow" d="M{start:.1f},{y - 5:.1f} L{start - 8:.1f},{y:.1f} L{start:.1f},{y + 5:.1f} Z"/>')
            hollow = " fc-hollow" if f.qualifier == "about" else ""
            out.append(f'<circle class="fc-dot{hollow}" cx="{cx:.1f}" cy="{y:.1f}" r="6"/>')
            out.append(f'<text class="fc-value" x="{cx:.1f}" y="{y - 9:.1f}" text-anchor="middle">{escape(format_number(f.value))}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
