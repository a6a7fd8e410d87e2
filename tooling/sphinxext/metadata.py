"""What a page says about itself beyond its body: its description and the claims it reviews.

:mod:`.publish` writes these into the page's ``<head>``; :mod:`.aggregates`
fingerprints them (:func:`metadata_inputs`) so that a page is rewritten when
they change, even if its body did not.
"""

from __future__ import annotations

from ..records import Claim, Corpus
from . import state
from .domain import INDEX_PAGES, RECORD_FOLDERS


def claims_on_page(corpus: Corpus, pagename: str) -> list[Claim]:
    """The claims a page shows with their ratings: each gets its ClaimReview there."""
    if pagename == INDEX_PAGES["claims"]:
        return [c for e in corpus.events_in_order() for c in e.claims]
    if pagename == INDEX_PAGES["figures"]:
        return [c for claims in corpus.figures_by_measure().values() for c in claims]
    folder, _, rid = pagename.partition("/")
    if folder == RECORD_FOLDERS["event"] and rid in corpus.events:
        return corpus.events[rid].claims
    if folder == RECORD_FOLDERS["claimant"] and rid in corpus.claimants:
        return [c for e in corpus.events_in_order() for c in e.claims if c.claimant == rid]
    return []


def description(corpus: Corpus, pagename: str, default: str) -> str:
    folder, _, rid = pagename.partition("/")
    if folder == RECORD_FOLDERS["event"] and rid in corpus.events:
        text = corpus.events[rid].summary
    elif folder == RECORD_FOLDERS["source"] and rid in corpus.sources:
        text = f"Full text of {corpus.sources[rid].label}, with every passage the fact-check quotes highlighted."
    elif folder == RECORD_FOLDERS["claimant"] and rid in corpus.claimants:
        text = f"Every claim by {corpus.claimants[rid].name}, with ratings and the sources that carry it."
    else:
        text = default
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "…"


def _review_inputs(corpus: Corpus, claim: Claim) -> str:
    """What one claim's ClaimReview is made of, as text; computed once per build per claim."""
    memo = state.cache(corpus).setdefault("review_inputs", {})
    if claim.id not in memo:
        sources = [
            (s.title, s.label, s.url, s.publisher) for s in (corpus.sources.get(x.source) for x in claim.citations) if s
        ]
        memo[claim.id] = repr((claim, corpus.claimants.get(claim.claimant), sources))
    return memo[claim.id]


def metadata_inputs(corpus: Corpus, pagename: str):
    """Everything of the records this module puts in a page's <head> (see aggregates.PageInputs)."""
    claims = [c for c in claims_on_page(corpus, pagename) if c.retracted is None]
    return (description(corpus, pagename, ""), [_review_inputs(corpus, c) for c in claims])
