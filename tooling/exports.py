"""The records as data: claims.json (with its schema), claims.csv, figures.csv and the change
list changes.json (with its schema), the codebook of the CSV columns, and reading them back.

``claims.json`` holds every record (sources with their full text, events,
claims, figures, claimants, measures), the origin groups and the schema
version.  Its shape is the records' dataclasses (:mod:`tooling.shapes`), and
so is its published schema, ``claims.schema.json``: a field added to a record
is in the export and in the schema at once.  ``figures.csv`` is the
contested-figures table as rows.  Both are written by the Sphinx build
(``build-finished``) and re-import into the same records (see the tests).
Output is deterministic: sorted, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .records import SCHEMA_VERSION, Claimant, Event, Figure, Measure, Source
from .shapes import from_plain, schema_of, to_plain
from .translations import SHOWN


@dataclass(frozen=True)
class Column:
    """One column of a CSV export, as the codebook page explains it."""

    name: str
    type: str  # in readers' words: text, whole number, number, date, list
    meaning: str
    # A JSON pointer into the records' schema (records.schema.json) whose enum lists the
    # allowed values: the codebook shows the schema's list, so they cannot drift apart.
    schema: str | None = None


RATING = "#/$defs/claim/properties/rating"
QUALIFIER = "#/$defs/figure/properties/qualifier"
LIST = "list (ids separated by “; ”)"

# Each edition publishes its own files (the Arabic one under /ar/data/); a row says its words' language.
LANGUAGE = (
    "The language of the row's words (event title, claim text, names, measure label): “en”; in the "
    "Arabic edition's files (under /ar/), “ar”, or “en” where the claim's text is not translated yet."
)

FIGURE_CODEBOOK = [
    Column("measure", "text", "What the figure counts: the id of a measure (its figures are compared side by side)."),
    Column("measure_label", "text", "The measure's name, as on the figures page."),
    Column("claim_id", "text", "The claim that reports the figure (its id, stable: part of its address)."),
    Column("event_id", "text", "The event the claim belongs to."),
    Column("claimant_id", "text", "Who reports the figure (the id of a claimant)."),
    Column("claimant", "text", "The claimant's name."),
    Column("source_id", "text", "The source this row's quote is from (a claim cited by two sources has two rows)."),
    Column("source_line", "whole number", "The line of the source's text where the quote starts."),
    Column("qualifier", "text", "How the number is bounded (a range is given by min and max).", QUALIFIER),
    Column("value", "number", "The number reported; empty for a range or a number in words."),
    Column("min", "number", "The low end of a range; empty otherwise."),
    Column("max", "number", "The high end of a range; empty otherwise."),
    Column("amount_text", "text", "A number given only in words (“dozens”, “millions”); empty otherwise."),
    Column("unit", "text", "What is counted (people, civilians, strikes), in the editors' words."),
    Column("scope", "text", "Where, who or what the number covers, in the editors' words from the source's."),
    Column("as_of", "text", "The time the number refers to, as the source gives it; empty when not stated."),
    Column("display", "text", "The figure as the site shows it (“at least 15 people”)."),
    Column("rating", "text", "The claim's rating.", RATING),
    Column("quote", "text", "The source's words, verbatim."),
    Column("quote_language", "text", "The language of the quote: the source's own (a BCP 47 code, “en”)."),
    Column("language", "text", LANGUAGE),
]
FIGURE_COLUMNS = [c.name for c in FIGURE_CODEBOOK]

CLAIM_CODEBOOK = [
    Column("claim_id", "text", "The claim's id: stable, part of its address."),
    Column("event_id", "text", "The event the claim belongs to."),
    Column("event_title", "text", "The event's title, as on its page."),
    Column("text", "text", "The claim in the site's words, attributed to whoever makes it."),
    Column("claimant_id", "text", "Who makes the claim (the id of a claimant)."),
    Column("claimant", "text", "The claimant's name."),
    Column("side_id", "text", "The side the claimant speaks for (an id); empty when none is recorded."),
    Column("side", "text", "That side's name."),
    Column("rating", "text", "What the sources support, on the site's rating scale.", RATING),
    Column(
        "figure",
        "text",
        "The number or amount the claim reports (“at least 15 people”, “several civilians”), as the site shows it; empty when it reports none.",
    ),
    Column("measure", "text", "What that number counts (a measure id); empty without a figure."),
    Column("published", "date", "The day the claim was first published (YYYY-MM-DD)."),
    Column("updated", "date", "The day of its latest correction or retraction; empty if it never changed."),
    Column("retracted", "date", "The day it was retracted; empty if it stands. A retracted claim stays listed."),
    Column("sources", LIST, "The sources the claim cites, by id."),
    Column("source_names", "list (names separated by “; ”)", "The same sources by the short names the site shows."),
    Column(
        "origins",
        "whole number",
        "How many independent origins those sources are: sources that retell one text count once.",
    ),
    Column(
        "address",
        "text",
        "The claim on the site: its event page and anchor; absolute when the site's address is set, "
        "otherwise relative to the site's root.",
    ),
    Column("language", "text", LANGUAGE),
]
CLAIM_COLUMNS = [c.name for c in CLAIM_CODEBOOK]

CODEBOOKS = {"claims.csv": CLAIM_CODEBOOK, "figures.csv": FIGURE_CODEBOOK}


def allowed_values(column: Column, schema: dict) -> list[str]:
    """The values the records' schema allows in a column, when it lists them."""
    if column.schema is None:
        return []
    node = schema
    for part in column.schema.removeprefix("#/").split("/"):
        node = node[part]
    return list(node.get("enum", []))


