"""``python -m tooling new event|claim|source``: valid skeletons for editors.

A skeleton is valid but for the values only an editor can choose: each is
marked "REPLACE:" with the choices it has, and ``make check`` refuses the
record, at that line, until every one is filled in (the event's kind, period
and place on the map; the claim's text, rating and rationale).  New files are written atomically
(a temporary file, then a rename) and never over an existing file.  A claim
goes inside an event file, so ``new claim`` prints it, and only with
``--append`` adds it to the event file (atomically: the whole new file is
written aside, then swapped in).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from pathlib import Path

from .quotefinder import find_passages, nearest_sentence
from .schema_check import schema as records_schema
from .yamledit import EditError, append_item, replace_file

SCHEMA_LINE = "# yaml-language-server: $schema=../../tooling/schema/{kind}.schema.json\n"


class SkeletonError(Exception):
    """A reason the skeleton cannot be written; shown to the editor as is."""


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def exact_quote(corpus, source_id: str, words: str) -> str:
    source = corpus.sources.get(source_id)
    if source is None:
        raise SkeletonError(f"unknown source '{source_id}'; known: {', '.join(sorted(corpus.sources))}")
    found = find_passages(source, words, limit=1)
    if not found:
        near = nearest_sentence(source, words)
        hint = f"; the nearest sentence, line {near[0]}: {q(near[1])}" if near else ""
        raise SkeletonError(f"no passage of {source_id} has the words {q(words)} in that order{hint}")
    return found[0][1]


def _choices(definition: str, *path: str) -> str:
    """The allowed values of a field, from the records' schema (the one place they are listed)."""
    node = records_schema()["$defs"][definition]
    for part in path:
        node = node["properties"][part]
    return ", ".join(node["enum"])


def claim_item(claim_id: str, source_id: str, quote: str, claimant: str) -> str:
    """A claim as one item of an event's ``claims:`` list, unindented and without its ``- ``."""
    return (
        f"id: {claim_id}\n"
        # The day it goes live; it never changes afterwards (later changes are corrections).
        f"published: {q(datetime.date.today().isoformat())}\n"
        f"text: {q('REPLACE: the claim in one neutral sentence.')}\n"
        f"claimant: {claimant}\n"
        "citations:\n"
        f"  - source: {source_id}\n"
        f"    quote: {q(quote)}\n"
        f"rating: {q('REPLACE: one of ' + _choices('claim', 'rating') + ' (the methodology page says when)')}\n"
        f"rationale: {q('REPLACE: why this rating, checkable against the quotes.')}\n"
    )


def claim_block(claim_id: str, source_id: str, quote: str, claimant: str, indent: str = "  ") -> str:
    """The same claim as list-item lines at ``indent``: what ``new claim`` prints to paste."""
    lines = claim_item(claim_id, source_id, quote, claimant).splitlines()
    return f"{indent}- {lines[0]}\n" + "".join(f"{indent}  {ln}\n" for ln in lines[1:])


def event_text(event_id: str, claim_id: str, source_id: str, quote: str, claimant: str) -> str:
    return (
        SCHEMA_LINE.format(kind="event") + f"id: {event_id}\n"
        f"title: {q('REPLACE: what happened, in a few words')}\n"
        f"kind: {q('REPLACE: one of ' + _choices('event', 'kind'))}\n"
        "date:\n"
        "  reported: []  # verbatim passages that date it: {source, quote}\n"
        "  inferred: null  # or {start: YYYY-MM-DD, end: YYYY-MM-DD, basis: how you inferred it}\n"
        f"place: {q('REPLACE: where, as the sources say')}\n"
        f"summary: {q('REPLACE: a short neutral summary of what the sources say.')}\n"
        "period:\n"
        f"  phase: {q('REPLACE: one of ' + _choices('event', 'period', 'phase'))}\n"
        f"  basis: {q('REPLACE: why it belongs there, and whether that is your inference')}\n"
        "claims:\n" + claim_block(claim_id, source_id, quote, claimant)
    )


def source_text(text_path: Path, source_id: str) -> str:
    digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
    return (
        SCHEMA_LINE.format(kind="source") + f"id: {source_id}\n"
        f"label: {q('REPLACE: short name for readers')}\n"
        "title: null  # the headline as the text gives it, or null\n"
        "publisher: null  # not stated in the capture; never guess\n"
        "url: null  # http(s) address of the original, or null\n"
        "published: null  # YYYY-MM-DD, or null\n"
        "retrieved: null  # YYYY-MM-DD, or null\n"
        "language: en\n"
        f"text: {q(text_path.name)}\n"
        f"sha256: {digest}\n"
        "furniture: []  # line ranges that are menus, comment forms, teasers: {lines: [first, last], kind: ...}\n"
    )


def places_with(places: Path, event_id: str) -> str | None:
    """places.yaml with a new event listed as unmapped, its reason to replace (where it goes on
    the map is the editor's choice, and make check asks for it); None without a places.yaml.
    Computed before anything is written, so a places.yaml it cannot edit stops the command
    before the event file exists."""
    if not places.is_file():
        return None
    item = f"event: {event_id}\nreason: {q('REPLACE: why it is not on the map; or move its id under the events of its place')}\n"
    try:
        return append_item(places.read_text(encoding="utf-8"), (), "unmapped", item)
    except EditError as exc:
        raise SkeletonError(f"{places}: {exc}; nothing was written") from None


def write_new(path: Path, content: str) -> None:
    """Create ``path`` atomically; refuse if it exists."""
    if path.exists():
        raise SkeletonError(f"{path} exists; the new command never overwrites a file")
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(content, encoding="utf-8")
    try:
        os.link(tmp, path)  # fails if path appeared meanwhile: never clobbers
    except FileExistsError:
        raise SkeletonError(f"{path} exists; the new command never overwrites a file") from None
    finally:
        tmp.unlink()


def append_claim(event_path: Path, item: str) -> None:
    """Add a claim to the event's ``claims:`` list, where it ends (not after a note that
    follows it), keeping every other byte; the new file is written aside, then swapped in."""
    try:
        replace_file(event_path, append_item(event_path.read_text(encoding="utf-8"), (), "claims", item))
    except EditError as exc:
        raise SkeletonError(f"{event_path}: {exc}; nothing was written") from None


def check_id(value: str, what: str) -> None:
    """Refuse an id the records would refuse, before any file is written under it."""
    import re

    from .problems import as_id

    rule = records_schema()["$defs"]["id"]
    if not re.fullmatch(rule["pattern"], value):
        hint = f" Did you mean '{as_id(value)}'?" if as_id(value) else ""
        raise SkeletonError(f"'{value}' is not a valid {what} id: {rule.get('description', '')}{hint}")


def check_text_name(name: str) -> None:
    """Refuse a capture's file name the records' schema would refuse, before writing its metadata."""
    import re

    rule = records_schema()["$defs"]["source"]["properties"]["text"]
    if "pattern" in rule and not re.fullmatch(rule["pattern"], name):
        raise SkeletonError(
            f"the capture's file name '{name}' is not one the records accept ({rule['pattern']}): "
            f"{rule.get('description', '')} Nothing was written."
        )
