"""How records are named to readers: sources by outlet and headline, an
outlet's own voice by that outlet, and counts with their plurals.

Record ids ("src-003", "war-tenth-year") are for editors and addresses; a
reader meets the names below.  Nothing here invents what a record does not
hold: a source is named by the short name its editors chose, and its page
says what the capture does not state.
"""

from __future__ import annotations

from .records import Claim, Corpus, Source, count

__all__ = ["count", "source_name", "own_reporting", "claimant_label", "kind_words"]


def source_name(source: Source) -> str:
    """A source as readers name it: its one short name (``label``), as the editors chose it.

    The outlet where the capture names one ('The Post'); otherwise a short neutral
    label ('Untitled report A').  What the capture does not state (outlet, date,
    address) is said on the source's own page, not in every sentence that names it.
    """
    return source.label


def own_reporting(sources: list[Source]) -> str:
    """The outlet speaking in its own voice, named from the reports that carry the claim.

    'The Post (own reporting)'; several reports, or a name that ends in a bracket of its own:
    'Own reporting of The Post and Untitled report A'.
    """
    if not sources:
        return "The reporting outlet (own reporting)"
    names = [source_name(s) for s in sources]
    if len(names) > 1:
        return "Own reporting of " + ", ".join(names[:-1]) + " and " + names[-1]
    if names[0].endswith(")"):  # 'Report (Aleppo desk)': no second bracket after the first
        return f"Own reporting of {names[0]}"
    return f"{names[0]} (own reporting)"


def claimant_short(corpus: Corpus, claim: Claim) -> str:
    """Who made a claim, in one short line (the home page's lists): several outlets'
    own reporting is counted, not listed; a publisher stated is still named."""
    who = corpus.claimants.get(claim.claimant)
    if who is not None and who.kind == "outlet":
        sources = [corpus.sources[s] for s in dict.fromkeys(c.source for c in claim.citations) if s in corpus.sources]
        if len(sources) > 1:
            named = sorted({s.publisher for s in sources if s.publisher})
            return (
                "the outlets' own reporting ("
                + count(len(sources), "report")
                + (", among them " + ", ".join(named) if named else "")
                + ")"
            )
    return claimant_label(corpus, claim)


def claimant_label(corpus: Corpus, claim: Claim) -> str:
    """Who made a claim, as readers read it: an outlet's own voice is named as that outlet."""
    who = corpus.claimants.get(claim.claimant)
    if who is None:
        return claim.claimant
    if who.kind == "outlet":  # the outlet's own narration: which outlet is on the citations
        sources = [corpus.sources[s] for s in dict.fromkeys(c.source for c in claim.citations) if s in corpus.sources]
        return own_reporting(sources)
    return who.name


KIND_WORDS = {
    "government": "government",
    "military": "armed forces",
    "state-media": "state media",
    "rebel-group": "rebel group",
    "monitor": "monitor",
    "rescue-group": "rescue group",
    "un": "United Nations",
    "foreign-government": "foreign government",
    "analyst": "analyst",
    "residents": "residents",
    "outlet": "news outlet",
    "unnamed": "unnamed or unattributed",
}


def kind_words(kind: str) -> str:
    """A claimant's kind in readers' words ('state media', not 'state-media')."""
    return KIND_WORDS.get(kind, kind.replace("-", " "))
