"""Finding a verbatim quote in a source text.

The one tolerance is whitespace: runs of spaces, tabs and line breaks are
folded to one space on both sides, because a quote copied across a line
break must still match.  Everything else counts as written, typographic
quotes and apostrophes included: a quote that differs by one character is
not the source's words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_WS = re.compile(r"\s+")


@dataclass
class FoldedText:
    """A text with whitespace folded, and a map back to the original offsets."""

    original: str
    folded: str
    starts: list[int]  # starts[i] = offset in original of folded[i]

    @classmethod
    def of(cls, text: str) -> "FoldedText":
        out: list[str] = []
        starts: list[int] = []
        pos = 0
        for m in _WS.finditer(text):
            for i in range(pos, m.start()):
                out.append(text[i])
                starts.append(i)
            out.append(" ")
            starts.append(m.start())
            pos = m.end()
        for i in range(pos, len(text)):
            out.append(text[i])
            starts.append(i)
        return cls(text, "".join(out), starts)

    def find(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) span of the original text that the quote matches."""
        needle = fold(quote)
        if not needle:
            return []
        spans = []
        i = self.folded.find(needle)
        while i != -1:
            end_folded = i + len(needle) - 1
            spans.append((self.starts[i], self.starts[end_folded] + 1))
            i = self.folded.find(needle, i + 1)
        return spans

    def closest(self, quote: str) -> str:
        """The passage of the text most like the quote, to show an editor."""
        needle = fold(quote)
        hay = self.folded
        if not needle or not hay:
            return ""
        n = len(needle)
        # Candidate windows start at word boundaries; score each by similarity.
        # Sources are a few KB, so this stays well under a millisecond per quote
        # that fails, and only failing quotes pay for it.
        best, best_score = "", -1.0
        starts = [0] + [m.end() for m in re.finditer(" ", hay)]
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        for s in starts:
            window = hay[s : s + n]
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = window, score
        return best


def fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def first_difference(quote: str, passage: str) -> int:
    """Index in the folded quote of the first character that differs from the passage."""
    q = fold(quote)
    for i, (a, b) in enumerate(zip(q, passage)):
        if a != b:
            return i
    return min(len(q), len(passage))
