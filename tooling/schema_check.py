"""Records against their JSON Schema, with messages an editor can act on.

:data:`SCHEMA_PATH` is the one written definition of the YAML records (and the
schema editors' language servers use).  fastjsonschema gives a fast yes/no;
for a file it rejects, jsonschema lists every error, and :class:`SchemaReport`
turns each into ``path:line:col: what is wrong; what to do``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import fastjsonschema

from .problems import PLACEHOLDER, RECORDS, SCHEMA, Problems, as_id, closest, shorten
from .yamlfile import YamlDoc

SCHEMA_PATH = Path(__file__).parent / "schema" / "records.schema.json"


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _validator(kind: str):
    full = schema()
    defs = dict(full["$defs"])
    # An event is checked in two parts, its own fields ("event-shell") and
    # each claim alone, so that one bad claim does not hide the problems of
    # the others (their quotes and references are still checked).
    shell = json.loads(json.dumps(defs["event"]))
    shell["properties"]["claims"]["items"] = {"type": "object"}
    defs["event-shell"] = shell
    sub = {"$ref": f"#/$defs/{kind}", "$defs": defs}
    import jsonschema  # only for files with errors: its import costs a tenth of a second per build

    cls = jsonschema.validators.validator_for(full)
    return cls(sub)


@cache
def _fast(kind: str):
    """The same schema compiled to Python by fastjsonschema: a yes/no answer
    about fifteen times faster than jsonschema.  Files it accepts need nothing
    more; for a file it rejects, jsonschema finds every error with its path.
    (The schema keeps to keywords both implementations read alike.)
    """
    sub = {"$schema": "http://json-schema.org/draft-07/schema#", "$ref": f"#/$defs/{kind}", "$defs": schema()["$defs"]}
    return fastjsonschema.compile(sub)


def fast_ok(kind: str, data) -> bool:
    try:
        _fast(kind)(data)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def whole_file_ok(doc: YamlDoc, kind: str) -> bool:
    """``fast_ok`` for a whole file, remembered with it (an unchanged file comes from the parse cache)."""
    if kind in doc.passed:
        return True
    if isinstance(doc.data, dict) and fast_ok(kind, doc.data):
        doc.passed.add(kind)
        return True
    return False


def non_ascii_hint(value: str) -> str:
    """Name look-alike characters (a Cyrillic а in an id looks like a Latin a)."""
    import unicodedata

    odd = sorted({ch for ch in value if ord(ch) > 127})
    if not odd:
        return ""
    names = ", ".join(f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')})" for ch in odd[:5])
    return f"; it contains non-ASCII {names}: retype it in plain ASCII"


def place(problems: Problems, doc: YamlDoc, path: tuple, message: str, key: bool = False, rank: int | None = None):
    """Report a problem at the value (or, with ``key``, the key) at ``path`` in ``doc``."""
    line, col = doc.key(path) if key else doc.pos(path)
    problems.add(doc.path, line, col, message, rank)


class SchemaReport:
    """Checks one document (or part of one) against a kind of the schema; reports every error."""

    def __init__(self, problems: Problems):
        self.problems = problems

    def at(self, doc: YamlDoc, path: tuple, message: str, key: bool = False, rank: int | None = None) -> None:
        place(self.problems, doc, path, message, key, rank)

    def ok(self, doc: YamlDoc, kind: str, data=None, prefix: tuple = ()) -> bool:
        if kind in ("source", "claimants", "measures", "places", "claim"):
            fast = whole_file_ok(doc, kind) if data is None else isinstance(data, dict) and fast_ok(kind, data)
            if fast:
                return True
        data = doc.data if data is None else data
        if not isinstance(data, dict):
            what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} file" if not prefix else ".".join(map(str, prefix))
            self.at(
                doc,
                prefix,
                f"{what} must hold a mapping of fields (key: value), not {type(data).__name__}",
                rank=SCHEMA,
            )
            return False
        errors = sorted(_validator(kind).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        # A misspelt field shows up twice: as unknown, and its right name as
        # missing.  The did-you-mean on the unknown one says it all.
        misspelt = set()
        for e in errors:
            if e.validator == "additionalProperties":
                allowed = list(e.schema.get("properties", {}))
                for extra in set(e.instance) - set(allowed):
                    guess = closest(extra, allowed)
                    if guess:
                        misspelt.add((tuple(e.absolute_path), guess))
        for error in errors:
            if isinstance(error.instance, str) and PLACEHOLDER in error.instance:
                continue  # a skeleton's placeholder: the validator says what to fill in
            if error.validator == "required":
                missing = error.message.split("'")[1]
                if (tuple(error.absolute_path), missing) in misspelt:
                    continue
            self.schema_error(doc, error, prefix)
        return not errors

    def schema_error(self, doc: YamlDoc, error, prefix: tuple = ()) -> None:
        self.problems.rank = SCHEMA
        try:
            self._schema_error(doc, error, prefix)
        finally:
            self.problems.rank = RECORDS

    def _schema_error(self, doc: YamlDoc, error, prefix: tuple = ()) -> None:
        path = prefix + tuple(error.absolute_path)
        where = ".".join(str(p) for p in path) or "the file"
        v = error.validator
        if v == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - set(allowed)):
                guess = closest(extra, allowed)
                hint = f"did you mean '{guess}'?" if guess else f"allowed fields: {', '.join(allowed)}"
                self.at(doc, path + (extra,), f"unknown field '{extra}' in {where}; {hint}", key=True)
            return
        if v == "required":
            missing = error.message.split("'")[1]
            self.at(doc, path, f"missing required field '{missing}' in {where}; add it{self.describe(error, missing)}")
            return
        if v == "enum":
            choices = error.validator_value
            guess = closest(str(error.instance), choices, cutoff=0.5)
            hint = f" (did you mean '{guess}'?)" if guess else ""
            self.at(
                doc,
                path,
                f"{where}: '{shorten(error.instance)}' is not allowed; use one of: {', '.join(choices)}{hint}",
            )
            return
        if v == "type":
            expected = error.validator_value
            expected = " or ".join(expected) if isinstance(expected, list) else expected
            names = {
                "string": "text",
                "object": "a mapping of fields",
                "array": "a list",
                "null": "null (empty)",
                "number": "a number",
                "integer": "a whole number",
            }
            expected = " or ".join(names.get(e, e) for e in expected.split(" or "))
            got = type(error.instance).__name__.replace("str", "text").replace("dict", "mapping")
            self.at(
                doc, path, f"{where} must be {expected}, not {got}; quote text values that YAML reads as something else"
            )
            return
        if v == "pattern":
            desc = error.schema.get("description") or f"it must match {error.validator_value}"
            last = path[-1] if path else ""
            if last == "url":
                desc = "only http:// and https:// addresses are allowed"
            hint = non_ascii_hint(error.instance) if isinstance(error.instance, str) else ""
            if (
                not hint
                and isinstance(error.instance, str)
                and re.fullmatch(error.validator_value, as_id(error.instance))
            ):
                hint = f"{' D' if desc.endswith('.') else '; d'}id you mean '{as_id(error.instance)}'?"
            self.at(doc, path, f"{where}: '{shorten(error.instance)}' is not valid; {desc}{hint}")
            return
        if v == "oneOf" and path and path[-1] == "figure":
            self.at(
                doc,
                path,
                f"{where}: give exactly one of: 'value', or both 'min' and 'max', or 'amount_text' (for a number in words)",
            )
            return
        if v == "anyOf":
            self.at(
                doc,
                path,
                f"{where}: '{shorten(error.instance)}' is not valid; write a date as YYYY-MM-DD, or null when not stated",
            )
            return
        if v in ("minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "uniqueItems"):
            # Said in words, not with jsonschema's message: that one echoes the whole value.
            inst, limit = error.instance, error.validator_value
            said = {
                "maxLength": lambda: f"{len(inst):,} characters, over the limit of {limit:,}",
                "minLength": lambda: f"shorter than {limit:,} character{'s' * (limit != 1)}",
                "maxItems": lambda: f"{len(inst):,} items, over the limit of {limit:,}",
                "minItems": lambda: f"needs at least {limit:,} item{'s' * (limit != 1)}",
                "minimum": lambda: f"{shorten(inst, 30)} is below the minimum, {limit}",
                "maximum": lambda: f"{shorten(inst, 30)} is above the maximum, {limit}",
                "uniqueItems": lambda: "the list repeats an item",
            }[v]()
            self.at(doc, path, f"{where}: {said}; {self.limit_hint(v)}")
            return
        self.at(doc, path, f"{where}: {shorten(error.message, 200)}")

    @staticmethod
    def limit_hint(v: str) -> str:
        return {
            "minLength": "write more, or remove the field if it is optional",
            "maxLength": "shorten it (limits keep pages readable and files small)",
            "minItems": "add at least one entry",
            "maxItems": "remove entries",
            "minimum": "numbers here cannot be negative",
            "maximum": "use a smaller number",
            "uniqueItems": "list each entry once",
        }[v]

    @staticmethod
    def describe(error, field_name: str) -> str:
        prop = error.schema.get("properties", {}).get(field_name, {})
        desc = prop.get("description")
        return f" ({desc})" if desc else ""
