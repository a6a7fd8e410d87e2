"""The validator: reads claims/, checks everything, builds the Corpus.

Each check appends to one :class:`Problems` list and carries on, so an
editor sees every problem of a run at once.  Order of work:

1. find the record files (and refuse misplaced, misnamed or linked ones);
2. load each one as safe YAML with positions (:mod:`tooling.yamlfile`);
3. check it against its part of the JSON Schema (:data:`SCHEMA_PATH`);
4. build records from the files that passed;
5. cross-record checks: duplicate ids, references, source texts and their
   checksums, verbatim quotes, furniture ranges, dates, and each rating's rule.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import os
import re
import shlex
from pathlib import Path

from .integrity import Loaded
from .integrity import run as integrity_checks
from .memo import Memo
from .origins import Declared
from .problems import PLACEHOLDER, RECORDS, ROOT_CAUSE, RULES, Problems, display_path, shorten
from .quotes import first_difference, fold
from .records import (
    Change,
    Citation,
    Claim,
    Claimant,
    Corpus,
    Correction,
    Event,
    Figure,
    Furniture,
    InferredDate,
    Measure,
    Period,
    Place,
    Retraction,
    Side,
    Source,
    Unmapped,
)
from .schema_check import SCHEMA_PATH, SchemaReport, place, whole_file_ok
from .yamlfile import ParseCache, YamlDoc, load_yaml

__all__ = ["SCHEMA_PATH", "MAX_TEXT_BYTES", "check"]

MAX_TEXT_BYTES = 2_000_000  # a captured article is a few KB
# Ids that would give a record the address of a page the site writes itself
# (events/index.html is the list of events); a test checks that every list
# page the Sphinx domain names is covered (tests/test_validate.py).
RESERVED_IDS = frozenset({"index"})


def check(
    claims_dir: Path,
    root: Path | None = None,
    base: dict[str, Claim] | None = None,
    cache: Path | None = None,
) -> tuple[Corpus, Problems]:
    """Validate everything under ``claims_dir``; return the records and the problems.

    With ``base`` (the published claims by id, :func:`tooling.corrections.load_base`),
    also refuse published changes that the corrections logs do not record.
    With ``cache`` (a file in a build folder), files whose bytes are unchanged
    since the last run are not parsed again (:class:`tooling.yamlfile.ParseCache`).
    """
    # Loading allocates hundreds of thousands of small objects and creates no
    # reference cycles; the cyclic collector would rescan the growing heap
    # again and again (a third of the time at 20,000 claims).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        parsed = ParseCache(cache, _parse_version()) if cache is not None else None
        checker = _Checker(claims_dir, root if root is not None else claims_dir.parent, base, parsed)
        corpus, problems = checker.run()
        if parsed is not None:
            if not problems:
                # Every build needs the origin groups: measured now, they are kept with the rest.
                corpus.origins  # noqa: B018 - computes the cached_property
            parsed.save(corpus.memo.now)
        return corpus, problems
    finally:
        if was_enabled:
            gc.enable()


def _parse_version() -> str:
    """Changes whenever the code or schema behind a parsed, checked file changes."""
    import sys

    import yaml

    from . import schema_check, yamlfile

    h = hashlib.blake2b(f"{sys.version}|{yaml.__version__}".encode(), digest_size=16)
    for path in (Path(yamlfile.__file__), Path(schema_check.__file__), SCHEMA_PATH):
        h.update(path.read_bytes())
    return h.hexdigest()


def _locate(raw: str, start: tuple[int, int], value: str, offset: int) -> tuple[int, int]:
    """The line and column, in the file, of ``value[offset:]``: a folded or quoted block
    loses its line breaks, so the place is found by the words that start there."""
    lines = raw.split("\n")
    line, col = start
    begin = sum(len(x) + 1 for x in lines[: line - 1]) + col - 1
    words = [re.escape(w) for w in value[offset:].split()[:4]]
    if offset == 0 or not words:
        return line, col
    m = re.compile(r"\s+".join(words)).search(raw, begin)
    if m is None:
        return line, col
    at = raw.rfind("\n", 0, m.start()) + 1
    return raw.count("\n", 0, m.start()) + 1, m.start() - at + 1


class _Checker:
    def __init__(
        self, claims_dir: Path, root: Path, base: dict[str, Claim] | None = None, parsed: ParseCache | None = None
    ):
        self.base = base
        self.parsed = parsed
        self.dir = claims_dir
        self.root = root
        self.problems = Problems()
        self.corpus = Corpus(root=claims_dir, memo=Memo(parsed.derived if parsed is not None else None))
        self.failed_kinds: set[str] = set()  # kinds with a file that could not be read
        # id -> (display path, line, col) of the first definition, per kind
        self.defined: dict[str, dict[str, tuple[str, int, int]]] = {
            "source": {},
            "event": {},
            "claim": {},
            "claimant": {},
            "side": {},
            "measure": {},
            "place": {},
        }
        self.claim_docs: dict[str, tuple[YamlDoc, tuple]] = {}
        self.claimants_doc: YamlDoc | None = None  # claimants.yaml, for the checks on sides
        self.reader_docs: list[tuple[YamlDoc, Path, str]] = []  # every file read, for the house style
        self.schema = SchemaReport(self.problems)

    # -- helpers ---------------------------------------------------------
    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def at(self, doc: YamlDoc, path: tuple, message: str, key: bool = False, rank: int | None = None) -> None:
        place(self.problems, doc, path, message, key, rank)

    def schema_ok(self, doc: YamlDoc, kind: str, data=None, prefix: tuple = ()) -> bool:
        return self.schema.ok(doc, kind, data, prefix)

    # -- 1. files ----------------------------------------------------------
    def links(self) -> None:
        """No symbolic link anywhere under claims/: a link could publish a file from outside the repository."""
        if self.dir.is_symlink():
            self.problems.add(
                self.shown(self.dir),
                1,
                1,
                rank=ROOT_CAUSE,
                message="the claims folder is a symbolic link; keep the records in a real folder of the repository",
            )
        for folder, dirs, files in os.walk(self.dir, followlinks=False):
            for name in sorted(dirs + files):
                path = Path(folder) / name
                if path.is_symlink():
                    self.problems.add(
                        self.shown(path),
                        1,
                        1,
                        rank=ROOT_CAUSE,
                        message="is a symbolic link; everything under claims/ must be a regular file or "
                        "folder of the repository (copy it in instead)",
                    )

    def files(self, pattern_dir: Path, kind: str) -> list[Path]:
        if not pattern_dir.is_dir():
            self.problems.add(
                self.shown(pattern_dir),
                1,
                1,
                rank=ROOT_CAUSE,
                message=f"folder is missing; create {self.shown(pattern_dir)}/ for {kind} records",
            )
            return []
        found = []
        for path in sorted(pattern_dir.iterdir()):
            if path.name.startswith(".") or path.suffix == ".txt":
                continue
            if path.suffix in (".yml", ".json") or (path.suffix != ".yaml" and path.is_file()):
                self.problems.add(
                    self.shown(path),
                    1,
                    1,
                    rank=ROOT_CAUSE,
                    message=f"unexpected file; {kind} records are .yaml files (rename it to {path.stem}.yaml, or move it out of claims/)",
                )
                continue
            if path.is_symlink():
                continue  # reported by links()
            if path.is_dir():
                self.problems.add(
                    self.shown(path),
                    1,
                    1,
                    rank=ROOT_CAUSE,
                    message=f"unexpected folder; {kind} records live directly in {self.shown(pattern_dir)}/",
                )
                continue
            found.append(path)
        return found

    PLACEHOLDER = PLACEHOLDER

    def placeholders(self, doc: YamlDoc, path: Path) -> None:
        """A skeleton's REPLACE: lines must all be filled in before the record can be published."""
        if self.PLACEHOLDER.encode() not in path.read_bytes():
            return  # the common case: nothing to look for (the file is in the OS cache)

        def walk(value, path):
            if isinstance(value, str) and self.PLACEHOLDER in value:
                self.at(
                    doc,
                    path,
                    f"'{self.PLACEHOLDER}' placeholder left in {'.'.join(map(str, path)) or 'the file'}; "
                    + (
                        "choose one of the values it lists and write it alone"
                        if "one of" in value
                        else "write the real text in its place (the skeleton marks what to fill in)"
                    ),
                )
            elif isinstance(value, dict):
                for k, v in value.items():
                    walk(v, path + (k,))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, path + (i,))

        walk(doc.data, ())

    def load(self, path: Path, kind: str) -> YamlDoc | None:
        doc = load_yaml(path, self.shown(path), self.problems, self.parsed)
        if doc is not None:
            self.placeholders(doc, path)
        if doc is None:
            self.failed_kinds.add(kind)
            return None
        if not self.schema_ok(doc, kind):
            self.failed_kinds.add(kind)
            return None
        self.reader_docs.append((doc, path, kind))
        return doc

    # -- 2-4. per kind -------------------------------------------------------
    def define(self, kind: str, rid: str, doc: YamlDoc, path: tuple) -> bool:
        """Register an id; report a duplicate at the second place. True if new."""
        line, col = doc.pos(path)
        if rid in RESERVED_IDS:
            self.problems.add(
                doc.path,
                line,
                col,
                f"'{rid}' is the address of one of the site's own pages (the list of each kind of record); "
                f"choose another {kind} id",
            )
            return False
        first = self.defined[kind].get(rid)
        if first:
            self.problems.add(
                doc.path,
                line,
                col,
                f"duplicate {kind} id '{rid}' (first defined at {first[0]}:{first[1]}:{first[2]}); give this one a different id",
            )
            return False
        self.defined[kind][rid] = (doc.path, line, col)
        return True

    def load_list_file(self, name: str, kind: str, key: str) -> tuple[YamlDoc | None, Path]:
        path = self.dir / name
        if not path.exists():
            self.problems.add(self.shown(path), 1, 1, f"file is missing; create it with a '{key}:' list")
            self.failed_kinds.add(kind)
            return None, path
        return self.load(path, key), path

    def read_list(self, name: str, kind: str, key: str, store: dict, make) -> Path:
        """claimants.yaml and measures.yaml: a list of records under one key."""
        doc, path = self.load_list_file(name, kind, key)
        if doc is not None:
            for i, item in enumerate(doc.data[key]):
                if self.define(kind, item["id"], doc, (key, i, "id")):
                    store[item["id"]] = make(item)
        return path

    def read_claimants(self) -> None:
        """claimants.yaml: the sides, then the claimants (each on one side)."""
        doc, self.corpus.claimants_path = self.load_list_file("claimants.yaml", "claimant", "claimants")
        self.claimants_doc = doc
        if doc is None:
            return
        for i, item in enumerate(doc.data["sides"]):
            if self.define("side", item["id"], doc, ("sides", i, "id")):
                self.corpus.sides[item["id"]] = Side(item["id"], item["name"], item["about"])
        for i, d in enumerate(doc.data["claimants"]):
            if self.define("claimant", d["id"], doc, ("claimants", i, "id")):
                self.corpus.claimants[d["id"]] = Claimant(
                    d["id"], d["name"], d["kind"], d["side"], d["description"], d.get("side_inference"), d.get("note")
                )

    def read_measures(self) -> None:
        self.corpus.measures_path = self.read_list(
            "measures.yaml",
            "measure",
            "measures",
            self.corpus.measures,
            lambda d: Measure(d["id"], d["label"], d["counts"], d.get("note"), bool(d.get("key", False))),
        )

    def read_batches(self) -> None:
        """claims/corrections.yaml (optional): each day's corrections summed up for readers."""
        path = self.dir / "corrections.yaml"
        if not path.exists():
            return
        self.corpus.batches_path = path
        doc = self.load(path, "batches")
        if doc is None:
            return
        for i, item in enumerate(doc.data["batches"]):
            if item["date"] in self.corpus.batches:
                self.at(doc, ("batches", i, "date"), f"a second summary for {item['date']}; keep one a day")
                continue
            self.check_date(doc, ("batches", i, "date"), item["date"])
            self.corpus.batches[item["date"]] = item["summary"]

    def read_places(self) -> None:
        """claims/places.yaml, if there is one: the map's points and the events it leaves off."""
        path = self.dir / "places.yaml"
        if not path.exists():
            return  # a site without a map
        self.corpus.places_path = path
        doc = self.load(path, "places")
        if doc is None:
            return
        self.places_doc = doc
        for i, item in enumerate(doc.data["places"]):
            if self.define("place", item["id"], doc, ("places", i, "id")):
                self.corpus.places[item["id"]] = Place(
                    item["id"],
                    item["name"],
                    float(item["latitude"]),
                    float(item["longitude"]),
                    item["basis"],
                    tuple(item["events"]),
                    item.get("note"),
                )
        for item in doc.data.get("unmapped", []):
            self.corpus.unmapped.setdefault(item["event"], Unmapped(item["event"], item["reason"]))

    def read_sources(self) -> None:
        folder = self.dir / "sources"
        for path in self.files(folder, "source"):
            doc = self.load(path, "source")
            if doc is None:
                continue
            d = doc.data
            if not self.define("source", d["id"], doc, ("id",)):
                continue
            text = self.read_text(doc, folder)
            if text is None:
                continue
            furniture = []
            line_count = text.count("\n") + 1
            for i, f in enumerate(d.get("furniture", [])):
                first, last = f["lines"]
                if first > last or last > line_count:
                    self.at(
                        doc,
                        ("furniture", i, "lines"),
                        f"furniture lines [{first}, {last}] do not fit the text, which has {line_count} lines; give [first, last] with first <= last <= {line_count}",
                    )
                    continue
                for other in furniture:
                    if first <= other.last and other.first <= last:
                        self.at(
                            doc,
                            ("furniture", i, "lines"),
                            f"furniture lines [{first}, {last}] overlap [{other.first}, {other.last}]; merge or split the ranges",
                        )
                furniture.append(Furniture(first, last, f["kind"], f.get("note")))
            self.corpus.sources[d["id"]] = Source(
                id=d["id"],
                label=d["label"],
                title=d["title"],
                publisher=d["publisher"],
                publisher_basis=d.get("publisher_basis"),
                url=d["url"],
                published=d["published"],
                retrieved=d["retrieved"],
                language=d["language"],
                text_name=d["text"],
                sha256=d["sha256"],
                furniture=furniture,
                note=d.get("note"),
                yaml_path=path,
                text_path=folder / d["text"],
                text=text,
                not_recorded={x["term"]: x["reason"] for x in d.get("not_recorded", [])},
                declared_origin=Declared(
                    tuple(d.get("origin", {}).get("same_as", ())),
                    tuple(d.get("origin", {}).get("independent_of", ())),
                    d.get("origin", {}).get("basis", ""),
                ),
            )
            self.source_docs[d["id"]] = doc
            for i, x in enumerate(d.get("not_recorded", [])):
                if x["term"].casefold() not in text.casefold():
                    self.at(
                        doc,
                        ("not_recorded", i, "term"),
                        f"'{x['term']}' does not occur in {d['text']}; remove the entry or copy the term as the text writes it",
                    )
            for key in ("published", "retrieved"):
                if d[key] is not None:
                    self.check_date(doc, (key,), d[key])

    def read_text(self, doc: YamlDoc, folder: Path) -> str | None:
        name = doc.data["text"]
        path = folder / name
        # The schema forbids '/' in the name; resolve anyway, so that a link
        # cannot make the build read a file outside claims/.
        if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
            self.at(
                doc,
                ("text",),
                f"text file '{name}' is a link or lies outside {self.shown(folder)}/; put the captured file itself beside this YAML file",
                rank=ROOT_CAUSE,
            )
            return None
        if not path.is_file():
            self.at(
                doc,
                ("text",),
                f"text file '{name}' not found beside {doc.path}; copy the captured text there byte for byte, keeping its file name",
                rank=ROOT_CAUSE,
            )
            return None
        raw = path.read_bytes()
        if len(raw) > MAX_TEXT_BYTES:
            self.at(
                doc,
                ("text",),
                f"text file '{name}' is {len(raw):,} bytes, over the limit of {MAX_TEXT_BYTES:,}; a source is one article",
                rank=ROOT_CAUSE,
            )
            return None
        digest = hashlib.sha256(raw).hexdigest()
        if digest != doc.data["sha256"]:
            self.at(
                doc,
                ("sha256",),
                f"text file '{name}' has SHA-256 {digest}, not the recorded one; source texts are verbatim captures and are never edited (restore the file, or record a new capture as a new source)",
                rank=ROOT_CAUSE,
            )
            return None
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.at(
                doc,
                ("text",),
                f"text file '{name}' is not UTF-8 (byte {exc.start}); convert the capture to UTF-8 and record it as a new source",
                rank=ROOT_CAUSE,
            )
            return None

    def check_date(self, doc: YamlDoc, path: tuple, value: str) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.at(doc, path, f"'{value}' is not a real date; write YYYY-MM-DD")
            return None

    def read_events(self) -> None:
        folder = self.dir / "events"
        for path in self.files(folder, "event"):
            doc = load_yaml(path, self.shown(path), self.problems, self.parsed)
            if doc is None:
                self.failed_kinds.update(("event", "claim"))
                continue
            self.placeholders(doc, path)
            d = doc.data
            all_ok = whole_file_ok(doc, "event")
            shell_ok = all_ok or self.schema_ok(doc, "event-shell")
            if all_ok:
                self.reader_docs.append((doc, path, "event"))
            if not shell_ok:
                self.failed_kinds.add("event")
                if not isinstance(d, dict) or not isinstance(d.get("claims"), list):
                    self.failed_kinds.add("claim")
                    continue
            good_claims = []
            for i, c in enumerate(d["claims"]):
                if all_ok or self.schema_ok(doc, "claim", c, ("claims", i)):
                    good_claims.append((i, c))
                    continue
                self.failed_kinds.add("claim")
                if isinstance(c, dict) and isinstance(c.get("id"), str):
                    self.unreadable_claims.add(c["id"])
                # Still check the quotes of a claim whose other fields are wrong.
                for j, x in enumerate(c.get("citations", []) if isinstance(c, dict) else []):
                    if isinstance(x, dict) and isinstance(x.get("source"), str) and isinstance(x.get("quote"), str):
                        self.loose_citations.append(
                            (doc, ("claims", i, "citations", j), Citation(x["source"], x["quote"]))
                        )
            event_id = d["id"] if shell_ok else path.stem
            if shell_ok and d["id"] != path.stem:
                self.at(
                    doc,
                    ("id",),
                    f"event id '{d['id']}' does not match the file name '{path.name}'; rename the file to {d['id']}.yaml or change the id (the id is the page address)",
                )
            if shell_ok and not self.define("event", d["id"], doc, ("id",)):
                continue
            if not shell_ok and d.get("id") == path.stem:
                # Known, so that what names it (places.yaml, contradictions) is not called unknown
                # because of an error elsewhere in the file (reported there).
                self.define("event", path.stem, doc, ("id",))
            claims = []
            for i, c in enumerate(good_claims):
                i, c = c
                if not self.define("claim", c["id"], doc, ("claims", i, "id")):
                    continue
                self.claim_docs[c["id"]] = (doc, ("claims", i))
                figure = None
                if "figure" in c:
                    f = c["figure"]
                    figure = Figure(
                        measure=f["measure"],
                        qualifier=f["qualifier"],
                        unit=f["unit"],
                        scope=f["scope"],
                        as_of=f["as_of"],
                        value=f.get("value"),
                        min=f.get("min"),
                        max=f.get("max"),
                        amount_text=f.get("amount_text"),
                    )
                claims.append(
                    Claim(
                        id=c["id"],
                        text=c["text"],
                        claimant=c["claimant"],
                        citations=[Citation(x["source"], x["quote"]) for x in c["citations"]],
                        rating=c["rating"],
                        rationale=c["rationale"],
                        event=event_id,
                        figure=figure,
                        contradicts=list(c.get("contradicts", [])),
                        note=c.get("note"),
                        published=c["published"],
                        corrections=tuple(
                            Correction(
                                x["date"],
                                tuple(Change(y["field"], y["old"], y["new"]) for y in x["changes"]),
                                x["reason"],
                                x.get("editors_note"),
                            )
                            for x in c.get("corrections", [])
                        ),
                        retracted=Retraction(c["retracted"]["date"], c["retracted"]["reason"])
                        if "retracted" in c
                        else None,
                    )
                )
                self.check_date(doc, ("claims", i, "published"), c["published"])
                for k, x in enumerate(c.get("corrections", [])):
                    self.check_date(doc, ("claims", i, "corrections", k, "date"), x["date"])
                if "retracted" in c:
                    self.check_date(doc, ("claims", i, "retracted", "date"), c["retracted"]["date"])
            if not shell_ok:
                # The event itself is not built, but its good claims are still
                # checked against sources, claimants and each other.
                self.orphan_claims.extend(claims)
                self.unreadable_claims.update(x.id for x in claims)
                continue
            inferred = None
            if d["date"]["inferred"] is not None:
                inf = d["date"]["inferred"]
                start = self.check_date(doc, ("date", "inferred", "start"), inf["start"])
                end = self.check_date(doc, ("date", "inferred", "end"), inf["end"])
                if start and end and start > end:
                    self.at(
                        doc,
                        ("date", "inferred", "end"),
                        f"inferred end {inf['end']} is before start {inf['start']}; swap them",
                    )
                inferred = InferredDate(inf["start"], inf["end"], inf["basis"])
            event = Event(
                id=d["id"],
                title=d["title"],
                kind=d["kind"],
                reported_dates=[Citation(x["source"], x["quote"]) for x in d["date"]["reported"]],
                inferred_date=inferred,
                place=d["place"],
                summary=d["summary"],
                claims=claims,
                note=d.get("note"),
                yaml_path=path,
                period=Period(d["period"]["phase"], d["period"]["basis"]) if "period" in d else None,
            )
            self.corpus.events[event.id] = event
            self.event_docs[event.id] = doc

    # -- 5. cross-record checks --------------------------------------------------
    def missing(self, kind: str, rid: str, where: str) -> str:
        return self.loaded().missing(kind, rid, where)

    def loaded(self) -> Loaded:
        return Loaded(
            self.corpus,
            self.defined,
            self.failed_kinds,
            self.claim_docs,
            self.source_docs,
            self.orphan_claims,
            self.claimants_doc,
            self.event_docs,
            self.places_doc,
        )

    def check_citation(self, doc: YamlDoc, path: tuple, cit: Citation) -> None:
        source = self.corpus.sources.get(cit.source)
        if source is None:
            if cit.source not in self.defined["source"]:
                self.at(doc, path + ("source",), self.missing("source", cit.source, "claims/sources/"))
            return
        spans = source.folded.find(cit.quote)
        if not spans:
            closest = source.folded.closest(cit.quote)
            at = first_difference(cit.quote, closest)
            folded_quote = fold(cit.quote)
            self.at(
                doc,
                path + ("quote",),
                f"quote not found verbatim in source '{cit.source}' ({source.text_name}); "
                f"it first differs at character {at + 1} ('{folded_quote[at : at + 20]}'). "
                f'Closest passage: "{shorten(closest, 120)}". Copy the words exactly as the source writes them '
                "(only whitespace may differ); to find them: "
                f"tooling/run quote {cit.source} {shlex.quote(' '.join(re.findall(r'[A-Za-z0-9]+', cit.quote)[:8]) or 'a few words')}",
            )
            return
        # Prefer an occurrence wholly in the article, from its first line to its last.
        for start, end in spans:  # noqa: B007 - the span found is used after the loop
            line = source.line_of(start)
            furniture = source.furniture_between(line, source.line_of(max(start, end - 1)))
            if furniture is None:
                break
        else:
            start, end = spans[0]
            line = source.line_of(start)
            where = (
                f"lines {furniture.first}–{furniture.last}"
                if furniture.first != furniture.last
                else f"line {furniture.first}"
            )
            what = f"page furniture ({furniture.kind}{': ' + furniture.note if furniture.note else ''}, {where})"
            if source.furniture_at(line) is furniture:
                message = f"quote is in {what} of source '{cit.source}', not in the article; cite the article text"
            else:
                message = (
                    f"quote starts in the article (line {line}) but runs into {what} of source '{cit.source}'; "
                    "end the quote where the article's text ends"
                )
            self.at(doc, path + ("quote",), message)
        cit.start, cit.end, cit.line = start, end, line

    def locate_quotes(self) -> None:
        """Every quote found in its source's text (its span and line recorded), or reported."""
        c = self.corpus
        for event in c.events.values():
            doc = self.event_docs[event.id]
            for i, cit in enumerate(event.reported_dates):
                self.check_citation(doc, ("date", "reported", i), cit)
        for doc, path, cit in self.loose_citations:
            self.check_citation(doc, path, cit)
        for claim in list(c.claims.values()) + self.orphan_claims:
            doc, path = self.claim_docs[claim.id]
            for i, cit in enumerate(claim.citations):
                self.check_citation(doc, path + ("citations", i), cit)

    def integrity(self) -> None:
        """Every check of :data:`tooling.integrity.CHECKS`, placed at its value."""
        for issue in integrity_checks(self.loaded()):
            self.at(issue.doc, issue.path, issue.message)

    def reader_style(self) -> None:
        """The house style (claims/style.yaml) and the reference rules, on every field readers read.

        Each problem is placed at the line of the sentence it is about, inside a folded block."""
        from .prose import Style, StyleChecker, glossary_terms, walk_reader_text

        style = Style()
        path = self.dir / "style.yaml"
        if path.exists():
            doc = load_yaml(path, self.shown(path), self.problems, self.parsed)
            if doc is None or not self.schema_ok(doc, "style"):
                return  # the style file's own problems are reported; the texts are judged once it reads
            style = Style.of(doc.data)
        if self.failed_kinds:
            return  # references are judged against complete records only
        checker = StyleChecker(self.corpus, style, glossary_terms(self.root))
        self.problems.rank = RULES
        try:
            for doc, path, kind in self.reader_docs:
                raw = None
                for where, key, value, shown_plain in walk_reader_text(doc.data, kind):
                    for problem in checker.check(value, key, shown_plain):
                        if raw is None:
                            raw = path.read_text(encoding="utf-8")
                        line, col = _locate(raw, doc.pos(where), value, problem.offset)
                        self.problems.add(doc.path, line, col, problem.message)
        finally:
            self.problems.rank = RECORDS

    def corrections_logged(self) -> None:
        """Published claims change only with a corrections entry (FACTCHECK_BASE)."""
        from .corrections import compare

        self.problems.rank = RULES
        for m in compare(self.base, self.corpus):
            if m.claim in self.claim_docs:
                doc, path = self.claim_docs[m.claim]
                self.at(doc, path + ((m.field,) if m.field else ("id",)), m.message)
                continue
            event = self.base[m.claim].event
            where = (
                self.corpus.events[event].yaml_path
                if event in self.corpus.events
                else self.dir / "events" / f"{event}.yaml"
            )
            self.problems.add(self.shown(where), 1, 1, m.message)
        self.problems.rank = RECORDS

    def editorial_rules(self) -> None:
        """Every rule of :data:`tooling.rules.RULES`, placed at the claim's field."""
        from .rules import run

        self.problems.rank = RULES
        try:
            self._editorial_rules(run)
        finally:
            self.problems.rank = RECORDS

    def _editorial_rules(self, run) -> None:
        c = self.corpus

        def complete(claim: Claim) -> bool:
            # Judged only when everything it rests on was read: a claim whose
            # source or contradicting claim has errors above would draw
            # consequences of those errors, not problems of its own.
            return (
                all(x.source in c.sources for x in claim.citations)
                and not any(o in self.unreadable_claims for o in claim.contradicts)
                and claim.claimant in c.claimants
            )

        for finding in run(c):
            if finding.kind == "event":
                if finding.claim in self.event_docs:
                    self.at(self.event_docs[finding.claim], (finding.field,), finding.message)
                continue
            if finding.kind == "source":
                # "Not recorded" is judged against what the records quote; with
                # records or quotes unreadable it would only echo those errors.
                unread = self.failed_kinds & {"claim", "event"} or any(
                    x.start < 0 for cl in c.claims.values() for x in cl.citations if x.source == finding.claim
                )
                if unread:
                    continue
                if finding.text_at is not None:
                    line, col = finding.text_at
                    self.problems.add(self.shown(c.sources[finding.claim].text_path), line, col, finding.message)
                else:
                    self.at(self.source_docs[finding.claim], (finding.field,), finding.message)
                continue
            if not complete(c.claims[finding.claim]):
                continue
            doc, path = self.claim_docs[finding.claim]
            field_path = tuple(int(p) if p.isdigit() else p for p in finding.field.split("."))
            self.at(doc, path + field_path, finding.message)

    def run(self) -> tuple[Corpus, Problems]:
        self.event_docs: dict[str, YamlDoc] = {}
        self.source_docs: dict[str, YamlDoc] = {}
        self.unreadable_claims: set[str] = set()  # claims with schema errors, or in an event with them
        self.loose_citations: list[tuple[YamlDoc, tuple, Citation]] = []
        self.orphan_claims: list[Claim] = []
        self.places_doc: YamlDoc | None = None
        if not self.dir.is_dir():
            self.problems.add(
                self.shown(self.dir), 1, 1, "claims folder not found; run from the project root or pass --claims DIR"
            )
            return self.corpus, self.problems
        self.links()
        self.read_claimants()
        self.read_measures()
        self.read_sources()
        self.read_events()
        self.read_places()
        self.read_batches()
        self.locate_quotes()
        self.integrity()
        self.reader_style()
        self.editorial_rules()
        if self.base is not None and not self.failed_kinds & {"event", "claim"}:
            # A claim that could not be read would look removed.
            self.corrections_logged()
        return self.corpus, self.problems
