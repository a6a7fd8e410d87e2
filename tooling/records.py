"""The data model: what the validated YAML becomes.

Nothing here reads files or checks anything; :mod:`tooling.validate` builds
a :class:`Corpus` from files that passed the schema.  The Sphinx extension
and the exports only ever see these objects.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .i18n import N_, _, ngettext
from .memo import Memo, code_digest, digest
from .origins import Declared, Origins, group, measure
from .quotes import FoldedText

SCHEMA_VERSION = "2.0"  # 2.0: claims.json is the records' dataclasses as they are (tooling/shapes.py) and has a published schema; 1.1: corrections, origins
# Interface words defined here are marked with N_ (extracted, left English: the same
# values feed `make check` and the data exports); a page shows them through _().
NOT_STATED = N_("not stated")

QUALIFIER_TEXT = {
    "exact": "",
    "at-least": N_("at least"),
    "more-than": N_("more than"),
    "about": N_("about"),
    "up-to": N_("up to"),
    "unquantified": "",
}

# The calendar's names as readers read them (strftime's %A/%B depend on the C locale;
# these are shown through _()).  Abbreviations for the timeline's day axis.
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))
MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def month_name(month: int) -> str:
    """1 -> 'January', in the reader's language."""
    return _(MONTHS[month - 1])


def weekday_name(day) -> str:
    """A date's weekday ('Friday'), in the reader's language."""
    return _(WEEKDAYS[day.weekday()])


def qualifier_words(qualifier: str) -> str:
    """'at-least' -> 'at least', in the reader's language ('' for an exact number)."""
    words = QUALIFIER_TEXT.get(qualifier, "")
    return _(words) if words else ""


@dataclass
class Furniture:
    first: int  # 1-based line, inclusive
    last: int
    kind: str
    note: str | None = None


@dataclass
class Source:
    id: str
    label: str
    title: str | None
    publisher: str | None
    publisher_basis: str | None
    url: str | None
    published: str | None
    retrieved: str | None
    language: str
    text_name: str  # the captured file's name: provenance
    sha256: str
    furniture: list[Furniture]
    note: str | None
    yaml_path: Path = field(metadata={"export": False})  # working state: where it was read from
    text_path: Path = field(metadata={"export": False})
    text: str
    not_recorded: dict[str, str] = field(default_factory=dict)  # term -> reason
    declared_origin: Declared = field(default_factory=Declared)  # what an editor recorded

    @cached_property
    def folded(self) -> FoldedText:
        return FoldedText.of(self.text)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def furniture_at(self, line: int) -> Furniture | None:
        return self.furniture_between(line, line)

    def furniture_between(self, first: int, last: int) -> Furniture | None:
        """The first page-furniture range touching any of lines first..last (a quote's lines)."""
        for f in self.furniture:
            if f.first <= last and f.last >= first:
                return f
        return None

    @cached_property
    def article_text(self) -> str:
        """The text with page furniture blanked out (lines kept, so offsets stay put)."""
        if not self.furniture:
            return self.text
        lines = self.text.split("\n")
        return "\n".join("" if self.furniture_at(i) else line for i, line in enumerate(lines, 1))


@dataclass
class Citation:
    source: str
    quote: str
    start: int = -1  # span of the quote in the source's original text
    end: int = -1
    line: int = 0  # first line of the span

    @property
    def anchor_line(self) -> str:
        return f"L{self.line}"


@dataclass
class Figure:
    measure: str
    qualifier: str
    unit: str
    scope: str
    as_of: str | None
    value: float | None = None
    min: float | None = None
    max: float | None = None
    amount_text: str | None = None

    @property
    def low(self) -> float | None:
        return self.value if self.value is not None else self.min

    @property
    def high(self) -> float | None:
        return self.value if self.value is not None else self.max

    def display(self, translate: bool = False) -> str:
        """'at least 15 civilians', '4–6 people', 'millions of people'.

        English by default (the data exports, the feed); ``translate=True`` on a page:
        the qualifier and the word order in the reader's language."""
        if self.amount_text is not None:
            number = self.amount_text
        elif self.value is not None:
            number = format_number(self.value)
        else:
            number = f"{format_number(self.min)}–{format_number(self.max)}"
        if self.amount_text is not None and self.amount_text.split()[-1].lower() in (
            "millions",
            "thousands",
            "hundreds",
            "dozens",
            "tens",
        ):
            if translate:
                return _("{amount} of {unit}").format(amount=number, unit=self.unit)
            return f"{number} of {self.unit}"  # "millions of people", not "millions people"
        qualifier = qualifier_words(self.qualifier) if translate else QUALIFIER_TEXT[self.qualifier]
        words = [qualifier, number, self.unit]
        return " ".join(w for w in words if w)


