"""Who claimed what: ``{fc-claimant-list}`` (every claimant, grouped by side)
and ``{fc-claimant} ID`` (one claimant's page: who they are, their side, and
every claim they made, grouped by event, with its rating).

The sides come from claims/claimants.yaml (``sides``), in the order written
there; a claimant's side is an editor's inference when its record says so
(``side_inference``), and the page says so too.  Both lists are aggregates
(:mod:`.aggregates`) drawn by templates, so an edit to any event file redraws them.
"""

from __future__ import annotations

from ..i18n import _
from ..names import claimant_label, count, kind_words, source_name
from ..records import Claimant, Corpus
from . import state
from .aggregates import drawn_by, placeholder, register
from .claims_index import correction_status  # the one wording of a claim's correction status
from .common import (
    badge_data,
    claim_ref,
    link,
    para,
    prose,
    prose_data,
    prose_files,
    rating_counts,
    section,
    strong,
    text,
)
from .domain import Link, download_links
from .state import RecordDirective

# Within a side, claimants of one kind stand together, in this order.
_KIND_ORDER = {
    k: i
    for i, k in enumerate(
        (
            "government",
            "military",
            "state-media",
            "foreign-government",
            "rebel-group",
            "monitor",
            "rescue-group",
            "un",
            "outlet",
            "residents",
            "analyst",
            "unnamed",
        )
    )
}


def side_anchor(side_id: str) -> str:
    return f"side-{side_id}"


def _claims_by(corpus: Corpus) -> dict[str, list]:
    """Each claimant's claims in event order; once per build, not once per claimant page."""
    memo = state.cache(corpus)
    if "claims-by-claimant" not in memo:
        by: dict[str, list] = {}
        for event in corpus.events_in_order():
            for claim in event.claims:
                by.setdefault(claim.claimant, []).append(claim)
        memo["claims-by-claimant"] = by
    return memo["claims-by-claimant"]


def collect_sides(corpus: Corpus, _arg: str) -> list[dict]:
    """Each side with the claimants on it who made a claim (the others have no page)."""
    by = _claims_by(corpus)
    out = []
    for side in corpus.sides.values():
        members = sorted(
            (w for w in corpus.claimants.values() if w.side == side.id and by.get(w.id)),
            key=lambda w: (_KIND_ORDER.get(w.kind, len(_KIND_ORDER)), w.name.casefold()),
        )
        if not members:
            continue
        out.append(
            {
                "id": side_anchor(side.id),
                "name": side.name,
                "about": prose_data(corpus, side.about),
                "claims": count(sum(len(by[w.id]) for w in members), "claim"),
                "claimants": [
                    {
                        "claimant": Link("claimant", w.id, w.name),
                        "kind": kind_words(w.kind),
                        "description": prose_data(corpus, w.description),
                        "inferred": bool(w.side_inference),
                        "claims": count(len(by[w.id]), "claim"),
                        "counts": rating_counts(by[w.id]),
                    }
                    for w in members
                ],
            }
        )
    return out


def collect_claims(corpus: Corpus, claimant_id: str) -> dict:
    """One claimant's claims, grouped by event (in event order), each with its rating."""
    claims = _claims_by(corpus).get(claimant_id, [])
    groups: dict[str, list] = {}
    for claim in claims:
        groups.setdefault(claim.event, []).append(claim)
    outlet = corpus.claimants[claimant_id].kind == "outlet"
    return {
        "summary": {"words": count(len(claims), "claim"), "counts": rating_counts(claims)},
        "downloads": download_links(f"claimant-{claimant_id}"),
        "events": [
            {
                "event": Link("event", event_id, corpus.events[event_id].title),
                "claims": [
                    {
                        "claim": claim_ref(c),
                        "rating": badge_data(c.rating),
                        "status": correction_status(c),
                        # An outlet's own voice: which outlet it is, claim by claim.
                        "who": claimant_label(corpus, c) if outlet else None,
                        "sources": [
                            Link("source", s, source_name(corpus.sources[s]))
                            for s in dict.fromkeys(x.source for x in c.citations)
                        ],
                    }
                    for c in in_event
                ],
            }
            for event_id, in_event in groups.items()
        ],
    }


class ClaimantDirective(RecordDirective):
    """A claimant's page: who they are and their side (read with the page), then every claim (an aggregate)."""

    required_arguments = 1

    def run(self):
        corpus = self.corpus
        who: Claimant = corpus.claimants[self.arguments[0]]
        self.depend(corpus.claimants_path, *prose_files(corpus, who.description, who.side_inference, who.note))
        sec = section(who.name, [f"claimant-{who.id}"], classes=["fc-claimant"])
        sec += para(prose(corpus, who.description), classes=["fc-claimant-description"])
        side = corpus.sides.get(who.side)
        if side is not None:
            p = para(strong(_("Side:") + " "), classes=["fc-claimant-side"])
            p += link("page", "claimants", side.name, fragment=side_anchor(side.id))
            p += text(" — ")
            p.extend(prose(corpus, side.about))
            p += text(" " + _("Kind: {kind}.").format(kind=kind_words(who.kind)))
            sec += p
        if who.side_inference:
            sec += para(
                strong(_("Editor’s inference:") + " "),
                prose(corpus, who.side_inference),
                classes=["fc-note", "fc-side-inference"],
            )
        if who.note:
            sec += para(strong(_("Editor’s note:") + " "), prose(corpus, who.note), classes=["fc-note"])
        sec += placeholder("claimant-claims-by-event", who.id)
        return [sec]


register("claimants-by-side", collect_sides, drawn_by("claimants_by_side.html"))
register("claimant-claims-by-event", collect_claims, drawn_by("claimant_claims.html"))
