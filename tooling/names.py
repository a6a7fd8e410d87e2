"""How records are named to readers: sources by outlet and headline, an
outlet's own voice by that outlet, and counts with their plurals.

Record ids ("src-003", "war-tenth-year") are for editors and addresses; a
reader meets the names below.  Nothing here invents what a record does not
hold: a source with no stated publisher says "outlet not stated".
"""

from __future__ import annotations

import re

from .records import Claim, Corpus, Source, count

__all__ = ["count", "source_name", "source_handle", "handles_key", "own_reporting", "claimant_label", "kind_words"]

OUTLET_NOT_STATED = "outlet not stated"
# A label's trailing "(003)": the capture's number, an editor's handle, not a name.
_LABEL_HANDLE = re.compile(r"\s*\([^()\s]+\)\s*$")
_UNTITLED = re.compile(r"^untitled report\s*[:,-]?\s*", re.IGNORECASE)


def source_handle(source: Source) -> str | None:
    """The editors' handle of a source: its label's trailing "(003)", without the brackets."""
    m = _LABEL_HANDLE.search(source.label)
    return m.group(0).strip().strip("()") if m else None


def handles_key(sources, texts) -> list[tuple[str, Source]]:
    """The sources the editors' texts name by handle ("source 003", "000 and 004"),
    in handle order: the key a page shows so a reader can tell which report is meant.
    A handle counts only as a whole word, so "2003" is not source 003."""
    words = set(re.findall(r"\b[\w-]+\b", " ".join(t for t in texts if t)))
    found = [(h, s) for s in sources for h in [source_handle(s)] if h and h in words]
    return sorted(found, key=lambda hs: hs[0])


def _label(source: Source) -> str:
    return _LABEL_HANDLE.sub("", source.label).strip() or source.label


def source_name(source: Source) -> str:
    """A source as readers name it: its label without the handle, and its outlet when the record states none.

    'The Post: Syrian Rebels Launch Offensive'; 'Syrian Rebels Make Stunning
    Advance (outlet not stated)'; 'Untitled report (outlet not stated): Western
    joint statement and SOHR toll'.
    """
    label = _label(source)
    if source.publisher:
        return label
    untitled = _UNTITLED.match(label)
    if untitled and untitled.end() < len(label):
        return f"Untitled report ({OUTLET_NOT_STATED}): {label[untitled.end() :]}"
    return f"{label} ({OUTLET_NOT_STATED})"


def own_reporting(sources: list[Source]) -> str:
    """The outlet speaking in its own voice, named from the reports that carry the claim.

    'The Post (own reporting)'; 'Syrian Rebels Make Stunning Advance (outlet not
    stated), own reporting'; several reports: 'Own reporting of A; B'.
    """
    if not sources:
        return "The reporting outlet (own reporting)"
    if len(sources) > 1:
        return "Own reporting of " + "; ".join(source_name(s) for s in sources)
    (source,) = sources
    if source.publisher:
        return f"{source.publisher} (own reporting)"
    return f"{source_name(source)}, own reporting"


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
