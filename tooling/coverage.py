"""Editorial coverage: is every number and name in the articles recorded?

Lists, for each source, the numbers (digits and number words) and the names
(runs of capitalised words) in its article text, page furniture excluded, and
says which no record covers.  An occurrence is covered when:

- a number lies inside the quoted span of a claim that carries a figure
  (a year, 1900-2099, may lie inside any quoted span: it dates, not counts);
- a name lies inside any quoted span (a claim's citation or an event's date);
- or the source's ``not_recorded`` list names the term, with a reason.

The detection is deliberately broad (every capitalised run, every number
word): a false alarm costs an editor one ``not_recorded`` line with a reason,
a missed number costs the site its completeness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .memo import code_digest, digest
from .records import Corpus, Source

NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
]

_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
# A name: two or more capitalised words, optionally joined by short connectors
# (of, for, the, al-, el, bin...).  Single words are places and nationalities
# far more often than people or organisations; the multi-word rule catches
# "Oncu Keceli", "White Helmets", "Syrian Observatory for Human Rights".
_CAP = r"(?:[A-Z][\w’'.-]*[\w])"
_CONNECT = r"(?:of|for|the|al|el|bin|de|du|la|El|Al)"
_NAME = re.compile(rf"\b{_CAP}(?:[ -](?:{_CONNECT}[ -])*{_CAP})+")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Term:
    source: str
    kind: str  # "number" or "name"
    text: str
    line: int
    start: int

    def __str__(self) -> str:
        return f"{self.source} line {self.line}: {self.kind} '{self.text}'"


def article_terms(source: Source) -> list[Term]:
    """Every number and name in the article text (furniture excluded)."""
    terms = []
    for kind, pattern in (("number", _NUMBER), ("name", _NAME)):
        for m in pattern.finditer(source.text):
            text, start = m.group(0), m.start()
            if kind == "name" and text.startswith(("The ", "This ", "A ", "An ", "In ", "By ", "On ")):
                # A capitalised sentence opener is not part of the name.
                cut = text.index(" ") + 1
                text, start = text[cut:], start + cut
                if not re.search(r"[ -]", text):
                    continue
            line = source.line_of(start)
            if source.furniture_at(line) is None:
                terms.append(Term(source.id, kind, text, line, start))
    return terms


def uncovered(corpus: Corpus, not_recorded: dict[str, set[str]]) -> list[Term]:
    """Terms no record covers.  ``not_recorded``: source id -> terms (casefolded)."""
    spans: dict[str, list[tuple[int, int, bool]]] = {}
    for claim in corpus.claims.values():
        for cit in claim.citations:
            spans.setdefault(cit.source, []).append((cit.start, cit.end, claim.figure is not None))
    for event in corpus.events.values():
        for cit in event.reported_dates:
            spans.setdefault(cit.source, []).append((cit.start, cit.end, False))
    missing = []
    for source in corpus.sources.values():
        skip = not_recorded.get(source.id, set())
        # Per character: covered by any quote, and by a quote of a claim with a
        # figure.  Built once per source, then each term is a slice lookup.
        n = len(source.text)
        any_quote, figure_quote = bytearray(n + 1), bytearray(n + 1)
        for s, e, has_fig in spans.get(source.id, []):
            if s >= 0:
                any_quote[s:e] = b"\x01" * (e - s)
                if has_fig:
                    figure_quote[s:e] = b"\x01" * (e - s)
        key = (
            "coverage.article_terms",
            code_digest(article_terms),
            code_digest(Source.furniture_at),
            source.id,
            digest(source.text),
            repr(source.furniture),
        )
        for term in corpus.memo.get(key, lambda source=source: article_terms(source)):
            if term.text.casefold() in skip:
                continue
            end = term.start + len(term.text)
            needs_figure = term.kind == "number" and not _YEAR.match(term.text)
            if _inside_one(spans.get(source.id, []), term.start, end, needs_figure, any_quote, figure_quote):
                continue
            missing.append(term)
    return missing


def _inside_one(spans, start, end, needs_figure, any_quote, figure_quote) -> bool:
    """Is [start, end) wholly inside one quoted span (of a claim with a figure, if needed)?"""
    cover = figure_quote if needs_figure else any_quote
    if 0 in cover[start:end]:
        return False  # some character is in no such quote at all: the common, fast answer
    return any(s <= start and end <= e and (has_fig or not needs_figure) for s, e, has_fig in spans)
