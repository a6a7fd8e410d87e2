"""The claims as lists: ``{fc-claims-index}`` (every claim, filterable),
``{fc-claimant} ID`` (one claimant's page) and ``{fc-claimant-list}``.

The filters are three <select> controls and a few lines of JavaScript
(static/factcheck-filter.js) that hide rows by their classes; without
JavaScript every row simply shows.  Every list is an aggregate
(:mod:`.aggregates`) drawn as a template (templates/claims_table.html).
"""

from __future__ import annotations

from docutils import nodes

from ..ratings import SCALE
from ..records import Corpus, count
from .aggregates import drawn_by, placeholder, register
from .common import badge_data, claim_ref, para, rating_counts, section, text
from .corrections import human_date
from .domain import Link
from .state import RecordDirective


def _status(claim) -> dict | None:
    """A retraction or the latest correction, beside the rating: the table must not hide either."""
    if claim.retracted:
        return {"retracted": True, "date": human_date(claim.retracted.date)}
    if claim.corrections:
        return {"retracted": False, "date": human_date(claim.updated)}
    return None


def _rows(corpus: Corpus, claims, with_claimant: bool) -> list[dict]:
    # Row stripes and separators are decided here: a Jinja ``loop`` variable
    # costs an object per row, a fifth of the time to draw the claims index.
    return [
        {
            "stripe": ("row-even", "row-odd")[i % 2],
            "claim": claim_ref(c),
            "rating": badge_data(c.rating),
            "status": _status(c),
            "claimant": Link("claimant", c.claimant, corpus.claimants[c.claimant].name) if with_claimant else None,
            "event": Link("event", c.event, corpus.events[c.event].title),
            "sources": [Link("source", sid, sid) for sid in dict.fromkeys(x.source for x in c.citations)],
            "filter": f"fc-f-rating-{c.rating} fc-f-claimant-{c.claimant} fc-f-event-{c.event}",
        }
        for i, c in enumerate(claims)
    ]


HEADERS = ["Claim", "Rating", "Claimant", "Event", "Sources"]


def collect_index(corpus: Corpus, _arg: str) -> dict:
    claims = [c for e in corpus.events_in_order() for c in e.claims]
    used = sorted({c.claimant for c in claims}, key=lambda i: corpus.claimants[i].name.casefold())
    filters = [
        {
            "name": "rating",
            "label": "Rating",
            "options": [(r.name, r.label) for r in SCALE if any(c.rating == r.name for c in claims)],
        },
        {"name": "claimant", "label": "Claimant", "options": [(i, corpus.claimants[i].name) for i in used]},
        {"name": "event", "label": "Event", "options": [(e.id, e.title) for e in corpus.events_in_order()]},
    ]
    return {"filters": filters, "summary": None, "headers": HEADERS, "rows": _rows(corpus, claims, True)}


def collect_claimant(corpus: Corpus, claimant_id: str) -> dict:
    claims = [c for e in corpus.events_in_order() for c in e.claims if c.claimant == claimant_id]
    return {
        "filters": None,
        "summary": {"words": count(len(claims), "claim"), "counts": rating_counts(claims)},
        "headers": [h for h in HEADERS if h != "Claimant"],
        "rows": _rows(corpus, claims, False),
    }


class ClaimantDirective(RecordDirective):
    """A claimant's page: its record, then (an aggregate) everything it claimed."""

    required_arguments = 1

    def run(self):
        corpus = self.corpus
        who = corpus.claimants[self.arguments[0]]
        self.depend(corpus.claimants_path)
        sec = section(who.name, [f"claimant-{who.id}"], classes=["fc-claimant"])
        sec += para(nodes.strong("", "Kind: "), text(who.kind))
        if who.note:
            sec += para(nodes.strong("", "Editor’s note: "), text(who.note), classes=["fc-note"])
        sec += placeholder("claimant-claims", who.id)
        return [sec]


def collect_claimants(corpus: Corpus, _arg: str) -> list[dict]:
    counts: dict[str, int] = {}
    for c in corpus.claims.values():
        counts[c.claimant] = counts.get(c.claimant, 0) + 1
    return [
        {"claimant": Link("claimant", who.id, who.name), "kind": who.kind, "claims": count(counts[who.id], "claim")}
        for who in sorted(corpus.claimants.values(), key=lambda w: w.name.casefold())
        if counts.get(who.id)
    ]


register("claims-index", collect_index, drawn_by("claims_table.html"))
register("claimant-claims", collect_claimant, drawn_by("claims_table.html"))
register("claimant-list", collect_claimants, drawn_by("claimant_list.html"))
