"""The editors' corroboration report (``tooling/run corroboration``): for each claim, the
passages of independent origins it does not cite that share its key words.

Corroboration is counted both ways: a claim another origin also carries should cite it
(and may then be corroborated), or be narrowed to what only its own origin says.  Which
passages say the same thing is an editor's judgement, so this is a prompt, not a rule: it
lists candidates, ranked by the share of the claim's key words they hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Claim, Corpus

# Words that say nothing about what a claim is about.
STOP = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "said",
        "says",
        "say",
        "also",
        "after",
        "before",
        "over",
        "more",
        "than",
        "most",
        "some",
        "other",
        "such",
        "these",
        "those",
        "there",
        "about",
        "against",
        "between",
        "during",
        "under",
        "up",
        "out",
        "not",
        "no",
        "one",
        "two",
        "new",
        "years",
        "year",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,]*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def key_words(text: str) -> set[str]:
    return {w.lower().strip("'’") for w in _WORD.findall(text) if w.lower() not in STOP and len(w) > 2}


@dataclass(frozen=True)
class Candidate:
    claim: Claim
    source: str
    line: int
    sentence: str
    shared: tuple[str, ...]
    share: float  # of the claim's key words


MIN_SHARED = 3
MIN_SHARE = 0.4


def candidates(corpus: Corpus) -> list[Candidate]:
    out = []
    for claim in corpus.claims.values():
        if claim.retracted is not None:
            continue
        keys = key_words(claim.text)
        if len(keys) < MIN_SHARED:
            continue
        cited_groups = {corpus.origins.members(c.source) for c in claim.citations if c.source in corpus.sources}
        for sid, source in sorted(corpus.sources.items()):
            if corpus.origins.members(sid) in cited_groups:
                continue  # the same origin: not independent
            best = None
            for m in _SENTENCE.finditer(source.article_text):
                shared = keys & key_words(m.group(0))
                share = len(shared) / len(keys)
                if len(shared) >= MIN_SHARED and share >= MIN_SHARE and (best is None or share > best.share):
                    best = Candidate(
                        claim,
                        sid,
                        source.line_of(m.start()),
                        " ".join(m.group(0).split()),
                        tuple(sorted(shared)),
                        share,
                    )
            if best is not None:
                out.append(best)
    return sorted(out, key=lambda c: (-c.share, c.claim.id, c.source))
