"""Large aggregate tables as HTML strings instead of docutils node trees.

The lists of everything (all claims, the figures tables, the timeline) grow
with the records, and every edit re-renders them.  Built as docutils nodes
they cost about ten times more to read, transform and write than the same
markup built here, escaped with ``html.escape``.  Links are written as
``href="fc:DOCNAME#ANCHOR"`` and given their final relative URL in
``doctree-resolved`` (:func:`tooling.sphinxext.nodes.resolve_links`), like
``fc_link`` nodes.  What this module builds is not in Sphinx's search index;
every claim is indexed on its event page.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from docutils import nodes

from ..ratings import BY_NAME, SCALE


def a(docname: str, anchor: str, label: str, title: str | None = None, cls: str = "reference internal") -> str:
    target = f"fc:{docname}" + (f"#{anchor}" if anchor else "")
    t = f' title="{escape(title)}"' if title else ""
    return f'<a class="{cls}" href="{escape(target)}"{t}>{escape(label)}</a>'


def badge_classes(rating: str) -> list[str]:
    """The one place a badge's classes are named (the node badge uses them too)."""
    return ["fc-badge", f"fc-rating-{BY_NAME[rating].name}"]


def badge(rating: str) -> str:
    return f'<span class="{" ".join(badge_classes(rating))}">{escape(BY_NAME[rating].label)}</span>'


def rating_counts(claims) -> str:
    """'[Corroborated] ×4 [Reported] ×1', in scale order."""
    counts = Counter(c.rating for c in claims)
    return " ".join(f"{badge(r.name)} ×{counts[r.name]}" for r in SCALE if counts[r.name])


def table(headers: list[str], rows: list[tuple[str, list[str]]], cls: str) -> str:
    """rows: (row class, [cell HTML])."""
    head = "".join(f'<th class="head" scope="col"><p>{escape(h)}</p></th>' for h in headers)
    body = []
    for i, (row_cls, cells) in enumerate(rows):
        parity = "row-even" if i % 2 == 0 else "row-odd"
        tds = "".join(f"<td><p>{c}</p></td>" for c in cells)
        body.append(f'<tr class="{parity} {escape(row_cls)}">{tds}</tr>')
    return (f'<table class="table {escape(cls)}">\n<thead><tr class="row-odd">{head}</tr></thead>\n'
            f"<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>")


def raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")
