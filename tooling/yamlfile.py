"""Safe YAML loading that remembers where every value was written.

PyYAML's ``safe_load`` forgets positions, and a validator that cannot say
``file:line:col`` is no help to an editor.  We compose the node graph with
the safe loader, then build plain Python data from it while recording the
start mark of every key and value under its path (a tuple of keys and list
indexes), so that any later check can point at the exact place.

Refused on purpose, each with a message that says what to write instead:
anchors and aliases (no record needs them, and they allow "billion laughs"
expansion), duplicate keys (PyYAML silently keeps the last one), tags that
would construct objects (the safe loader already refuses them), files that
are not UTF-8, files larger than :data:`MAX_FILE_BYTES`, nesting deeper than
:data:`MAX_DEPTH` (libyaml's composer recurses and would crash the process
long before Python noticed), merge-conflict markers, numbers that are not
finite, plain values that YAML 1.1 reads as something else than they look
(``010`` is 8, ``1:30`` is 90, ``no`` is false), whitespace-only text, and
invisible or control characters in anything but a quote
(:mod:`tooling.unsafe_text`).
"""

from __future__ import annotations

import datetime
import hashlib
import math
import os
import pickle
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ROOT_CAUSE, Problems, shorten
from .unsafe_text import conflict_marker_lines, unsafe_characters

