"""The records as data: claims.json and figures.csv, and reading them back.

``claims.json`` holds every record (sources with their full text, events,
claims, figures, claimants, measures) and the schema version; ``figures.csv``
is the contested-figures table as rows.  Both are written by the Sphinx build
(``build-finished``) and re-import into the same records (see the tests), so
researchers can rely on them.  Output is deterministic: sorted, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from .records import (
    SCHEMA_VERSION,
    Change,
    Citation,
    Correction,
    Retraction,
    Claim,
    Claimant,
    Event,
    Figure,
    InferredDate,
    Measure,
)

FIGURE_COLUMNS = [
    "measure", "measure_label", "claim_id", "event_id", "claimant_id", "claimant", "source_id", "source_line",
    "qualifier", "value", "min", "max", "amount_text", "unit", "scope", "as_of", "display", "rating", "quote",
]


def _number(v):
    return None if v is None else (int(v) if float(v).is_integer() else v)


def to_json(corpus) -> str:
    def claim_dict(c: Claim) -> dict:
        d = {
            "id": c.id, "text": c.text, "claimant": c.claimant, "rating": c.rating, "rationale": c.rationale,
            "citations": [{"source": x.source, "quote": x.quote, "line": x.line} for x in c.citations],
            "contradicts": c.contradicts, "note": c.note, "figure": None,
            "published": c.published, "updated": c.updated,
            "corrections": [{"date": x.date, "reason": x.reason,
                             "changes": [{"field": ch.field, "old": ch.old, "new": ch.new} for ch in x.changes]}
                            for x in c.corrections],
            "retracted": asdict(c.retracted) if c.retracted else None,
        }
        if c.figure:
            f = asdict(c.figure)
            for k in ("value", "min", "max"):
                f[k] = _number(f[k])
            d["figure"] = f
        return d

    data = {
        "schema_version": SCHEMA_VERSION,
        "sources": [
            {
                "id": s.id, "label": s.label, "title": s.title, "publisher": s.publisher,
                "publisher_basis": s.publisher_basis, "url": s.url, "published": s.published,
                "retrieved": s.retrieved, "language": s.language, "text_file": s.text_name, "sha256": s.sha256,
                "furniture": [asdict(f) for f in s.furniture], "note": s.note, "text": s.text,
                "origin_group": list(corpus.origins.members(s.id)),
            }
            for s in sorted(corpus.sources.values(), key=lambda s: s.id)
        ],
        "events": [
            {
                "id": e.id, "title": e.title, "kind": e.kind, "place": e.place, "summary": e.summary, "note": e.note,
                "date": {
                    "reported": [{"source": x.source, "quote": x.quote, "line": x.line} for x in e.reported_dates],
                    "inferred": asdict(e.inferred_date) if e.inferred_date else None,
                },
                "claims": [claim_dict(c) for c in e.claims],
            }
            for e in sorted(corpus.events.values(), key=lambda e: e.id)
        ],
        "claimants": [asdict(c) for c in sorted(corpus.claimants.values(), key=lambda c: c.id)],
        "measures": [asdict(m) for m in sorted(corpus.measures.values(), key=lambda m: m.id)],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def events_from_json(text: str) -> list[Event]:
    """Rebuild Event/Claim/Figure records (without file paths) from claims.json."""
    data = json.loads(text)
    events = []
    for e in data["events"]:
        claims = []
        for c in e["claims"]:
            claims.append(Claim(
                id=c["id"], text=c["text"], claimant=c["claimant"], rating=c["rating"], rationale=c["rationale"],
                citations=[Citation(x["source"], x["quote"], line=x["line"]) for x in c["citations"]],
                event=e["id"], figure=Figure(**c["figure"]) if c["figure"] else None,
                contradicts=c["contradicts"], note=c["note"], published=c["published"],
                corrections=tuple(Correction(x["date"], tuple(Change(**ch) for ch in x["changes"]), x["reason"])
                                  for x in c["corrections"]),
                retracted=Retraction(**c["retracted"]) if c["retracted"] else None,
            ))
        inferred = e["date"]["inferred"]
        events.append(Event(
            id=e["id"], title=e["title"], kind=e["kind"], place=e["place"], summary=e["summary"], note=e["note"],
            reported_dates=[Citation(x["source"], x["quote"], line=x["line"]) for x in e["date"]["reported"]],
            inferred_date=InferredDate(**inferred) if inferred else None, claims=claims, yaml_path=None,
        ))
    return events


def claimants_from_json(text: str) -> list[Claimant]:
    return [Claimant(**c) for c in json.loads(text)["claimants"]]


def measures_from_json(text: str) -> list[Measure]:
    return [Measure(**m) for m in json.loads(text)["measures"]]


def figure_rows(corpus) -> list[dict]:
    rows = []
    for measure_id, claims in sorted(corpus.figures_by_measure().items()):
        for c in claims:
            f = c.figure
            for cit in c.citations:
                rows.append({
                    "measure": measure_id, "measure_label": corpus.measures[measure_id].label,
                    "claim_id": c.id, "event_id": c.event, "claimant_id": c.claimant,
                    "claimant": corpus.claimants[c.claimant].name, "source_id": cit.source,
                    "source_line": cit.line, "qualifier": f.qualifier, "value": _number(f.value),
                    "min": _number(f.min), "max": _number(f.max), "amount_text": f.amount_text, "unit": f.unit,
                    "scope": f.scope, "as_of": f.as_of, "display": f.display(), "rating": c.rating,
                    "quote": cit.quote,
                })
    return rows


def to_csv(corpus) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in figure_rows(corpus):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def figures_from_csv(text: str) -> list[tuple[str, str, Figure]]:
    """[(claim id, source id, Figure)] from figures.csv."""
    out = []
    def num(v: str):
        return None if v == "" else (int(v) if v.lstrip("-").isdigit() else float(v))

    for row in csv.DictReader(io.StringIO(text)):
        fig = Figure(
            measure=row["measure"], qualifier=row["qualifier"], unit=row["unit"], scope=row["scope"],
            as_of=row["as_of"] or None, value=num(row["value"]), min=num(row["min"]), max=num(row["max"]),
            amount_text=row["amount_text"] or None,
        )
        out.append((row["claim_id"], row["source_id"], fig))
    return out