# The nouns readers' pages count, each with its plural in the reader's language
# (ngettext runs when count() is called, after the build chose the language).
_COUNTED = {
    "claim": lambda n: ngettext("{n} claim", "{n} claims", n),
    "report": lambda n: ngettext("{n} report", "{n} reports", n),
    "claimant": lambda n: ngettext("{n} claimant", "{n} claimants", n),
    "source": lambda n: ngettext("{n} source", "{n} sources", n),
    "origin": lambda n: ngettext("{n} origin", "{n} origins", n),
    "independent origin": lambda n: ngettext("{n} independent origin", "{n} independent origins", n),
    "figure": lambda n: ngettext("{n} figure", "{n} figures", n),
    "measure": lambda n: ngettext("{n} measure", "{n} measures", n),
    "event": lambda n: ngettext("{n} event", "{n} events", n),
    "place": lambda n: ngettext("{n} place", "{n} places", n),
    "correction": lambda n: ngettext("{n} correction", "{n} corrections", n),
    "more claim": lambda n: ngettext("{n} more claim", "{n} more claims", n),
}


def count(n: int, noun: str) -> str:
    """'1 report', '3 reports': readers' plurals, in one place (in the reader's language
    for the nouns pages count; any other noun, an editor's message, stays English)."""
    forms = _COUNTED.get(noun)
    if forms is not None:
        return forms(n).format(n=f"{n:,}")
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def format_number(n: float | None) -> str:
    if n is None:
        return ""
    if float(n).is_integer():
        return f"{int(n):,}"
    return f"{n:,}"


@dataclass(frozen=True)
class Change:
    field: str  # rating, text, claimant, citations, figure, contradicts
    old: object  # the published value, as YAML gave it (text, list, mapping or None)
    new: object


@dataclass(frozen=True)
class Correction:
    date: str  # YYYY-MM-DD, when the correction was published
    changes: tuple[Change, ...]
    # For readers: it may be reworded after publication (what changed never is); the wording
    # first published is kept in ``editors_note`` (tooling/corrections.py checks both).
    reason: str = field(compare=False)
    editors_note: str | None = field(default=None, compare=False, metadata={"export": False})


@dataclass(frozen=True)
class Retraction:
    date: str
    reason: str


@dataclass
class Claim:
    id: str
    text: str
    claimant: str
    citations: list[Citation]
    rating: str
    rationale: str
    event: str
    figure: Figure | None = None
    contradicts: list[str] = field(default_factory=list)
    note: str | None = None
    published: str = ""  # YYYY-MM-DD, first published; never changes
    corrections: tuple[Correction, ...] = ()  # oldest first
    retracted: Retraction | None = None

    @property
    def updated(self) -> str | None:
        """The date of the latest correction or the retraction; None if never changed."""
        dates = [c.date for c in self.corrections] + ([self.retracted.date] if self.retracted else [])
        return max(dates) if dates else None

    @property
    def anchor(self) -> str:
        return f"claim-{self.id}"

    def citation_anchor(self, index: int) -> str:
        return f"cite-{self.id}-{index + 1}"


@dataclass
class InferredDate:
    start: str
    end: str
    basis: str

    def display(self) -> str:
        """As readers write dates: a day, a span of days, a whole month or year as such."""
        return reader_span(self.start, self.end)


def reader_date(iso: str, year: bool = True) -> str:
    """'2024-11-29' -> 'Friday 29 November 2024' (ISO never reaches a reader)."""
    import datetime

    d = datetime.date.fromisoformat(iso)
    if year:
        return _("{weekday} {day} {month} {year}").format(
            weekday=weekday_name(d), day=d.day, month=month_name(d.month), year=d.year
        )
    return _("{weekday} {day} {month}").format(weekday=weekday_name(d), day=d.day, month=month_name(d.month))


def reader_span(start: str, end: str) -> str:
    """A span of days as a reader writes it: one day, 'Wednesday 27 to Friday 29 November 2024',
    'March 2020', '2011'."""
    import calendar
    import datetime

    a, b = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    if a == b:
        return reader_date(start)
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return str(a.year)
    if a.year == b.year and a.month == b.month and a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]:
        return _("{month} {year}").format(month=month_name(a.month), year=a.year)
    if a.year == b.year and a.month == b.month:
        return _("{weekday} {day} to {end}").format(weekday=weekday_name(a), day=a.day, end=reader_date(end))
    if a.year == b.year:
        return _("{start} to {end}").format(start=reader_date(start, year=False), end=reader_date(end))
    return _("{start} to {end}").format(start=reader_date(start), end=reader_date(end))


PHASES = {
    # phase -> how the timeline names it (tooling/schema: event.period.phase); N_: the
    # search filters' values are these English words, a page shows them through _()
    "offensive": N_("During the offensive"),
    "response": N_("Reactions to the offensive"),
    "background": N_("Background: earlier history"),
}