MAX_FILE_BYTES = 1_000_000  # a hand-written record file is a few KB
MAX_DEPTH = 12  # levels of mappings and lists; a record needs six
# Before composing: libyaml recurses once per level and overflows the C stack
# (a crash, not an exception) at some ten thousand.  Brackets and a line's
# leading indentation and block indicators bound the depth from the text.
_MAX_FLOW_DEPTH = 64
_MAX_LEAD = 200
_DEEP_LEAD = re.compile(rf"^[ \-?:]{{{_MAX_LEAD + 1}}}", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class YamlDoc:
    """Plain data from one file, plus where each part of it was written."""

    path: str  # display path, for messages
    data: Any
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Names of checks of this data alone that it passed (a schema kind, say):
    # kept with it in the :class:`ParseCache`, so an unchanged file is not
    # checked again.
    passed: set[str] = field(default_factory=set)

    def pos(self, path: Path_) -> tuple[int, int]:
        """Best position for a path: the value, else its nearest ancestor."""
        path = tuple(path)
        while path:
            if path in self.value_pos:
                return self.value_pos[path]
            path = path[:-1]
        return self.value_pos.get((), (1, 1))

    def key(self, path: Path_) -> tuple[int, int]:
        """Where the key of a mapping entry was written (for unknown fields)."""
        return self.key_pos.get(tuple(path)) or self.pos(path)


# libyaml's composer is about ten times faster than PyYAML's pure-Python one
# and gives the same marks; fall back when PyYAML was built without it.  The
# base loader leaves plain scalars untyped: resolving them here, only for the
# few that could be a number, date, null or boolean, saves a Python callback
# per scalar.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_RESOLVER = yaml.resolver.Resolver()
_IMPLICIT_FIRST = {k for k in yaml.resolver.Resolver.yaml_implicit_resolvers if k}
_CONSTRUCTORS = yaml.SafeLoader.yaml_constructors
_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")


def _mark(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


# PyYAML's messages, in an editor's words: what is wrong on the line, and the fix.
_PLAIN = (
    (
        "mapping values are not allowed",
        "a colon followed by a space inside a value; put the whole value in double quotes",
    ),
    (
        "expected <block end>",
        "this line's indentation does not match the lines above; line it up with its siblings (spaces only)",
    ),
    (
        "did not find expected key",
        "this line's indentation does not match the lines above; line it up with its siblings (spaces only)",
    ),
    (
        "expected '<document start>'",
        "this line's indentation does not match the lines above; line it up with its siblings (spaces only)",
    ),
    (
        "could not find expected ':'",
        "a line that is neither 'key: value' nor a '- ' list item; add the colon, "
        "or quote the text if it continues the line above",
    ),
    ("found unexpected end of stream", "a quotation mark is opened and never closed; close the quote"),
    ("while scanning a quoted scalar", "a quotation mark is opened and never closed; close the quote"),
    ("expected ',' or ']'", "a [list] is not closed; add the ']' (or write the list as '- ' lines)"),
    ("expected ',' or '}'", "a {mapping} is not closed; add the '}'"),
    (
        "found character that cannot start any token",
        "text that starts with a character YAML reserves (@ ` % |  >) must be in double quotes",
    ),
    ("found undefined alias", "a '*' starts a YAML alias; put text that starts with '*' in double quotes"),
)


def plain_words(problem: str, context: str | None) -> str:
    for needle, words in _PLAIN:
        if needle in problem or (context and needle in context):
            return f"{words} (YAML said: {problem})"
    return problem


class ParseCache:
    """Files parsed by an earlier run, reused while their bytes are unchanged.

    A rebuild after a one-file edit would otherwise parse every record again
    (most of the validator's time).  Keyed by the file's display path and a
    hash of its bytes, under a ``version`` that the caller derives from the
    code that parses and checks; only files that loaded without a problem
    are kept, so every error is found afresh.  A missing, stale or damaged
    cache file only makes the run slower; it is replaced atomically, so two
    runs at once cannot leave half a file.
    """

    def __init__(self, path: Path | None, version: str):
        self.path = path
        self.version = version
        self.old: dict[str, tuple[bytes, YamlDoc]] = {}
        self.now: dict[str, tuple[bytes, YamlDoc]] = {}
        self._digests: dict[str, bytes] = {}
        # Kept alongside: values derived from the texts (tooling.memo.Memo's store).
        self.derived: dict = {}
        if path is None:
            return
        try:
            with path.open("rb") as f:
                version_then, entries, derived = pickle.load(f)
            if version_then == version and isinstance(entries, dict) and isinstance(derived, dict):
                self.old, self.derived = entries, derived
        except Exception:  # noqa: BLE001 - any unreadable cache is only a slower run
            self.old, self.derived = {}, {}

    def get(self, shown_as: str, raw: bytes) -> YamlDoc | None:
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        hit = self.old.get(shown_as)
        if hit is not None and hit[0] == digest:
            self.now[shown_as] = hit
            return hit[1]
        self._digests[shown_as] = digest
        return None

    def put(self, doc: YamlDoc) -> None:
        self.now[doc.path] = (self._digests.pop(doc.path), doc)

    def save(self, derived: dict | None = None) -> None:
        """Keep the files parsed in this run, and ``derived`` (replacing the derived values kept)."""
        derived = self.derived if derived is None else derived
        same_files = self.now.keys() == self.old.keys() and all(self.now[k] is self.old[k] for k in self.now)
        if self.path is None or (same_files and derived.keys() == self.derived.keys()):
            return  # nothing new to keep
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".parse-cache-")
        except OSError:
            return  # a read-only build folder: the next run parses again
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((self.version, self.now, derived), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def load_yaml(file: Path, shown_as: str, problems: Problems, cache: ParseCache | None = None) -> YamlDoc | None:
    """Load one YAML file; on any problem, add it to ``problems`` and return None."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.add(
            shown_as,
            1,
            1,
            f"cannot read the file ({exc.strerror}); check that it exists and is readable",
            rank=ROOT_CAUSE,
        )
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.add(
            shown_as,
            1,
            1,
            f"file is {len(raw):,} bytes, over the limit of {MAX_FILE_BYTES:,}; split it into smaller files",
            rank=ROOT_CAUSE,
        )
        return None
    if cache is not None and (doc := cache.get(shown_as, raw)) is not None:
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add(
            shown_as,
            line,
            col,
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
            rank=ROOT_CAUSE,
        )
        return None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is harmless; editors on Windows add it
    conflicts = conflict_marker_lines(text)
    if conflicts:
        for line in conflicts:
            problems.add(
                shown_as,
                line,
                1,
                "merge-conflict marker left in the file; keep the right version of the lines between the "
                "markers and delete the markers (<<<<<<<, =======, >>>>>>>)",
                rank=ROOT_CAUSE,
            )
        return None
    deep = _too_deep(text)
    if deep is not None:
        problems.add(
            shown_as,
            *deep,
            f"nested too deeply (more than {MAX_DEPTH} levels of lists and mappings are never needed); "
            "check the indentation and brackets here",
            rank=ROOT_CAUSE,
        )
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark(mark) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            what = "a tab character; YAML indents with spaces only, replace the tab with spaces"
        else:
            what = plain_words(what, exc.context)
        problems.add(shown_as, line, col, f"YAML syntax error: {what}; fix the YAML at this position", rank=ROOT_CAUSE)
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses outright (a control character)
        at = max(0, min(exc.position, len(text) - 1))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        problems.add(
            shown_as,
            line,
            col,
            f"control character {what} is not allowed in a record file; delete it",
            rank=ROOT_CAUSE,
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks errors
        problems.add(shown_as, 1, 1, f"YAML error: {exc}", rank=ROOT_CAUSE)
        return None
    finally:
        loader.dispose()
    doc = YamlDoc(shown_as, None)
    if node is None:
        problems.add(shown_as, 1, 1, "file is empty; it must hold a mapping of fields (see claims/README.md)")
        return None
    builder = _Builder(doc, problems)
    doc.data = builder.build(node, ())
    if builder.failed:
        return None
    if cache is not None:
        cache.put(doc)
    return doc


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text could nest deeper than the composer can safely go, if anywhere."""
    depth = 0
    if text.count("[") + text.count("{") > _MAX_FLOW_DEPTH:  # else it cannot nest that deep
        for m in _BRACKET.finditer(text):
            depth += 1 if m.group() in "[{" else -1
            if depth > _MAX_FLOW_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    deep_lead = _DEEP_LEAD.search(text)
    if deep_lead is not None:
        return text.count("\n", 0, deep_lead.start()) + 1, 1
    return None


# Plain values that YAML 1.1 (PyYAML) reads as something other than they look.
_SURPRISING_INT = re.compile(r"[-+]?(0[0-9_]+|0[oxb][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+|[0-9]+_[0-9_]*)")
_SURPRISING_FLOAT = re.compile(r".*[:_].*")
_WORD_BOOLEANS = {"yes", "no", "on", "off"}


class _Builder:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, doc: YamlDoc, problems: Problems):
        self.doc = doc
        self.problems = problems
        self.failed = False
        self.seen: set[int] = set()

    def error(self, mark, message: str) -> None:
        self.problems.add(self.doc.path, *_mark(mark), message)
        self.failed = True

    def build(self, node, path: Path_):
        self.doc.value_pos[path] = _mark(node.start_mark)
        if len(path) > MAX_DEPTH:
            self.error(
                node.start_mark,
                f"nested more than {MAX_DEPTH} levels deep; no record needs that, check the indentation",
            )
            return None
        # The composer turns an alias into a second reference to the anchored
        # node.  Refusing any node met twice stops "billion laughs" expansion
        # before it starts; records never need aliases.
        if id(node) in self.seen:
            self.error(
                node.start_mark,
                "anchors and aliases (&name, *name) are not allowed in claim files; write the value out in full",
            )
            return None
        self.seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.error(node.start_mark, f"tag {node.tag} is not allowed here; remove the '!' tag")
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.error(key_node.start_mark, "a key must be a plain word, not a list or mapping")
                    continue
                key = self.scalar(key_node)
                if key is None:
                    continue
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    first = self.doc.key_pos[path + (key,)]
                    self.error(
                        key_node.start_mark,
                        f"duplicate key '{key}' (first written at line {first[0]}); keep only one",
                    )
                    continue
                self.doc.key_pos[path + (key,)] = _mark(key_node.start_mark)
                out[key] = self.build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        value = self.scalar(node)
        if isinstance(value, str) and path:
            self.text(node, path, value)
        return value

    def text(self, node, path: Path_, value: str) -> None:
        """Editors' text: not blank, and nothing invisible (a quote carries what its source carries)."""
        if value and not value.strip():
            self.error(
                node.start_mark, "this text is only spaces; write the text, or leave the field out if it is optional"
            )
            return
        if path[-1] == "quote":
            return
        bad = unsafe_characters(value)
        if not bad:
            return
        index, what = bad[0]
        line, col = _mark(node.start_mark)
        before = value[:index]
        if "\n" not in before and node.style in (None, "", "'", '"'):
            col += index + (1 if node.style in ("'", '"') else 0)  # exact only on a one-line value
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        self.problems.add(
            self.doc.path,
            line,
            col,
            f"{what} at character {index + 1} of this value{more}; delete it (it is invisible: retype the "
            "words around it, or remove it with your editor's 'show invisibles')",
        )
        self.failed = True

    def scalar(self, node):
        if node.tag == "tag:yaml.org,2002:str" and isinstance(node, yaml.ScalarNode):
            if node.style not in (None, "") or not node.value or node.value[0] not in _IMPLICIT_FIRST:
                return node.value  # quoted, or cannot be anything but text: no constructor needed
            node.tag = _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False))
            if node.tag == "tag:yaml.org,2002:str":
                return node.value
            surprise = self.surprising(node)
            if surprise:
                self.error(node.start_mark, surprise)
                return None
        construct = _CONSTRUCTORS.get(node.tag) if isinstance(node, yaml.ScalarNode) else None
        if construct is None or node.tag.endswith((":binary", ":set", ":omap", ":pairs")):
            self.error(
                node.start_mark,
                f"tag {node.tag} is not allowed here; write a plain value (text, number, date, true/false)",
            )
            return None
        try:
            value = construct(_SCALAR_CONSTRUCTOR, node)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            if node.tag.endswith(":timestamp"):
                return node.value  # looks like a date but is not one: let the date check say so
            self.error(node.start_mark, f"cannot read this value ({exc}); write a plain value")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.error(
                node.start_mark,
                f"'{shorten(node.value, 20)}' is not a finite number; a figure is a count or an amount: write the "
                "number, or leave it out and describe it in amount_text",
            )
            return None
        if isinstance(value, (datetime.date, datetime.datetime)):
            # YAML turns 2024-11-29 into a date object; records keep ISO text,
            # which the schema checks with a pattern.
            return value.isoformat()
        return value

    @staticmethod
    def surprising(node) -> str | None:
        """The message for a plain value YAML 1.1 would turn into something else, if it is one."""
        v, tag = node.value, node.tag
        if tag.endswith(":int") and _SURPRISING_INT.fullmatch(v):
            return (
                f"YAML reads '{shorten(v, 20)}' as a different number (leading zeros mean octal, a colon base 60, "
                "0x hex, _ is ignored); write the plain number (010 → 10), or put it in double quotes if it is text"
            )
        if tag.endswith(":float") and _SURPRISING_FLOAT.fullmatch(v):
            return (
                f"YAML reads '{shorten(v, 20)}' as a number in base 60 or with separators; write the plain number, "
                "or put it in double quotes if it is text"
            )
        if tag.endswith(":bool") and v.lower() in _WORD_BOOLEANS:
            return (
                f"YAML reads '{v}' as {str(v.lower() in ('yes', 'on')).lower()}; write true or false, or put it in "
                "double quotes if it is text"
            )
        return None
