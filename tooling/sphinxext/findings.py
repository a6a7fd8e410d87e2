"""``{fc-key-findings}``: the home page's answer to "what do the sources agree on,
and where do they differ?", drawn from the ratings themselves.

Nothing here is an editor's choice of what matters: each list is a rating (or
the figures whose reports differ), ordered by how many independent origins
carry each claim, then by the timeline; the page says so.  Each list is capped
(``LIMIT``) and links to the full list, so the home page does not grow with the
corpus.  Then the dated events of the offensive in date order, also capped.
"""

from __future__ import annotations

from ..i18n import N_, _, ngettext
from ..names import claimant_short
from ..ratings import BY_NAME
from ..records import Claim, Corpus, count
from .aggregates import drawn_by, register
from .common import badge_data, claim_ref, contradiction_group, rating_counts
from .domain import Link
from .figures import is_contested

LIMIT = 6  # lines per list on the home page
# How a claim's contradictions read beside it, by its rating (as on the event pages).
AGAINST = {
    "contested": N_("Disputed by"),
    "inaccurate": N_("Settled by"),
    "corroborated": N_("Contradicts a claim the records show to be inaccurate"),
}  # shown through _()
EVENTS_LIMIT = 12


def _origins(corpus: Corpus, claim: Claim) -> int:
    return corpus.origins.group_count({cit.source for cit in claim.citations if cit.source in corpus.sources})


def _background(corpus: Corpus, claim: Claim) -> bool:
    period = corpus.events[claim.event].period
    return period is not None and period.phase == "background"


def _line(corpus: Corpus, claim: Claim) -> dict:
    n = _origins(corpus, claim)
    linked = [corpus.claims[i] for i in dict.fromkeys(claim.contradicts + corpus.contradicted_by.get(claim.id, []))]
    return {
        "claim": claim_ref(claim),
        "by": claimant_short(corpus, claim),
        "badge": badge_data(claim.rating),
        "event": Link("event", claim.event, corpus.events[claim.event].title),
        "origins": count(n, "independent origin"),
        # The other side, in its own claimant's name: a dispute is shown with both sides.
        "against": [{"claim": claim_ref(o), "by": claimant_short(corpus, o)} for o in linked[:2]],
        "against_words": _(AGAINST[claim.rating]) if claim.rating in AGAINST else _("Contradicts"),
        "more_against": count(len(linked) - 2, "more claim") if len(linked) > 2 else "",
    }


def _group(corpus: Corpus, claims: list[Claim], rating: str, heading: str) -> dict | None:
    mine = [c for c in claims if c.rating == rating]
    if not mine:
        return None
    order = {c.id: i for i, c in enumerate(claims)}
    # The offensive's own claims before the background history, then the most widely carried.
    top = sorted(mine, key=lambda c: (_background(corpus, c), -_origins(corpus, c), order[c.id]))[:LIMIT]
    return {
        "id": f"findings-{rating}",
        "heading": heading,
        "explains": _(BY_NAME[rating].meaning),  # the scale's own words, not a second definition
        "lines": [_line(corpus, c) for c in top],
        "total": len(mine),
        "shown": len(top),
        "all": Link("claims-page", f"{rating}:1", _all_rated(len(mine), rating)),
    }


def _all_rated(n: int, rating: str) -> str:
    """'All 12 claims rated Corroborated': the link to a rating's whole list."""
    return ngettext("All {n} claim rated {rating}", "All {n} claims rated {rating}", n).format(
        n=f"{n:,}", rating=_(BY_NAME[rating].label)
    )


def _disputes(corpus: Corpus, claims: list[Claim]) -> dict | None:
    """The contested claims as disputes: each set of claims that contradict one another, once, all sides."""
    contested = [c for c in claims if c.rating == "contested"]
    if not contested:
        return None
    live = {c.id for c in claims}
    seen: set[str] = set()
    disputes = []
    for claim in contested:
        if claim.id in seen:
            continue
        side = contradiction_group(corpus, claim.id, live)  # still published: not retracted
        seen.update(c.id for c in side)
        order = {c.id: i for i, c in enumerate(claims)}
        side.sort(key=lambda c: order[c.id])
        first = side[0]
        disputes.append(
            {
                "event": Link("event", first.event, corpus.events[first.event].title),
                "sides": [
                    {"claim": claim_ref(c), "by": claimant_short(corpus, c), "badge": badge_data(c.rating)}
                    for c in side
                ],
                "origins": corpus.origins.group_count(
                    {cit.source for c in side for cit in c.citations if cit.source in corpus.sources}
                ),
            }
        )
    disputes.sort(key=lambda d: -d["origins"])  # the most widely carried first (stable: timeline order)
    return {
        "lines": disputes[:LIMIT],
        "total": len(disputes),
        "claims": count(len(contested), "claim"),
        "all": Link("claims-page", "contested:1", _all_rated(len(contested), "contested")),
    }


