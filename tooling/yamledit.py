"""Add an item to a list in a hand-written YAML file, keeping every other byte.

Editors' files carry comments, folded paragraphs and their own quoting; a
load-and-dump round trip would rewrite all of it.  So the commands that write
into an existing file (``tooling/run corrections --write``, ``new event``'s
entry in ``places.yaml``) insert text: PyYAML's composer says where the list
ends and how it is indented, and the new lines go just after its last item.
When the list's key is missing, the key is added at the end of its mapping.
The file is replaced atomically (written aside, then renamed).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class EditError(Exception):
    """The file does not have the shape the edit needs; said to the editor as is."""


def _child(node, key):
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        for k, v in node.value:
            if k.value == key:
                return v
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int):
        return node.value[key] if 0 <= key < len(node.value) else None
    raise EditError(f"expected a {'mapping' if isinstance(key, str) else 'list'} at '{key}'")


def _last_mark(node):
    """The end of the last value written inside ``node`` (its deepest last scalar)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark


def _line_after(text: str, mark) -> int:
    """The offset where the line after ``mark`` starts (a block scalar already ends at one)."""
    if mark.column == 0:
        return mark.index
    nl = text.find("\n", mark.index)
    return len(text) if nl < 0 else nl + 1


def append_item(text: str, path: tuple, key: str, item: str) -> str:
    """``text`` with ``item`` (YAML for one list item, without its leading ``- ``
    and unindented) added to the list under ``key`` of the mapping at ``path``."""
    at, body, end = where_item_goes(text, path, key, item)
    if at == end == len(text) and text and not text.endswith("\n"):
        text, at, end = text + "\n", at + 1, end + 1
    return text[:at] + body + text[end:]


def where_item_goes(text: str, path: tuple, key: str, item: str) -> tuple[int, str, int]:
    """(start, lines, end): :func:`append_item` puts ``lines`` in place of text[start:end].  For a
    list with items, start == end, a line start: nothing is replaced.  For an empty list
    (``key: []``, ``key:``) the empty value itself is replaced by the list."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise EditError(f"the file is not valid YAML{where} (make check says more); fix it first") from None
    if root is None:
        raise EditError("the file is empty")
    mapping = root
    for part in path:
        mapping = _child(mapping, part)
        if mapping is None:
            raise EditError(f"nothing at {'.'.join(map(str, path))}")
    if not isinstance(mapping, yaml.MappingNode) or not mapping.value:
        raise EditError(f"expected a mapping at {'.'.join(map(str, path)) or 'the top'}")
    seq = _child(mapping, key)
    lines = item.rstrip("\n").split("\n")
    empty = (isinstance(seq, yaml.SequenceNode) and not seq.value) or (
        isinstance(seq, yaml.ScalarNode) and seq.tag == "tag:yaml.org,2002:null"
    )
    if empty:  # `key: []` or `key:` with nothing: the list is written in its place
        col = " " * next(k for k, v in mapping.value if v is seq).start_mark.column
        body = f"\n{col}  - {lines[0]}" + "".join(f"\n{col}    {ln}" if ln else "\n" for ln in lines[1:])
        start = seq.start_mark.index
        while start > 0 and text[start - 1] == " ":  # no trailing space after `key:`
            start -= 1
        return start, body, seq.end_mark.index
    if seq is not None and not (isinstance(seq, yaml.SequenceNode) and not seq.flow_style):
        raise EditError(f"'{key}' is not a list of the usual '- ' form; write it as one item per '- ' line")
    if seq is not None and seq.value:
        indent = " " * seq.value[0].start_mark.column
        dash = " " * (seq.start_mark.column)
        body = f"{dash}- {lines[0]}\n" + "".join(f"{indent}{ln}\n" if ln else "\n" for ln in lines[1:])
        at = _line_after(text, _last_mark(seq))
    else:
        col = " " * mapping.value[0][0].start_mark.column
        body = f"{col}{key}:\n{col}  - {lines[0]}\n" + "".join(f"{col}    {ln}\n" if ln else "\n" for ln in lines[1:])
        at = _line_after(text, _last_mark(mapping))
    return at, body, at


def replace_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` aside, then rename it over: never half a file."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
