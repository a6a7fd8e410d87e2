"""What a page says about itself beyond its body: its description and the claims it reviews.

:mod:`.publish` writes these into the page's ``<head>``; :mod:`.aggregates`
fingerprints them (:func:`metadata_inputs`) so that a page is rewritten when
they change, even if its body did not.
"""

from __future__ import annotations

from ..i18n import _
from ..names import source_name
from ..prose import plain
from ..records import Claim, Corpus
from . import state
from .domain import RECORD_FOLDERS


def claims_on_page(corpus: Corpus, pagename: str) -> list[Claim]:
    """The claims a page reviews: each gets its ClaimReview there.

    A claim is reviewed on its event's page, the one page with its rating's
    reasons and its address (``@id``).  The lists (claims index, figures,
    claimants) show ratings but no review; a ClaimReview on each of them
    would repeat every claim's on three pages, and would make the claims
    index grow by a kilobyte a claim (a third of a megabyte at 2,000 events).
    """
    folder, _sep, rid = pagename.partition("/")
    if folder == RECORD_FOLDERS["event"] and rid in corpus.events:
        return corpus.events[rid].claims
    return []


def description(corpus: Corpus, pagename: str, default: str) -> str:
    folder, _sep, rid = pagename.partition("/")
    if folder == RECORD_FOLDERS["event"] and rid in corpus.events:
        text = plain(corpus.events[rid].summary, corpus)
    elif folder == RECORD_FOLDERS["source"] and rid in corpus.sources:
        text = _("Full text of {source}, with every passage the fact-check quotes highlighted.").format(
            source=source_name(corpus.sources[rid])
        )
    elif folder == RECORD_FOLDERS["claimant"] and rid in corpus.claimants:
        text = _("Every claim by {claimant}, with ratings and the sources that carry it.").format(
            claimant=corpus.claimants[rid].name
        )
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
