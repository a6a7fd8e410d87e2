"""The records as data: claims.json (with its schema) and figures.csv, and reading them back.

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

FIGURE_COLUMNS = [
    "measure",
    "measure_label",
    "claim_id",
    "event_id",
    "claimant_id",
    "claimant",
    "source_id",
    "source_line",
    "qualifier",
    "value",
    "min",
    "max",
    "amount_text",
    "unit",
    "scope",
    "as_of",
    "display",
    "rating",
    "quote",
]


@dataclass
class ClaimsExport:
    """Every record of the fact-check site, as published in claims.json."""

    schema_version: str
    sources: list[Source]
    events: list[Event]
    claimants: list[Claimant]
    measures: list[Measure]
    origin_groups: list[list[str]]  # sources that retell one text; independent sources stand alone


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
    )


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
                    }
                )
    return rows


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
    out = io.StringIO()
    writer = csv.DictWriter(out, FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in figure_rows(corpus):
        # Numbers stay numbers; only text is neutralised.
        writer.writerow({k: "" if v is None else csv_text(v) if isinstance(v, str) else v for k, v in row.items()})
    return out.getvalue()


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