@dataclass(frozen=True)
class Period:
    phase: str  # offensive | response | background
    basis: str  # the editor's reason, inference labelled as such


@dataclass
class Event:
    id: str
    title: str
    kind: str
    reported_dates: list[Citation]
    inferred_date: InferredDate | None
    place: str
    summary: str
    claims: list[Claim]
    note: str | None
    yaml_path: Path | None = field(default=None, metadata={"export": False})
    period: Period | None = None  # None: not recorded (shown as such)

    @cached_property
    def sort_key(self) -> tuple:
        # Dated events first, in date order; then the undated ones, by title.  Kept once computed:
        # an edition in another language orders its events as the English one does.
        if self.inferred_date:
            return (0, self.inferred_date.start, self.inferred_date.end, self.title)
        return (1, "", "", self.title)


@dataclass
class Side:
    """Whose voice a claimant is (claimants.yaml ``sides``): the claimants page groups by it."""

    id: str
    name: str
    about: str  # one line, shown under the side's heading


@dataclass
class Claimant:
    id: str
    name: str
    kind: str
    side: str = ""  # a Side's id
    description: str = ""  # one line: who this is, in readers' words
    side_inference: str | None = None  # set when the side is an editor's reading, not the sources' words
    note: str | None = None


@dataclass
class Measure:
    id: str
    label: str
    counts: str
    note: str | None = None
    key: bool = False  # a key number: on the home page


@dataclass(frozen=True)
class Place:
    """A point on the map: a place events name, with coordinates from a named gazetteer."""

    id: str
    name: str
    latitude: float
    longitude: float
    basis: str
    events: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Unmapped:
    """An event that is not on the map, and why (its place is a country, a region, not stated)."""

    event: str
    reason: str


@dataclass
class Corpus:
    root: Path  # the claims/ folder
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claimants: dict[str, Claimant] = field(default_factory=dict)
    sides: dict[str, Side] = field(default_factory=dict)  # in the order claimants.yaml lists them
    measures: dict[str, Measure] = field(default_factory=dict)
    claimants_path: Path | None = None
    measures_path: Path | None = None
    places: dict[str, Place] = field(default_factory=dict)  # from claims/places.yaml, if there is one
    unmapped: dict[str, Unmapped] = field(default_factory=dict)  # event id -> why it is not on the map
    places_path: Path | None = None
    batches: dict[str, str] = field(
        default_factory=dict
    )  # date -> summary of that day's corrections (claims/corrections.yaml)
    batches_path: Path | None = None
    # Values derived from the source texts, possibly kept from the last run.
    memo: Memo = field(default_factory=Memo, repr=False, compare=False)

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for e in self.events.values() for c in e.claims}

    @cached_property
    def origins(self) -> Origins:
        """The sources' origin groups: measured text reuse, then editors' records."""
        texts = {sid: s.article_text for sid, s in self.sources.items()}
        declared = {
            sid: s.declared_origin
            for sid, s in self.sources.items()
            if s.declared_origin.same_as or s.declared_origin.independent_of
        }
        key = ("origins.measure", code_digest(measure), tuple(sorted((i, digest(t)) for i, t in texts.items())))
        return group(self.sources, self.memo.get(key, lambda: measure(texts)), declared)

    def events_in_order(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: e.sort_key)

    @cached_property
    def citations_by_source(self) -> dict[str, list[tuple[Claim, int]]]:
        """source id -> [(claim, citation index)], for backlinks."""
        out: dict[str, list[tuple[Claim, int]]] = defaultdict(list)
        for claim in self.claims.values():
            for i, cit in enumerate(claim.citations):
                out[cit.source].append((claim, i))
        return out

    @cached_property
    def contradicted_by(self) -> dict[str, list[str]]:
        """claim id -> ids of claims that list it in ``contradicts`` (the reverse link)."""
        out: dict[str, list[str]] = defaultdict(list)
        for claim in self.claims.values():
            for other in claim.contradicts:
                out[other].append(claim.id)
        return out

    def figures_by_measure(self) -> dict[str, list[Claim]]:
        """measure id -> its claims, in event order (every figure page asks: computed once)."""
        return self._figures_by_measure

    @cached_property
    def _figures_by_measure(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for event in self.events_in_order():
            for claim in event.claims:
                if claim.figure is not None:
                    out[claim.figure.measure].append(claim)
        return dict(out)

    def record_files(self) -> list[Path]:
        """Every file the records were read from (for build dependencies)."""
        files = [s.yaml_path for s in self.sources.values()] + [s.text_path for s in self.sources.values()]
        files += [e.yaml_path for e in self.events.values()]
        files += [
            p for p in (self.claimants_path, self.measures_path, self.places_path, self.batches_path) if p is not None
        ]
        return files
