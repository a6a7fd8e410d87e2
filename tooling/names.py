"""How records are named to readers: sources by outlet and headline, an
outlet's own voice by that outlet, and counts with their plurals.

Record ids ("src-003", "war-tenth-year") are for editors and addresses; a
reader meets the names below.  Nothing here invents what a record does not
hold: a source is named by the short name its editors chose, and its page
says what the capture does not state.
"""

from __future__ import annotations

from .i18n import N_, _
from .records import Claim, Corpus, Source, count

__all__ = ["count", "source_name", "own_reporting", "claimant_label", "kind_words"]


def source_name(source: Source) -> str:
    """A source as readers name it: its one short name (``label``), as the editors chose it.

    The outlet where the capture names one ('The Post'); otherwise a short neutral
    label ('Untitled report A').  What the capture does not state (outlet, date,
    address) is said on the source's own page, not in every sentence that names it.
    """
    return source.label


# How an outlet's own voice is named (own_reporting): marked here, shown through _() unless
# the words must stay English (a search filter's value).
OWN_REPORTING_UNNAMED = N_("The reporting outlet (own reporting)")
OWN_REPORTING_OF_SEVERAL = N_("Own reporting of {sources} and {last}")
OWN_REPORTING_OF = N_("Own reporting of {source}")
OWN_REPORTING = N_("{source} (own reporting)")


def own_reporting(sources: list[Source], translate: bool = True) -> str:
    """The outlet speaking in its own voice, named from the reports that carry the claim.

    'The Post (own reporting)'; several reports, or a name that ends in a bracket of its own:
    'Own reporting of The Post and Untitled report A'.  In the reader's language unless
    ``translate`` is False (a search filter's value, which stays English).
    """
    tr = _ if translate else str
    if not sources:
        return tr(OWN_REPORTING_UNNAMED)
    names = [source_name(s) for s in sources]
    if len(names) > 1:
        return tr(OWN_REPORTING_OF_SEVERAL).format(sources=", ".join(names[:-1]), last=names[-1])
    if names[0].endswith(")"):  # 'Report (Aleppo desk)': no second bracket after the first
        return tr(OWN_REPORTING_OF).format(source=names[0])
    return tr(OWN_REPORTING).format(source=names[0])


def claimant_short(corpus: Corpus, claim: Claim) -> str:
    """Who made a claim, in one short line (the home page's lists): several outlets'
    own reporting is counted, not listed; a publisher stated is still named."""
    who = corpus.claimants.get(claim.claimant)
    if who is not None and who.kind == "outlet":
        sources = [corpus.sources[s] for s in dict.fromkeys(c.source for c in claim.citations) if s in corpus.sources]
        if len(sources) > 1:
            named = sorted({s.publisher for s in sources if s.publisher})
            reports = count(len(sources), "report")
            if named:
                return _("the outlets' own reporting ({reports}, among them {publishers})").format(
                    reports=reports, publishers=", ".join(named)
                )
            return _("the outlets' own reporting ({reports})").format(reports=reports)
    return claimant_label(corpus, claim)


def claimant_label(corpus: Corpus, claim: Claim, translate: bool = True) -> str:
    """Who made a claim, as readers read it: an outlet's own voice is named as that outlet.
    ``translate=False``: the interface words in English (a search filter's value)."""
    who = corpus.claimants.get(claim.claimant)
    if who is None:
        return claim.claimant
    if who.kind == "outlet":  # the outlet's own narration: which outlet is on the citations
        sources = [corpus.sources[s] for s in dict.fromkeys(c.source for c in claim.citations) if s in corpus.sources]
        return own_reporting(sources, translate)
    return who.name


KIND_WORDS = {
    "government": N_("government"),
    "military": N_("armed forces"),
    "state-media": N_("state media"),
    "rebel-group": N_("rebel group"),
    "monitor": N_("monitor"),
    "rescue-group": N_("rescue group"),
    "un": N_("United Nations"),
    "foreign-government": N_("foreign government"),
    "analyst": N_("analyst"),
    "residents": N_("residents"),
    "outlet": N_("news outlet"),
    "unnamed": N_("unnamed or unattributed"),
}


def kind_words(kind: str) -> str:
    """A claimant's kind in readers' words ('state media', not 'state-media'), in their language."""
    words = KIND_WORDS.get(kind)
    return _(words) if words else kind.replace("-", " ")
