"""What a search can be narrowed by: one definition for the event pages' Pagefind filter tags
and the search page's lists (built with the page: the search page loads nothing until a
reader searches).

Pagefind filters and sorts pages; here a page is an event, tagged with every rating, claimant
and side of its live claims, its title and its place in the offensive's timeline, and sorted
by its (inferred) first day.  Values are written as attributes (``rating[data-value]``), so a
claimant's name with commas in it stays one value, and no tag adds words to the index.
"""

from __future__ import annotations

from ..i18n import N_, _
from ..names import claimant_label
from ..ratings import SCALE
from ..records import PHASES, Corpus, Event

# key in the address (?rating=...) and in Pagefind -> the label readers see (shown through _()).
# The filters' values are not interface strings (the index's keys): no _() on them, and an
# outlet's own reporting is named in English there (claimant_label(..., translate=False)).
FILTERS = {
    "rating": N_("Rating"),
    "claimant": N_("Claimant"),
    "side": N_("Side"),
    "event": N_("Event"),
    "phase": N_("When"),
}
UNDATED = "undated"  # sorts after every YYYY-MM-DD: events without a day come last


def event_values(corpus: Corpus, event: Event) -> dict[str, list[str]]:
    live = [c for c in event.claims if c.retracted is None]
    by_name = {r.name: r.label for r in SCALE}
    sides = {corpus.claimants[c.claimant].side for c in live if c.claimant in corpus.claimants}
    return {
        "rating": sorted({by_name[c.rating] for c in live}),
        "claimant": sorted({claimant_label(corpus, c, translate=False) for c in live}),
        "side": sorted(corpus.sides[s].name for s in sides if s in corpus.sides),
        "event": [event.title],
        "phase": [PHASES[event.period.phase]] if event.period else [],
    }


def event_tags(corpus: Corpus, event: Event) -> dict:
    """The template data of an event page's filter and sort tags."""
    values = event_values(corpus, event)
    return {
        "filters": [(key, v) for key in FILTERS for v in values[key]],
        "date": event.inferred_date.start if event.inferred_date else UNDATED,
    }


def search_options(corpus: Corpus) -> list[dict]:
    """Every value a filter can take, for the search page's lists (in a reader's order)."""
    found: dict[str, set[str]] = {key: set() for key in FILTERS}
    for event in corpus.events.values():
        for key, values in event_values(corpus, event).items():
            found[key].update(values)
    order = {
        "rating": [r.label for r in SCALE],
        "event": [e.title for e in corpus.events_in_order()],
        "phase": list(PHASES.values()),
    }
    return [
        {
            "key": key,
            "label": _(label),
            "values": [v for v in order[key] if v in found[key]]
            if key in order
            else sorted(found[key], key=str.casefold),
        }
        for key, label in FILTERS.items()
        if found[key]
    ]
