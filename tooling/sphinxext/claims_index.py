"""``{fc-claims-index}``: every claim in one table a reader can filter.

The filters are three <select> controls and a few lines of JavaScript
(static/factcheck-filter.js) that hide rows by their classes; without
JavaScript every row simply shows.  ``{fc-claimant} ID`` is one claimant's
page: everything it claimed.
"""

from __future__ import annotations

from html import escape

from docutils import nodes

from ..ratings import SCALE
from . import rawhtml as h
from .common import para, section, text
from .state import RecordDirective


def _claims_table(corpus, claims, with_claimant=True) -> nodes.raw:
    headers = ["Claim", "Rating"] + (["Claimant"] if with_claimant else []) + ["Event", "Sources"]
    rows = []
    for c in claims:
        cells = [h.a(f"events/{c.event}", c.anchor, c.text), h.badge(c.rating) + _status(c)]
        if with_claimant:
            cells.append(h.a(f"claimants/{c.claimant}", "", corpus.claimants[c.claimant].name))
        cells.append(h.a(f"events/{c.event}", "", corpus.events[c.event].title))
        cells.append(", ".join(h.a(f"sources/{sid}", "", sid) for sid in dict.fromkeys(x.source for x in c.citations)))
        rows.append((f"fc-f-rating-{c.rating} fc-f-claimant-{c.claimant} fc-f-event-{c.event}", cells))
    return h.raw(h.table(headers, rows, "fc-claims-table"))


def _status(claim) -> str:
    """A retraction or the latest correction, beside the rating: the table must not hide either."""
    from .corrections import human_date

    if claim.retracted:
        return f' <span class="fc-badge fc-badge-retracted">Retracted {escape(human_date(claim.retracted.date))}</span>'
    if claim.corrections:
        return f' <span class="fc-updated">corrected {escape(human_date(claim.updated))}</span>'
    return ""


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in options)
    return (f'<label for="fc-filter-{name}">{escape(label)}'
            f'<select id="fc-filter-{name}" data-fc-filter="{name}"><option value="">All</option>{opts}</select></label>')


class ClaimsIndexDirective(RecordDirective):
    def run(self):
        self.depend_on_everything()
        corpus = self.corpus
        claims = [c for e in corpus.events_in_order() for c in e.claims]
        used_claimants = sorted({c.claimant for c in claims}, key=lambda i: corpus.claimants[i].name.casefold())
        controls = (
            '<div class="fc-filters" role="search" aria-label="Filter the claims">'
            + _select("rating", "Rating", [(r.name, r.label) for r in SCALE if any(c.rating == r.name for c in claims)])
            + _select("claimant", "Claimant", [(i, corpus.claimants[i].name) for i in used_claimants])
            + _select("event", "Event", [(e.id, e.title) for e in corpus.events_in_order()])
            + f'</div><p class="fc-filter-count" aria-live="polite" data-fc-total="{len(claims)}">'
            f"Showing all {len(claims)} claims.</p>"
        )
        return [nodes.raw("", controls, format="html"), _claims_table(corpus, claims)]


class ClaimantDirective(RecordDirective):
    required_arguments = 1

    def run(self):
        corpus = self.corpus
        who = corpus.claimants[self.arguments[0]]
        claims = [c for e in corpus.events_in_order() for c in e.claims if c.claimant == who.id]
        # Only the events holding this claimant's claims (and the names of the
        # events and sources shown); a claim moving here changes the stub.
        self.depend(corpus.claimants_path, *{corpus.events[c.event].yaml_path for c in claims})
        sec = section(who.name, [f"claimant-{who.id}"], classes=["fc-claimant"])
        sec += para(nodes.strong("", "Kind: "), text(who.kind))
        if who.note:
            sec += para(nodes.strong("", "Editor’s note: "), text(who.note), classes=["fc-note"])
        sec += h.raw(f'<p class="fc-claimant-summary">{len(claims)} claim(s): {h.rating_counts(claims)}</p>')
        sec += _claims_table(corpus, claims, with_claimant=False)
        return [sec]


class ClaimantListDirective(RecordDirective):
    def run(self):
        self.depend_on_everything()
        corpus = self.corpus
        counts = {}
        for c in corpus.claims.values():
            counts[c.claimant] = counts.get(c.claimant, 0) + 1
        items = [
            f'<li><p>{h.a(f"claimants/{who.id}", "", who.name)} ({escape(who.kind)}) — {counts[who.id]} claim(s)</p></li>'
            for who in sorted(corpus.claimants.values(), key=lambda w: w.name.casefold()) if counts.get(who.id)
        ]
        return [h.raw('<ul class="fc-claimant-list">' + "".join(items) + "</ul>")]
