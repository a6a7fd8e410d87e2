"""Finding a verbatim quote in a source text.

The one tolerance is whitespace: runs of spaces, tabs and line breaks are
folded to one space on both sides, because a quote copied across a line
break must still match.  Everything else counts as written, typographic
quotes and apostrophes included: a quote that differs by one character is
not the source's words.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from dataclasses import dataclass

_WS = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")
CLOSEST_CHARS = 300  # of a wrong quote, sought in the text: where it begins is what an editor needs
CLOSEST_CANDIDATES = 25  # places compared character by character
# A maximal whitespace run that is not a single plain space.
_FOLDED_RUN = re.compile(r"\s*(?:[^\S ]|  )\s*")


@dataclass
class FoldedText:
    """A text with whitespace folded, and a map back to the original offsets.

    The map is kept as breakpoints, one per whitespace run: ``fold_at[k]`` is
    where run k's single space sits in the folded text and ``orig_at[k]``
    where the run starts in the original; between breakpoints both advance
    together.  (A per-character list cost a third of validation time.)
    """

    original: str
    folded: str
    fold_at: list[int]
    orig_at: list[int]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        parts: list[str] = []
        fold_at, orig_at = [0], [0]
        pos = 0
        length = 0
        # Only runs that folding changes need a breakpoint: a lone space
        # stays as it is, so lines of prose cost one regex pass in C.
        for m in _FOLDED_RUN.finditer(text):
            chunk = text[pos : m.start()]
            parts.append(chunk)
            length += len(chunk)
            fold_at.append(length)
            orig_at.append(m.start())
            parts.append(" ")
            length += 1
            # the character after the space maps to the end of the run
            fold_at.append(length)
            orig_at.append(m.end())
            pos = m.end()
        parts.append(text[pos:])
        return cls(text, "".join(parts), fold_at, orig_at)

    def original_offset(self, i: int) -> int:
        k = bisect.bisect_right(self.fold_at, i) - 1
        return self.orig_at[k] + (i - self.fold_at[k])

    def find(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) span of the original text that the quote matches."""
        needle = fold(quote)
        if not needle:
            return []
        spans = []
        i = self.folded.find(needle)
        while i != -1:
            end_folded = i + len(needle) - 1
            spans.append((self.original_offset(i), self.original_offset(end_folded) + 1))
            i = self.folded.find(needle, i + 1)
        return spans

    def closest(self, quote: str) -> str:
        """The passage of the text most like the quote, to show an editor.

        Bounded work whatever the sizes (a long wrong quote against a long
        text once took most of a minute): only the quote's first
        :data:`CLOSEST_CHARS` characters are sought; every word start of the
        text is scored in one pass by how many of the next words occur in that
        part of the quote, and only the :data:`CLOSEST_CANDIDATES` best are
        compared character by character.
        """
        needle = fold(quote)[:CLOSEST_CHARS]
        hay = self.folded
        if not needle or not hay:
            return ""
        n = len(needle)
        words = [(m.start(), m.group().casefold()) for m in _WORD_RE.finditer(hay)]
        wanted = {w.casefold() for w in _WORD_RE.findall(needle)}
        span = max(1, len(wanted))
        hits = [1 if w in wanted else 0 for _, w in words]
        # Sliding sum of hits over the next ``span`` words: linear in the text.
        scores, run = [], sum(hits[:span])
        for i in range(len(words)):
            scores.append((run, -i))
            run += (hits[i + span] if i + span < len(hits) else 0) - hits[i]
        best_places = heapq.nlargest(CLOSEST_CANDIDATES, scores)  # ties: the earlier place
        starts = [words[-neg_index][0] for _, neg_index in best_places] or [0]
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        best, best_score = "", -1.0
        for s in sorted(set(starts)):
            window = hay[s : s + n]
            matcher.set_seq1(window)
            score = matcher.ratio()
            if score > best_score:
                best, best_score = window, score
        return best


def fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def first_difference(quote: str, passage: str) -> int:
    """Index in the folded quote of the first character that differs from the passage."""
    q = fold(quote)
    for i, (a, b) in enumerate(zip(q, passage, strict=False)):
        if a != b:
            return i
    return min(len(q), len(passage))
