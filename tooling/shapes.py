"""The records' dataclasses as data: plain JSON values, back, and a JSON Schema.

The dataclasses of :mod:`tooling.records` are the one definition of each
record's shape.  From them, and nothing else, come the export
(:func:`to_plain`), reading an export back (:func:`from_plain`) and the
export's JSON Schema (:func:`schema_of`), so the three cannot drift apart.
A field marked ``field(metadata={"export": False})`` is working state of the
build (a file path, a cache) and is left out of all three.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from functools import cache
from pathlib import Path


def exported_fields(cls) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if f.metadata.get("export", True)]


@cache
def hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls)


@cache
def _exported_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in exported_fields(cls))


_AS_IS = (str, int, type(None))  # bool is an int


def to_plain(value):
    """A record (or list of them) as JSON values; whole numbers as integers."""
    # The commonest values first: an export of thousands of claims is mostly
    # strings, and this runs on every one of them.
    if isinstance(value, _AS_IS):
        return value
    if dataclasses.is_dataclass(value):
        return {name: to_plain(getattr(value, name)) for name in _exported_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} is not a finite number; JSON cannot hold it")
        return int(value) if value.is_integer() else value
    if isinstance(value, Path):
        return value.as_posix()
    return value


def _args(tp) -> tuple:
    return typing.get_args(tp)


def _is_optional(tp) -> bool:
    return (typing.get_origin(tp) in (typing.Union, types.UnionType)) and type(None) in _args(tp)


def from_plain(tp, value):
    """JSON values back into the type ``tp`` (a record class, list, tuple, optional...)."""
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        h = hints(tp)
        kwargs = {f.name: from_plain(h[f.name], value[f.name]) for f in exported_fields(tp) if f.name in value}
        for f in dataclasses.fields(tp):
            if (
                not f.metadata.get("export", True)
                and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            ):
                kwargs[f.name] = None  # working state (a file path): not in the export
        return tp(**kwargs)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in _args(tp) if a is not type(None)]
        return from_plain(inner, value)
    if origin is list:
        return [from_plain(_args(tp)[0], v) for v in value]
    if origin is tuple:
        return tuple(from_plain(_args(tp)[0], v) for v in value)
    if origin is dict:
        return {k: from_plain(_args(tp)[1], v) for k, v in value.items()}
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def schema_of(tp, defs: dict) -> dict:
    """The JSON Schema of values of type ``tp``; record classes go into ``defs``, by name."""
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: records may refer to each other
            h = hints(tp)
            props = {f.name: schema_of(h[f.name], defs) for f in exported_fields(tp)}
            doc = (tp.__doc__ or "").strip().split("\n")[0]
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": sorted(props),
                "additionalProperties": False,
                **({"description": doc} if doc else {}),
            }
        return {"$ref": f"#/$defs/{name}"}
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [schema_of(a, defs) for a in _args(tp)]}
    if origin in (list, tuple):
        return {"type": "array", "items": schema_of(_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": schema_of(_args(tp)[1], defs)}
    simple = {
        str: {"type": "string"},
        int: {"type": "integer"},
        float: {"type": "number"},
        bool: {"type": "boolean"},
        type(None): {"type": "null"},
    }
    if tp in simple:
        return dict(simple[tp])
    return {}  # object: any JSON value (a correction's old and new values)
