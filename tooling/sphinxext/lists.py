"""Index directives: the event list, the timeline, the source list, the rating scale.

The lists of every event are raw HTML (:mod:`.rawhtml`): they grow with the
records and are re-rendered on every edit.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

from ..ratings import SCALE
from . import rawhtml as h
from .common import para, strong
from .state import RecordDirective


class EventListDirective(RecordDirective):
    """Every event in date order, with its claims' ratings."""

    def run(self):
        self.depend_on_everything()
        rows = []
        for e in self.corpus.events_in_order():
            when = e.inferred_date.display() + " (inferred)" if e.inferred_date else "not dated"
            rows.append(("", [escape(when), h.a(f"events/{e.id}", "", e.title), escape(e.place),
                              h.rating_counts(e.claims)]))
        return [h.raw(h.table(["Date", "Event", "Place", "Claims by rating"], rows, "fc-event-list"))]


class SourceListDirective(RecordDirective):
    def run(self):
        self.depend_on_everything()
        corpus = self.corpus
        rows = []
        for s in sorted(corpus.sources.values(), key=lambda s: s.id):
            n = len({c.id for c, _ in corpus.citations_by_source.get(s.id, [])})
            rows.append(("", [h.a(f"sources/{s.id}", "", s.label), escape(s.publisher or "not stated"),
                              f'<span class="fc-mono">{escape(s.text_name)}</span>', str(n)]))
        return [h.raw(h.table(["Source", "Publisher", "Captured file", "Claims citing it"], rows, "fc-source-list"))]


class RatingScaleDirective(RecordDirective):
    """The rating scale, from tooling/ratings.py (the one definition)."""

    def run(self):
        rows = [("", [h.badge(r.name), str(r.value), escape(r.meaning), escape(r.rule)]) for r in SCALE]
        return [h.raw(h.table(["Rating", "Value (ClaimReview)", "Meaning", "What the validator checks"], rows,
                              "fc-rating-scale"))]


class RulesDirective(RecordDirective):
    """Every editorial rule the validator applies, from tooling/rules.py (the one list)."""

    def run(self):
        from ..rules import RULES

        items = nodes.bullet_list(classes=["fc-rules"])
        for rule in RULES:
            items += nodes.list_item("", para(strong(rule.says), f" (rule {rule.name})"))
        return [items]


class TimelineDirective(RecordDirective):
    """Events on a timeline: dated (by an editor's inference) first, then undated."""

    def run(self):
        self.depend_on_everything()
        events = self.corpus.events_in_order()
        dated = [e for e in events if e.inferred_date]
        undated = [e for e in events if not e.inferred_date]
        items = [
            f'<li><p><span class="fc-timeline-date">{escape(e.inferred_date.display())}</span> (inferred) — '
            f'{h.a(f"events/{e.id}", "", e.title)}</p>'
            f'<p class="fc-help">{escape(e.place)}. {len(e.claims)} claim(s): {h.rating_counts(e.claims)}</p></li>'
            for e in dated
        ]
        out = [h.raw('<ol class="fc-timeline">\n' + "\n".join(items) + "\n</ol>")]
        if undated:
            out.append(para(nodes.strong("", "Not dated: "),
                            "background and events no source dates and no editor has dated."))
            lis = "".join(f'<li><p>{h.a(f"events/{e.id}", "", e.title)} — {escape(e.place)}</p></li>'
                          for e in undated)
            out.append(h.raw(f'<ul class="fc-undated">{lis}</ul>'))
        return out


