"""The records' integrity: cross-record checks, one named function each.

The validator (:mod:`tooling.validate`) loads the files into a Corpus and
keeps where each record was read (:class:`Loaded`); every function of
:data:`CHECKS` then looks at that state and yields ``Issue``s: the document,
the path of the value inside it, and the message with its fix.  The
validator places each at its file, line and column.  The editorial rules of
:mod:`tooling.rules` follow the same pattern over the Corpus alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .i18n import N_  # the checks' sentences are shown on the methodology page
from .problems import closest
from .records import Claim, Corpus
from .schema_check import non_ascii_hint
from .yamlfile import YamlDoc


class Issue(NamedTuple):
    doc: YamlDoc
    path: tuple
    message: str


@dataclass
class Loaded:
    """The records and where each was read from: what the checks look at."""

    corpus: Corpus
    defined: dict[str, dict[str, tuple]]  # kind -> id -> (path, line, col) of its definition
    failed_kinds: set[str] = field(default_factory=set)  # kinds with a file that could not be read
    claim_docs: dict[str, tuple[YamlDoc, tuple]] = field(default_factory=dict)
    source_docs: dict[str, YamlDoc] = field(default_factory=dict)
    orphan_claims: list[Claim] = field(default_factory=list)  # good claims of an event that failed
    claimants_doc: YamlDoc | None = None  # claims/claimants.yaml, where each claimant names its side
    event_docs: dict[str, YamlDoc] = field(default_factory=dict)
    places_doc: YamlDoc | None = None  # claims/places.yaml, when there is one and it was read

    def claims(self) -> list[Claim]:
        return list(self.corpus.claims.values()) + self.orphan_claims

    def known(self, kind: str, rid: str) -> bool:
        """Defined, even in a file whose other fields have errors (reported there)."""
        return rid in self.defined[kind]

    def missing(self, kind: str, rid: str, where: str) -> str:
        guess = closest(rid, sorted(self.defined[kind]))
        hint = f"did you mean '{guess}'?" if guess else f"define it in {where} first"
        hint += non_ascii_hint(rid)
        if kind in self.failed_kinds:
            hint += f" ({'an' if kind[0] in 'aeiou' else 'a'} {kind} file with errors above may define it)"
        return f"unknown {kind} '{rid}'; {hint}"


def claimants_exist(s: Loaded) -> Iterator[Issue]:
    for claim in s.claims():
        if not s.known("claimant", claim.claimant):
            doc, path = s.claim_docs[claim.id]
            yield Issue(doc, path + ("claimant",), s.missing("claimant", claim.claimant, "claims/claimants.yaml"))


def sides_exist(s: Loaded) -> Iterator[Issue]:
    if s.claimants_doc is None:
        return
    for i, item in enumerate(s.claimants_doc.data["claimants"]):
        if not s.known("side", item["side"]):
            yield Issue(
                s.claimants_doc,
                ("claimants", i, "side"),
                s.missing("side", item["side"], "the 'sides' list at the top of claims/claimants.yaml"),
            )


def one_passage_per_source(s: Loaded) -> Iterator[Issue]:
    for claim in s.claims():
        doc, path = s.claim_docs[claim.id]
        seen = set()
        for i, cit in enumerate(claim.citations):
            if cit.source in seen:
                yield Issue(
                    doc,
                    path + ("citations", i, "source"),
                    f"source '{cit.source}' is cited twice in claim '{claim.id}'; keep the one passage that "
                    "carries the claim",
                )
            seen.add(cit.source)


def figures_consistent(s: Loaded) -> Iterator[Issue]:
    for claim in s.claims():
        f = claim.figure
        if f is None:
            continue
        doc, path = s.claim_docs[claim.id]
        if not s.known("measure", f.measure):
            yield Issue(doc, path + ("figure", "measure"), s.missing("measure", f.measure, "claims/measures.yaml"))
        if f.min is not None and f.max is not None and f.min > f.max:
            yield Issue(doc, path + ("figure", "max"), f"figure max {f.max} is below min {f.min}; swap them")
        if (f.amount_text is None) != (f.qualifier != "unquantified"):
            yield Issue(
                doc,
                path + ("figure", "qualifier"),
                "use qualifier 'unquantified' exactly when the figure gives amount_text instead of a number",
            )


def contradictions_exist(s: Loaded) -> Iterator[Issue]:
    for claim in s.claims():
        doc, path = s.claim_docs[claim.id]
        for j, other in enumerate(claim.contradicts):
            if other == claim.id:
                yield Issue(doc, path + ("contradicts", j), "a claim cannot contradict itself; remove its own id")
            elif not s.known("claim", other):
                yield Issue(doc, path + ("contradicts", j), s.missing("claim", other, "an event file"))


def origin_records_exist(s: Loaded) -> Iterator[Issue]:
    """A source's recorded origin must name other sources that exist."""
    for sid, source in s.corpus.sources.items():
        doc = s.source_docs[sid]
        for key in ("same_as", "independent_of"):
            for j, other in enumerate(getattr(source.declared_origin, key)):
                if other == sid:
                    yield Issue(
                        doc, ("origin", key, j), f"a source cannot be recorded as '{key}' itself; remove '{sid}'"
                    )
                elif not s.known("source", other):
                    yield Issue(doc, ("origin", key, j), s.missing("source", other, "claims/sources/"))