@dataclass
class ClaimsExport:
    """Every record of the fact-check site, as published in claims.json."""

    schema_version: str
    sources: list[Source]
    events: list[Event]
    claimants: list[Claimant]
    measures: list[Measure]
    origin_groups: list[list[str]]  # sources that retell one text; independent sources stand alone
    language: str = "en"  # the edition's: its texts are in this language where translated (quotes never are)


def _number(v):
    return None if v is None else (int(v) if float(v).is_integer() else v)


def export(corpus) -> ClaimsExport:
    return ClaimsExport(
        schema_version=SCHEMA_VERSION,
        sources=sorted(corpus.sources.values(), key=lambda s: s.id),
        events=sorted(corpus.events.values(), key=lambda e: e.id),
        claimants=sorted(corpus.claimants.values(), key=lambda c: c.id),
        measures=sorted(corpus.measures.values(), key=lambda m: m.id),
        origin_groups=sorted(sorted(g) for g in {corpus.origins.members(s) for s in corpus.sources}),
        language=corpus.translations.lang if getattr(corpus, "translations", None) else "en",
    )


def text_language(corpus, claim) -> str:
    """The language a claim's text is shown in: the edition's where translated, else English."""
    translations = getattr(corpus, "translations", None)
    if translations is None:
        return "en"
    shown = translations.of(corpus.events[claim.event].yaml_path, f"claims/{claim.id}/text") in SHOWN
    return translations.lang if shown else "en"


def to_json(corpus) -> str:
    # Compact: json's C encoder (an indent would make it the pure-Python one, ten times slower).
    # allow_nan=False: JSON has no Infinity or NaN (the validator refuses them; this is the last guard).
    plain = to_plain(export(corpus))
    return json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"


def from_json(text: str) -> ClaimsExport:
    return from_plain(ClaimsExport, json.loads(text))


def export_schema() -> dict:
    """The JSON Schema of claims.json, from the same dataclasses."""
    defs: dict = {}
    root = schema_of(ClaimsExport, defs)
    defs["ClaimsExport"]["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claims.json: the fact-check records",
        **root,
        "$defs": defs,
    }


def events_from_json(text: str) -> list[Event]:
    return from_json(text).events


def claimants_from_json(text: str) -> list[Claimant]:
    return from_json(text).claimants


def measures_from_json(text: str) -> list[Measure]:
    return from_json(text).measures


def figure_rows(corpus) -> list[dict]:
    rows = []
    for measure_id, claims in sorted(corpus.figures_by_measure().items()):
        for c in claims:
            f = c.figure
            for cit in c.citations:
                rows.append(
                    {
                        "measure": measure_id,
                        "measure_label": corpus.measures[measure_id].label,
                        "claim_id": c.id,
                        "event_id": c.event,
                        "claimant_id": c.claimant,
                        "claimant": corpus.claimants[c.claimant].name,
                        "source_id": cit.source,
                        "source_line": cit.line,
                        "qualifier": f.qualifier,
                        "value": _number(f.value),
                        "min": _number(f.min),
                        "max": _number(f.max),
                        "amount_text": f.amount_text,
                        "unit": f.unit,
                        "scope": f.scope,
                        "as_of": f.as_of,
                        "display": f.display(),
                        "rating": c.rating,
                        "quote": cit.quote,
                        "quote_language": corpus.sources[cit.source].language,
                        "language": text_language(corpus, c),
                    }
                )
    return rows


def claim_rows(corpus, address) -> list[dict]:
    """One row per claim, retracted ones included, in id order; ``address(claim)`` is its URL."""
    rows = []
    for c in sorted(corpus.claims.values(), key=lambda c: c.id):
        who = corpus.claimants.get(c.claimant)
        side = corpus.sides.get(who.side) if who and who.side else None
        sources = list(dict.fromkeys(x.source for x in c.citations))
        rows.append(
            {
                "claim_id": c.id,
                "event_id": c.event,
                "event_title": corpus.events[c.event].title,
                "text": c.text,
                "claimant_id": c.claimant,
                "claimant": who.name if who else c.claimant,
                "side_id": side.id if side else None,
                "side": side.name if side else None,
                "rating": c.rating,
                "figure": c.figure.display() if c.figure else None,
                "measure": c.figure.measure if c.figure else None,
                "published": c.published,
                "updated": c.updated,
                "retracted": c.retracted.date if c.retracted else None,
                "sources": "; ".join(sources),
                "source_names": "; ".join(corpus.sources[s].label if s in corpus.sources else s for s in sources),
                "origins": corpus.origins.group_count(s for s in sources if s in corpus.sources),
                "address": address(c),
                "language": text_language(corpus, c),
            }
        )
    return rows