def _reports(corpus: Corpus, claims) -> list[dict]:
    """One line per value reported, with everyone who reports it (in their short names)."""
    values: dict[str, list[str]] = {}
    for c in claims:
        who = values.setdefault(c.figure.display(translate=True), [])
        label = claimant_short(corpus, c)
        if label not in who:
            who.append(label)
    return [{"value": v, "by": "; ".join(who)} for v, who in values.items()]


def _figures(corpus: Corpus) -> dict | None:
    groups = corpus.figures_by_measure()
    differ = [m for m in groups if is_contested(groups[m])]
    if not differ:
        return None
    # The measures with the most reports first: where the disagreement is most reported.
    differ.sort(key=lambda m: (-len(groups[m]), corpus.measures[m].label.casefold()))
    lines = []
    n = len(groups)
    for m in differ[:LIMIT]:
        lines.append({"measure": Link("measure", m, corpus.measures[m].label), "reports": _reports(corpus, groups[m])})
    return {
        "lines": lines,
        "total": len(differ),
        "shown": len(lines),
        "all": Link(
            "page",
            "figures",
            ngettext(
                "All {n} measure with every report side by side", "All {n} measures with every report side by side", n
            ).format(n=f"{n:,}"),
        ),
    }


def collect_key_numbers(corpus: Corpus, _arg: str) -> dict:
    """The home page's key numbers: each measure the editors mark ``key``, every value
    reported for it with who reports it, linked to its figures; and the first date of
    the offensive, with its basis (an editor's inference where the sources give weekdays)."""
    groups = corpus.figures_by_measure()
    lines = []
    for m in corpus.measures.values():
        if not m.key or m.id not in groups:
            continue
        sources = {x.source for c in groups[m.id] for x in c.citations}
        lines.append(
            {
                "measure": Link("measure", m.id, m.label),
                "reports": _reports(corpus, groups[m.id]),
                # reports that retell one text are one origin: say how many independent ones there are
                "origins": count(corpus.origins.group_count(sources), "independent origin"),
            }
        )
    dated = [e for e in corpus.events_in_order() if e.inferred_date and e.period and e.period.phase == "offensive"]
    first = dated[0] if dated else None
    return {
        "lines": lines,
        "start": {"event": Link("event", first.id, first.title), "when": first.inferred_date.display()}
        if first
        else None,
    }


def collect_home_events(corpus: Corpus, _arg: str) -> dict:
    events = corpus.events_in_order()
    dated = [e for e in events if e.inferred_date and (e.period is None or e.period.phase != "background")]
    shown = dated[:EVENTS_LIMIT]
    return {
        "lines": [
            {
                "when": e.inferred_date.display(),
                "event": Link("event", e.id, e.title),
                "place": e.place,
                "counts": rating_counts(e.claims),
            }
            for e in shown
        ],
        "total": count(len(events), "event"),
        "timeline": Link("page", "events", _("the timeline")),
    }


def collect_findings(corpus: Corpus, _arg: str) -> dict:
    claims = [c for e in corpus.events_in_order() for c in e.claims if not c.retracted]
    groups = [
        _group(corpus, claims, "inaccurate", _("Contradicted by the sources themselves")),
        _group(corpus, claims, "corroborated", _("What independent sources agree on")),
    ]
    unverified = [c for c in claims if c.rating == "unverified"]
    return {
        "disputes": _disputes(corpus, claims),
        "groups": [g for g in groups if g],
        "figures": _figures(corpus),
        "unverified": {
            "words": count(len(unverified), "claim"),
            "all": Link("claims-page", "unverified:1", _("the unverified claims")),
        }
        if unverified
        else None,
    }


register("key-findings", collect_findings, drawn_by("findings.html"))
register("home-events", collect_home_events, drawn_by("home_events.html"))
register("key-numbers", collect_key_numbers, drawn_by("key_numbers.html"))
