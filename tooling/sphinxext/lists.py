"""Index directives: the event list, the source list, the rating scale."""

from __future__ import annotations

from collections import Counter

from docutils import nodes

from ..ratings import SCALE
from .common import badge, event_doc, link, para, source_doc, text
from .state import RecordDirective


def _table(headers: list[str], rows: list[list], classes=()) -> nodes.table:
    table = nodes.table(classes=list(classes))
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    row = nodes.row()
    for h in headers:
        row += nodes.entry("", para(h))
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            if isinstance(cell, nodes.paragraph):
                row += nodes.entry("", cell)
            elif isinstance(cell, nodes.Node):
                row += nodes.entry("", para(cell))
            else:
                row += nodes.entry("", para(str(cell)))
        body += row
    group += body
    return table


class EventListDirective(RecordDirective):
    """Every event in date order, with its claims' ratings."""

    def run(self):
        self.depend_on_everything()
        rows = []
        for e in self.corpus.events_in_order():
            when = e.inferred_date.display() + " (inferred)" if e.inferred_date else "not dated"
            counts = Counter(c.rating for c in e.claims)
            ratings = para()
            for i, r in enumerate(r for r in SCALE if counts[r.name]):
                if i:
                    ratings += text(" ")
                ratings += badge(r.name)
                ratings += text(f" ×{counts[r.name]}")
            rows.append([when, link(event_doc(e.id), "", e.title), e.place, ratings])
        return [_table(["Date", "Event", "Place", "Claims by rating"], rows, ["fc-event-list"])]


class SourceListDirective(RecordDirective):
    def run(self):
        self.depend_on_everything()
        corpus = self.corpus
        rows = []
        for s in sorted(corpus.sources.values(), key=lambda s: s.id):
            n = len({c.id for c, _ in corpus.citations_by_source.get(s.id, [])})
            rows.append([link(source_doc(s.id), "", s.label), s.publisher or "not stated", s.text_name, str(n)])
        return [_table(["Source", "Publisher", "Captured file", "Claims citing it"], rows, ["fc-source-list"])]


class RatingScaleDirective(RecordDirective):
    """The rating scale, from tooling/ratings.py (the one definition)."""

    def run(self):
        rows = [[badge(r.name), str(r.value), r.meaning, r.rule] for r in SCALE]
        return [_table(["Rating", "Value (ClaimReview)", "Meaning", "What the validator checks"], rows,
                       ["fc-rating-scale"])]


class TimelineDirective(RecordDirective):
    """Events on a timeline: dated (by an editor's inference) first, then undated."""

    def run(self):
        self.depend_on_everything()
        events = self.corpus.events_in_order()
        dated = [e for e in events if e.inferred_date]
        undated = [e for e in events if not e.inferred_date]
        out = []
        timeline = nodes.enumerated_list(classes=["fc-timeline"])
        for e in dated:
            item = nodes.list_item()
            p = para(nodes.inline("", e.inferred_date.display(), classes=["fc-timeline-date"]),
                     " (inferred) — ", link(event_doc(e.id), "", e.title))
            item += p
            item += para(f"{e.place}. {len(e.claims)} claim(s).", classes=["fc-help"])
            timeline += item
        out.append(timeline)
        if undated:
            out.append(para(nodes.strong("", "Not dated: "),
                            "background and events no source dates and no editor has dated."))
            bl = nodes.bullet_list()
            for e in undated:
                item = nodes.list_item()
                item += para(link(event_doc(e.id), "", e.title), f" — {e.place}")
                bl += item
            out.append(bl)
        return out