def rows_csv(rows: list[dict], columns: list[str]) -> str:
    """Rows as CSV that a spreadsheet opens safely: numbers stay numbers, text is neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else csv_text(v) if isinstance(v, str) else v for k, v in row.items()})
    return out.getvalue()


def rows_json(rows: list[dict]) -> str:
    """The same rows as a JSON list (a filtered download: the JSON beside the CSV)."""
    return json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=0, allow_nan=False) + "\n"


def claims_from_csv(text: str) -> list[dict]:
    """claims.csv read back: every cell as the records hold it (the apostrophe guard undone)."""
    return [{k: from_csv_text(v) for k, v in raw.items()} for raw in csv.DictReader(io.StringIO(text))]


# -- the change list (data/changes.json) ----------------------------------------------


@dataclass
class FieldChange:
    """One field a correction changed: its published value and its new one, as recorded."""

    field: str  # rating, text, claimant, citations, figure or contradicts
    old: object
    new: object


@dataclass
class ChangeEntry:
    """One change to the published records: a claim published, corrected or retracted."""

    id: str  # stable and unique: claim/published, claim/corrected/N (the Nth correction), claim/retracted
    date: str  # YYYY-MM-DD: the records' own date (never the build's)
    kind: str  # "published", "corrected" or "retracted"
    claim_id: str
    event_id: str
    changes: list[FieldChange]  # for "corrected": each field changed, old and new; empty otherwise
    reason: str | None  # why, for a correction or a retraction, as readers read it
    address: str


@dataclass
class ChangeList:
    """Every change to the claims, newest first.  To sync: keep the entries dated on or after
    your last sync whose id you have not seen (dates are days; a day may hold several)."""

    schema_version: str
    changes: list[ChangeEntry]


CHANGE_KINDS = ("published", "corrected", "retracted")


def change_list(corpus, address, plain=lambda text: text) -> ChangeList:
    entries = []  # (date, claim, step in the claim's history, entry)
    for c in corpus.claims.values():
        url = address(c)
        history = [ChangeEntry(f"{c.id}/published", c.published, "published", c.id, c.event, [], None, url)]
        for n, k in enumerate(c.corrections, start=1):
            fields = [FieldChange(ch.field, ch.old, ch.new) for ch in k.changes]
            history.append(
                ChangeEntry(f"{c.id}/corrected/{n}", k.date, "corrected", c.id, c.event, fields, plain(k.reason), url)
            )
        if c.retracted:
            reason = plain(c.retracted.reason)
            history.append(
                ChangeEntry(f"{c.id}/retracted", c.retracted.date, "retracted", c.id, c.event, [], reason, url)
            )
        entries += [(e.date, c.id, step, e) for step, e in enumerate(history)]
    # Newest first: by date, and within a claim's day, its later steps first.
    entries.sort(key=lambda x: (x[1], -x[2]))
    entries.sort(key=lambda x: x[0], reverse=True)
    return ChangeList(SCHEMA_VERSION, [e for *_, e in entries])


def changes_json(corpus, address, plain=lambda text: text) -> str:
    plain_data = to_plain(change_list(corpus, address, plain))
    return json.dumps(plain_data, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False) + "\n"


def changes_schema() -> dict:
    defs: dict = {}
    root = schema_of(ChangeList, defs)
    defs["ChangeEntry"]["properties"]["kind"] = {"enum": list(CHANGE_KINDS)}
    for name in ("old", "new"):  # a value as the records hold it: text, number, list or mapping
        defs["FieldChange"]["properties"][name] = {"description": f"The field's {name} value, as recorded."}
    defs["ChangeEntry"]["properties"]["date"] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "changes.json: every claim published, corrected or retracted, newest first",
        **root,
        "$defs": defs,
    }


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...) in a scope would be a live link).  The OWASP rule: such a
# text cell gets a leading apostrophe, which spreadsheets show as text; a text
# that starts with an apostrophe gets one more, so reading back is exact.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def from_csv_text(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def to_csv(corpus) -> str:
    return rows_csv(figure_rows(corpus), FIGURE_COLUMNS)


def figures_from_csv(text: str) -> list[tuple[str, str, Figure]]:
    """[(claim id, source id, Figure)] from figures.csv."""
    out = []

    def num(v: str):
        return None if v == "" else (int(v) if v.lstrip("-").isdigit() else float(v))

    for raw in csv.DictReader(io.StringIO(text)):
        row = {k: from_csv_text(v) for k, v in raw.items()}
        fig = Figure(
            measure=row["measure"],
            qualifier=row["qualifier"],
            unit=row["unit"],
            scope=row["scope"],
            as_of=row["as_of"] or None,
            value=num(row["value"]),
            min=num(row["min"]),
            max=num(row["max"]),
            amount_text=row["amount_text"] or None,
        )
        out.append((row["claim_id"], row["source_id"], fig))
    return out
