"""Editors' prose: references to records, and the house style readers are owed.

Reader text (summaries, rationales, bases, notes, correction reasons) names a
source, claim, claimant, measure or event by **reference**, written as a MyST
role: ``{source}`src-003```, ``{claim}`sana-four-civilians```, or with the words
to show, ``{claim}`SANA's toll <sana-four-civilians>```; ``{term}`origin``` links
a glossary term.  The site renders each reference as the record's reader name
with a link (:mod:`tooling.sphinxext.common`); the plain-text outputs (page
descriptions, the feed, exports) use :func:`plain`.  Nothing is substituted
into the YAML: the editor's text stays as written.

The house style lives in one file, ``claims/style.yaml`` (limits and internal
terms); :class:`StyleChecker` applies it to one text.  The validator runs it
over every reader field (:data:`READER_KEYS`), so ``make check`` refuses a
bare source number, an id, an unknown reference, a long sentence or an
internal word, each at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from .names import source_name
from .problems import closest

KINDS = ("source", "claim", "claimant", "measure", "event", "term")
# {source}`src-003`, {fc:claim}`words <claim-id>`: the role syntax of MyST pages.
REF = re.compile(r"\{(?:fc:)?([a-z]+)\}`([^`]*)`")
_EXPLICIT = re.compile(r"^(.*\S)\s*<([^<>]+)>$", re.DOTALL)

# Fields readers read, by key name, wherever they are in a record file.  Titles and
# claim texts are read as plain text everywhere (headings, ClaimReview, feeds), so
# they may not hold references; the rest may.
READER_KEYS = {
    "summary",
    "rationale",
    "note",
    "basis",
    "reason",
    "description",
    "side_inference",
    "about",
    "counts",
    "publisher_basis",
}
# Fields that say what holds now; only a correction's reason tells what changed.
PRESENT_KEYS = {"summary", "rationale", "note", "basis", "description"}
# Fields shown as plain text (headings, feeds, ClaimReview), per kind of record file: checked
# for ids and length, and refused references.  A source's headline is the capture's own words.
PLAIN_FIELDS = {
    "event": {"title", "text", "place", "scope", "as_of"},
    "source": {"label"},
    "claimants": {"name"},
    "measures": {"label"},
}
# Parts of a record readers never see, or whose words never change (a log's old and new values).
NOT_READER = {"not_recorded", "changes", "editors_note", "citations", "reported", "quote"}


class Ref(NamedTuple):
    kind: str
    target: str
    label: str | None  # the editor's own words for the link, if given
    start: int
    end: int


def refs(text: str) -> list[Ref]:
    out = []
    for m in REF.finditer(text or ""):
        inner = m.group(2).strip()
        explicit = _EXPLICIT.match(inner)
        label, target = (explicit.group(1), explicit.group(2).strip()) if explicit else (None, inner)
        out.append(Ref(m.group(1), target, label, m.start(), m.end()))
    return out


def split(text: str) -> list[str | Ref]:
    """The text as pieces: plain strings and references, in order."""
    pieces: list[str | Ref] = []
    at = 0
    for r in refs(text):
        if r.start > at:
            pieces.append(text[at : r.start])
        pieces.append(r)
        at = r.end
    if at < len(text or ""):
        pieces.append(text[at:])
    return pieces


def record_name(corpus, kind: str, rid: str) -> str:
    """A record's reader name: an event's title, a claim's text, a source's short name, a
    claimant's name, a measure's label; the id itself for anything else.  The one place
    (links the domain resolves use it too)."""
    if kind == "event" and rid in corpus.events:
        return corpus.events[rid].title
    if kind == "claim" and rid in corpus.claims:
        return corpus.claims[rid].text
    if kind == "source" and rid in corpus.sources:
        return source_name(corpus.sources[rid])
    if kind == "claimant" and rid in corpus.claimants:
        return corpus.claimants[rid].name
    if kind == "measure" and rid in corpus.measures:
        return corpus.measures[rid].label
    return rid


def ref_label(ref: Ref, corpus) -> str:
    """The words a reference shows: the editor's, else the record's reader name (a claim's
    text quoted, as it stands inside a sentence)."""
    if ref.label:
        return ref.label
    if ref.kind == "claim" and ref.target in corpus.claims:
        return f"“{record_name(corpus, 'claim', ref.target).rstrip('.')}”"
    return record_name(corpus, ref.kind, ref.target)


def plain(text: str | None, corpus) -> str:
    """The text as readers read it, without links: for descriptions, feeds and exports."""
    if not text:
        return text or ""
    return "".join(p if isinstance(p, str) else ref_label(p, corpus) for p in split(text))


# -- the house style ---------------------------------------------------------------


@dataclass
class Style:
    sentence_words: int = 35
    summary_words: int = 80
    claim_words: int = 30
    internal_terms: list[tuple[str, str]] = field(default_factory=list)  # (term, what to write instead)
    history_terms: list[tuple[str, str]] = field(default_factory=list)  # refused outside correction reasons

    @classmethod
    def load(cls, path: Path) -> Style:
        """``claims/style.yaml``; the defaults where there is none (another newsroom's records)."""
        if not path.is_file():
            return cls()
        return cls.of(yaml.safe_load(path.read_text(encoding="utf-8")) or {})

    @classmethod
    def of(cls, data: dict) -> Style:
        """From the style file's data, once the validator has checked it against its schema."""
        return cls(
            sentence_words=int(data.get("sentence_words", 35)),
            summary_words=int(data.get("summary_words", 80)),
            claim_words=int(data.get("claim_words", 30)),
            internal_terms=[(str(t["term"]), str(t.get("instead", ""))) for t in data.get("internal_terms", [])],
            history_terms=[(str(t["term"]), str(t.get("instead", ""))) for t in data.get("history_terms", [])],
        )

    def term_pattern(self, terms: list[tuple[str, str]] | None = None) -> re.Pattern | None:
        terms = self.internal_terms if terms is None else terms
        if not terms:
            return None
        alts = "|".join(re.escape(t) for t, _ in sorted(terms, key=lambda ti: -len(ti[0])))
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


_ABBREVIATIONS = {"u.n.", "u.s.", "u.k.", "dr.", "mr.", "mrs.", "ms.", "st.", "e.g.", "i.e.", "vs.", "gen.", "lt."}
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s+(?=[“‘\"'(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of plain text; an abbreviation ("U.N.") does not end one."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = text[: m.start() + 1].rsplit(None, 1)[-1].lower().lstrip("(“‘\"'")
        if word in _ABBREVIATIONS:
            continue
        out.append((start, text[start : m.start() + len(m.group(0).rstrip())].strip()))
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append((start, rest))
    return out


def word_count(text: str) -> int:
    return len([w for w in text.split() if re.search(r"\w", w)])


# A source's number as the editors' handles had it: "source 003", "sources 000 and 004", "(002)".
_SOURCE_NUMBER = re.compile(
    r"\b(?:sources?|captures?|articles?|reports?)\s+\d{3}\b|(?<![\d,.])\b0\d{2}\b(?![\d,.])", re.I
)
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


class StyleProblem(NamedTuple):
    offset: int  # in the raw text, where the problem starts
    message: str


# A word, hyphens included: how an id looks in text.  Looked up in a set; a pattern with
# every id as an alternative cost about a second per thousand texts at 20,000 claims.
_WORDLIKE = re.compile(r"(?<![\w-])\w+(?:-\w+)*(?![\w-])")


def _ids(corpus) -> set[str]:
    """Record ids a reader could meet as words: source ids and every id with a hyphen
    (a single word like 'army' is also an ordinary word)."""
    return {
        *corpus.sources,
        *(i for group in (corpus.claims, corpus.events, corpus.measures, corpus.claimants) for i in group if "-" in i),
    }


class StyleChecker:
    """Applies the house style and the reference rules to one text at a time."""

    def __init__(self, corpus, style: Style, glossary: set[str]):
        self.corpus = corpus
        self.style = style
        self.glossary = {g.lower() for g in glossary}
        self.terms = style.term_pattern()
        self.history = style.term_pattern(style.history_terms)
        self.ids = _ids(corpus)

    def known(self, kind: str) -> dict | set:
        return {
            "source": self.corpus.sources,
            "claim": self.corpus.claims,
            "claimant": self.corpus.claimants,
            "measure": self.corpus.measures,
            "event": self.corpus.events,
            "term": self.glossary,
        }[kind]

    def check(self, text: str, key: str, shown_plain: bool = False) -> Iterator[StyleProblem]:
        """Every problem of one text; ``shown_plain`` for a field shown without links (a title)."""
        if not isinstance(text, str) or not text.strip():
            return
        found = refs(text)
        if shown_plain and found:
            yield StyleProblem(
                found[0].start,
                f"a {key} is shown as plain text (headings, feeds, search results), so it cannot hold a reference; "
                "write the name in words",
            )
        for r in found:
            if r.kind not in KINDS:
                near = closest(r.kind, KINDS)
                hint = f"did you mean {{{near}}}? " if near else ""
                yield StyleProblem(
                    r.start, f"unknown kind of reference '{{{r.kind}}}'; {hint}use one of {', '.join(KINDS)}"
                )
                continue
            pool = self.known(r.kind)
            target = r.target.lower() if r.kind == "term" else r.target
            if target not in pool:
                near = closest(target, pool)
                listed = ", ".join(sorted(map(str, pool))) if len(pool) <= 10 else ""
                hint = f"did you mean '{near}'? " if near else (f"the {r.kind}s are: {listed}; " if listed else "")
                where = "docs/glossary.md" if r.kind == "term" else "the records"
                yield StyleProblem(
                    r.start,
                    f"{{{r.kind}}}`{r.target}`: no {r.kind} '{r.target}' in {where}; {hint}fix the reference or remove it",
                )
        # Outside the references: what a reader would see as words.
        words = "".join(" " * (p.end - p.start) if isinstance(p, Ref) else p for p in split(text))
        for m in _SOURCE_NUMBER.finditer(words):
            number = re.search(r"\d{3}", m.group(0)).group(0)
            target = next((s for s in self.corpus.sources if s.endswith(number)), "src-" + number)
            yield StyleProblem(
                m.start(),
                f"'{m.group(0)}' names a source by number, which readers cannot decode; "
                f"write a reference, {{source}}`{target}`, which shows the source's short name with a link",
            )
        for m in _WORDLIKE.finditer(words) if self.ids else ():
            if m.group(0) in self.ids:
                kind = next(
                    k for k in ("source", "claim", "event", "measure", "claimant") if m.group(0) in self.known(k)
                )
                yield StyleProblem(
                    m.start(),
                    f"'{m.group(0)}' is a record id, which readers should not see; write {{{kind}}}`{m.group(0)}` "
                    "to show its name with a link",
                )
        for m in _SNAKE.finditer(words):
            yield StyleProblem(m.start(), f"'{m.group(0)}' is a field name, not reader words; say it in plain words")
        if self.terms is not None:
            instead = {t.lower(): i for t, i in self.style.internal_terms}
            for m in self.terms.finditer(words):
                yield StyleProblem(
                    m.start(),
                    f"'{m.group(0)}' is an editors' word; instead: {instead.get(m.group(0).lower(), 'plain words')} "
                    "(working notes go in 'editors_note', which readers never see)",
                )
        if self.history is not None and key in PRESENT_KEYS:
            instead = {t.lower(): i for t, i in self.style.history_terms}
            for m in self.history.finditer(words):
                yield StyleProblem(
                    m.start(),
                    f"'{m.group(0)}' tells the record's history, which the corrections log already shows; "
                    f"{instead.get(m.group(0).lower(), 'say what holds now')}",
                )
        shown = plain(text, self.corpus)
        limit = self.style.claim_words if key == "text" else self.style.sentence_words
        for _, sentence in sentences(shown):
            n = word_count(sentence)
            if n > limit:
                yield StyleProblem(
                    _raw_offset(text, sentence),
                    f"a sentence of {n} words (the limit is {limit}): “{clip(sentence)}”; split it, one idea a sentence",
                )
        if key == "summary":
            n = word_count(shown)
            if n > self.style.summary_words:
                yield StyleProblem(
                    0,
                    f"the summary has {n} words (the limit is {self.style.summary_words}); keep what happened and who says so, move the rest to the claims' rationales",
                )


def clip(s: str, n: int = 12) -> str:
    """The first words of a text, for quoting it in a message."""
    words = s.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _raw_offset(raw: str, sentence: str) -> int:
    """Where a sentence of the shown text starts in the raw text (by its first words)."""
    first = [re.escape(w) for w in sentence.split()[:3]]
    m = re.search(r"\s+".join(first), raw) if first else None
    return m.start() if m else 0


def glossary_terms(root: Path) -> set[str]:
    """The terms of the site's glossary (``docs/glossary.md``, Sphinx's ``glossary``
    directive): what ``{term}`` references may name."""
    path = root / "docs" / "glossary.md"
    if not path.is_file():
        return set()
    terms, inside = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^:{3,}\{glossary\}", line) or re.match(r"^`{3,}\{glossary\}", line):
            inside = True
            continue
        if inside and re.match(r"^(:{3,}|`{3,})\s*$", line):
            inside = False
            continue
        if inside and line.strip() and not line.startswith((" ", "\t", ":")):
            terms.add(line.strip())
    return terms


def walk_reader_text(data, kind: str = "", path: tuple = ()) -> Iterator[tuple[tuple, str, str, bool]]:
    """(path, key, text, shown plain) of every reader field in a record file's data
    (``kind``: the file's kind, which says its plain fields: :data:`PLAIN_FIELDS`)."""
    plain_keys = PLAIN_FIELDS.get(kind, set())
    if isinstance(data, dict):
        for k, v in data.items():
            if k in NOT_READER:
                continue
            if isinstance(v, str) and (k in READER_KEYS or k in plain_keys):
                yield path + (k,), k, v, k in plain_keys
            elif isinstance(v, (dict, list)):
                yield from walk_reader_text(v, kind, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from walk_reader_text(v, kind, path + (i,))


# -- the readability report (tooling/run style) ------------------------------------

_VOWELS = re.compile(r"[aeiouy]+", re.IGNORECASE)


def syllables(word: str) -> int:
    """Vowel groups, less a silent final 'e': the usual estimate (about 90% right on English)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    n = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(n, 1)


def reading_ease(texts: list[str]) -> float | None:
    """Flesch reading ease over the texts: 60-70 is plain English; news wire copy is about 50."""
    sents = [s for t in texts for _, s in sentences(t)]
    words = [w for s in sents for w in s.split() if re.search(r"[A-Za-z]", w)]
    if not sents or not words:
        return None
    return 206.835 - 1.015 * len(words) / len(sents) - 84.6 * sum(map(syllables, words)) / len(words)


# Which page a reader meets each kind of text on, for the report.
PAGE_TYPES = {
    "summary": "Event pages: summaries",
    "rationale": "Event pages: why each rating",
    "reason": "Corrections: reasons",
    "basis": "Dates, timeline and origins: bases",
    "note": "Notes (events, claims, sources, figures)",
    "description": "Claimants: descriptions",
    "counts": "Figures: what each measure counts",
}


def readability(corpus, docs) -> list[dict]:
    """Words per sentence and reading ease per page type, over the reader fields of ``docs``
    (each a record file's data), with references shown as readers see them."""
    texts: dict[str, list[str]] = {}
    for data in docs:
        for _, key, value, _ in walk_reader_text(data):
            if key in PAGE_TYPES:
                texts.setdefault(PAGE_TYPES[key], []).append(plain(value, corpus))
    rows = []
    for kind, found in sorted(texts.items()):
        lengths = sorted(word_count(s) for t in found for _, s in sentences(t))
        if not lengths:
            continue
        rows.append(
            {
                "kind": kind,
                "texts": len(found),
                "sentences": len(lengths),
                "mean": sum(lengths) / len(lengths),
                "median": lengths[len(lengths) // 2],
                "max": lengths[-1],
                "over_25": sum(n > 25 for n in lengths),
                "ease": reading_ease(found),
            }
        )
    return rows