def places_name_events(s: Loaded) -> Iterator[Issue]:
    """claims/places.yaml names only real events, and every event once: on the map, or
    unmapped with the reason.

    Where an event goes is an editor's decision (a gazetteer point, or why there is none),
    so a missing entry is refused, not guessed, and not shown to readers as unfinished work.
    """
    doc = s.places_doc
    if doc is None:
        return
    where: dict[str, str] = {}  # event id -> the place (or 'unmapped') that first named it
    for i, item in enumerate(doc.data["places"]):
        for j, event in enumerate(item["events"]):
            if not s.known("event", event):
                yield Issue(doc, ("places", i, "events", j), s.missing("event", event, "claims/events/"))
            elif event in where and where[event] == "unmapped":
                yield Issue(
                    doc,
                    ("places", i, "events", j),
                    f"event '{event}' is also listed under unmapped; keep one: on the map, or unmapped with the reason",
                )
            where.setdefault(event, item["id"])
    for k, item in enumerate(doc.data.get("unmapped", [])):
        event = item["event"]
        if not s.known("event", event):
            yield Issue(doc, ("unmapped", k, "event"), s.missing("event", event, "claims/events/"))
        elif event in where:
            said = "listed as unmapped twice" if where[event] == "unmapped" else f"on the map at '{where[event]}'"
            yield Issue(
                doc,
                ("unmapped", k, "event"),
                f"event '{event}' is already {said}; keep one entry: on the map, or unmapped with the reason",
            )
        where.setdefault(event, "unmapped")
    for event_id, event_doc in s.event_docs.items():
        if event_id not in where and s.known("event", event_id):
            yield Issue(
                event_doc,
                ("place",),
                f"event '{event_id}' is not in {doc.path}: add its id under the events of the place it is "
                "in (a point from a gazetteer), or under unmapped with the reason, e.g. "
                f"'- event: {event_id}' and 'reason: No place is stated.'",
            )


class Check(NamedTuple):
    name: str
    says: str
    check: Callable[[Loaded], Iterator[Issue]]


CHECKS: tuple[Check, ...] = (
    Check("claimants-exist", N_("Every claimant is defined in claims/claimants.yaml."), claimants_exist),
    Check("sides-exist", N_("Every claimant's side is one of the sides listed in claims/claimants.yaml."), sides_exist),
    Check("one-passage-per-source", N_("A claim cites each source once."), one_passage_per_source),
    Check(
        "figures-consistent",
        N_("A figure's measure exists, its range is in order, and 'unquantified' goes with a number in words."),
        figures_consistent,
    ),
    Check("contradictions-exist", N_("A claim contradicts only other claims that exist."), contradictions_exist),
    Check(
        "origin-records-exist", N_("A source's recorded origin names other sources that exist."), origin_records_exist
    ),
    Check(
        "places-name-events",
        N_("Every event is in claims/places.yaml once: on the map at a place, or listed as unmapped with the reason."),
        places_name_events,
    ),
)


def run(loaded: Loaded) -> Iterator[Issue]:
    for check in CHECKS:
        yield from check.check(loaded)
