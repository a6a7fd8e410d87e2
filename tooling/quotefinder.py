"""``tooling/run quote SOURCE "some words"``: find the exact passage to quote.

Tolerant in what it takes (case, punctuation, straight or curly apostrophes,
a few words skipped between the ones given), exact in what it prints: the
passage is cut from the source text itself, ready to paste into a quote.
"""

from __future__ import annotations

import re

from .records import Source

_WORD = re.compile(r"[\w’']+")
MAX_GAP = 4  # words the source may have between two given words


def _norm(word: str) -> str:
    return word.casefold().replace("’", "'").strip("'")


def find_passages(source: Source, words: str, limit: int = 5) -> list[tuple[int, str, str]]:
    """[(line, passage, sentence)] best first: shortest spans holding the words in order."""
    wanted = [_norm(w) for w in _WORD.findall(words)]
    wanted = [w for w in wanted if w]
    if not wanted:
        return []
    tokens = [(m.start(), m.end(), _norm(m.group(0))) for m in _WORD.finditer(source.text)]
    found = []
    for i, (start, _, tok) in enumerate(tokens):
        if tok != wanted[0]:
            continue
        j, k, end = i, 1, tokens[i][1]
        while k < len(wanted):
            for step in range(1, MAX_GAP + 2):
                if j + step < len(tokens) and tokens[j + step][2] == wanted[k]:
                    j += step
                    end = tokens[j][1]
                    k += 1
                    break
            else:
                break
        if k == len(wanted) and source.furniture_at(source.line_of(start)) is None:
            found.append((end - start, start, end))  # page furniture is never quoted (make check refuses it)
    found.sort()
    out = []
    for _, start, end in found[:limit]:
        out.append((source.line_of(start), source.text[start:end], _sentence(source.text, start, end)))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 : right].strip()


_SENTENCE = re.compile(r"[^.!?\n]*[.!?]+[”’\"')]*|[^.!?\n]+")


def nearest_sentence(source: Source, words: str) -> tuple[int, str] | None:
    """(line, sentence): the whole sentence of the article that holds most of the words,
    for when no passage holds them all in order.  A fragment cut at the query's length
    ("fighters were seen in geol") helps nobody; a sentence can be read and quoted."""
    wanted = {_norm(w) for w in _WORD.findall(words)} - {""}
    if not wanted:
        return None
    best, best_key = None, (0, 0.0)
    for n, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip() or source.furniture_at(n) is not None:
            continue
        for m in _SENTENCE.finditer(line):
            sentence = m.group().strip()
            tokens = {_norm(t) for t in _WORD.findall(sentence)} - {""}
            if not tokens:
                continue
            hits = len(wanted & tokens)
            key = (hits, hits / len(tokens))  # most of the words, then the tightest sentence
            if key > best_key:
                best, best_key = (n, sentence), key
    return best
