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
from .common import badge, claim_link, event_doc, link, para, section, source_doc, text
from .state import RecordDirective


def _claims_table(corpus, claims, with_claimant=True) -> nodes.table:
    headers = ["Claim", "Rating"] + (["Claimant"] if with_claimant else []) + ["Event", "Sources"]
    table = nodes.table(classes=["fc-claims-table"])
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
    for c in claims:
        row = nodes.row(classes=[f"fc-f-rating-{c.rating}", f"fc-f-claimant-{c.claimant}", f"fc-f-event-{c.event}"])
        row += nodes.entry("", para(claim_link(corpus, c)))
        row += nodes.entry("", para(badge(c.rating)))
        if with_claimant:
            row += nodes.entry("", para(link(f"claimants/{c.claimant}", "", corpus.claimants[c.claimant].name)))
        row += nodes.entry("", para(link(event_doc(c.event), "", corpus.events[c.event].title)))
        srcs = para()
        for i, sid in enumerate(dict.fromkeys(x.source for x in c.citations)):
            if i:
                srcs += text(", ")
            srcs += link(source_doc(sid), "", sid)
        row += nodes.entry("", srcs)
        body += row
    group += body
    return table


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
            '<form class="fc-filters" role="search" aria-label="Filter the claims" onsubmit="return false">'
            + _select("rating", "Rating", [(r.name, r.label) for r in SCALE if any(c.rating == r.name for c in claims)])
            + _select("claimant", "Claimant", [(i, corpus.claimants[i].name) for i in used_claimants])
            + _select("event", "Event", [(e.id, e.title) for e in corpus.events_in_order()])
            + f'</form><p class="fc-filter-count" aria-live="polite" data-fc-total="{len(claims)}">'
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
        counts = {r.name: sum(1 for c in claims if c.rating == r.name) for r in SCALE}
        summary = para(f"{len(claims)} claim(s): ")
        first = True
        for r in SCALE:
            if counts[r.name]:
                if not first:
                    summary += text(", ")
                summary += badge(r.name)
                summary += text(f" ×{counts[r.name]}")
                first = False
        sec += summary
        sec += _claims_table(corpus, claims, with_claimant=False)
        return [sec]


class ClaimantListDirective(RecordDirective):
    def run(self):
        self.depend_on_everything()
        corpus = self.corpus
        bl = nodes.bullet_list(classes=["fc-claimant-list"])
        for who in sorted(corpus.claimants.values(), key=lambda w: w.name.casefold()):
            n = sum(1 for c in corpus.claims.values() if c.claimant == who.id)
            if not n:
                continue
            item = nodes.list_item()
            item += para(link(f"claimants/{who.id}", "", who.name), f" ({who.kind}) — {n} claim(s)")
            bl += item
        return [bl]
