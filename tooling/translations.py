"""Translations of the site into other languages: gettext catalogs beside the English.

Everything translated lives under ``locale/<lang>/``, in gettext ``.po`` files
that translation tools (Poedit, Weblate, a text editor) edit and pull requests
review line by line:

- ``LC_MESSAGES/<page>.po``: the hand-written pages (Sphinx's gettext builder and
  ``sphinx-intl``, the Sphinx ecosystem's way); ``LC_MESSAGES/sphinx.po``: the
  theme's words;
- ``LC_MESSAGES/factcheck.po``: the tooling's interface strings (:mod:`tooling.i18n`);
- ``records/<file>.po``: the records' reader text, one catalog per record file
  (``records/events/airport-captured.po`` for ``claims/events/airport-captured.yaml``).

A record catalog is generated from the records (the translators' ``update`` command):
each entry's ``msgctxt`` names the field (``claims/<claim id>/text``),
its ``msgid`` is the English as it was when translated, its ``#:`` line the
YAML line.  So the English stays the one source of truth in the YAML, and a
translation whose English has changed since is seen at once: its ``msgid`` no
longer equals the English (or the update marked it fuzzy, gettext's own
"outdated").  Such a translation is never shown as current.

Each text's status: **current** (translated and signed off: a translator
comment ``# reviewed-by: NAME``), **unreviewed** (translated, not yet signed
off), **outdated** (its English changed), **missing**.  Readers get the
translation when it is current or unreviewed (the page says which), else the
English with a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from .problems import Problems, display_path
from .prose import REF, walk_reader_text
from .yamlfile import YamlDoc, load_yaml

LOCALE = "locale"
RECORDS = "records"


@dataclass(frozen=True)
class Edition:
    code: str  # BCP 47, as in <html lang>
    dir: str  # ltr | rtl
    name: str  # in its own language: the language switch shows it
    english_name: str


SOURCE = Edition("en", "ltr", "English", "English")
# The editions besides the English one; each is built under /<code>/ (tooling/safe_build.py).
EDITIONS = {"ar": Edition("ar", "rtl", "العربية", "Arabic")}

CURRENT, UNREVIEWED, OUTDATED, MISSING = "current", "unreviewed", "outdated", "missing"
STATUSES = (CURRENT, UNREVIEWED, OUTDATED, MISSING)
SHOWN = {CURRENT, UNREVIEWED}  # statuses whose translation readers get

_REVIEWED = re.compile(r"^\s*reviewed-by:\s*(\S.*?)\s*$", re.IGNORECASE)


# -- what is translated: the reader text of each record file ------------------------------


def record_files(claims_dir: Path) -> list[tuple[Path, str]]:
    """Every record file with reader text, and its kind (as :func:`tooling.prose.walk_reader_text` takes it)."""
    files = [(p, "event") for p in sorted((claims_dir / "events").glob("*.yaml"))]
    files += [(p, "source") for p in sorted((claims_dir / "sources").glob("*.yaml"))]
    files += [
        (claims_dir / f"{n}.yaml", n)
        for n in ("claimants", "measures", "places", "corrections")
        if (claims_dir / f"{n}.yaml").is_file()
    ]
    return files


@dataclass(frozen=True)
class Text:
    """One translatable text of a record file."""

    context: str  # stable within its file: ids, not list positions, where records have ids
    english: str
    line: int
    col: int
    path: tuple  # into the YAML data
    quote: bool = False  # a verbatim quote: shown as it is, its translation beside it


def _item_key(item, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "event", "date"):
            if isinstance(item.get(key), str):
                return item[key]
    return str(index)


def context_of(data, path: tuple) -> str:
    parts, node = [], data
    for seg in path:
        if isinstance(seg, int):
            key = _item_key(node[seg], seg)
            # Two items of one list with one key (two corrections on one day): the second is KEY-2.
            same = sum(_item_key(other, i) == key for i, other in enumerate(node[:seg]))
            parts.append(f"{key}-{same + 1}" if same else key)
        else:
            parts.append(seg)
        node = node[seg]
    return "/".join(parts)


def _quotes(data, path: tuple = ()):
    """(path, quote) of every verbatim quote: citations and the sources' own words for dates."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "quote" and isinstance(v, str) and path and path[-2:-1] in (("citations",), ("reported",)):
                yield path + (k,), v
            elif isinstance(v, (dict, list)):
                yield from _quotes(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _quotes(v, path + (i,))


def texts(doc: YamlDoc, kind: str) -> list[Text]:
    out = []
    for where, _key, value, _plain in walk_reader_text(doc.data, kind):
        out.append(Text(context_of(doc.data, where), value, *doc.pos(where), where))
    if kind == "places" and isinstance(doc.data, dict):
        # The map labels its places by name: readers read them, though the style rules do not.
        for i, place in enumerate(doc.data.get("places") or []):
            if isinstance(place, dict) and isinstance(place.get("name"), str):
                where = ("places", i, "name")
                out.append(Text(context_of(doc.data, where), place["name"], *doc.pos(where), where))
    if kind == "event" and isinstance(doc.data, dict) and isinstance(doc.data.get("kind"), str):
        # The event's kind, shown on its page ("strike", "statement").
        out.append(Text("kind", doc.data["kind"], *doc.pos(("kind",)), ("kind",)))
    if kind == "event" and isinstance(doc.data, dict):
        # A figure's unit and words for an amount ("people", "dozens") are part of how it reads.
        for i, claim in enumerate(doc.data.get("claims") or []):
            figure = claim.get("figure") if isinstance(claim, dict) else None
            for key in ("unit", "amount_text"):
                if isinstance(figure, dict) and isinstance(figure.get(key), str):
                    where = ("claims", i, "figure", key)
                    out.append(Text(context_of(doc.data, where), figure[key], *doc.pos(where), where))
    for where, value in _quotes(doc.data):
        out.append(Text(context_of(doc.data, where), value, *doc.pos(where), where, quote=True))
    return out


def catalog_path(root: Path, lang: str, claims_dir: Path, yaml_path: Path) -> Path:
    rel = yaml_path.resolve().relative_to(claims_dir.resolve()).with_suffix(".po")
    return root / LOCALE / lang / RECORDS / rel


def _load(path: Path, kind: str, problems: Problems, root: Path) -> YamlDoc | None:
    return load_yaml(path, display_path(path, root), problems)


# -- the catalogs ---------------------------------------------------------------------------


@dataclass
class Entry:
    context: str
    english: str  # the msgid: the English it translates
    translation: str | tuple
    fuzzy: bool
    reviewer: str | None
    line: int  # of the entry in the .po file


def read_catalog(path: Path) -> dict[str, Entry]:
    """The entries of one ``.po`` file by context (pages' catalogs: by msgid)."""
    from babel.messages.pofile import read_po

    if not path.is_file():
        return {}
    with open(path, "rb") as f:
        catalog = read_po(f)
    out = {}
    for m in catalog:
        if not m.id:
            continue
        english = m.id[0] if isinstance(m.id, tuple) else m.id
        reviewer = next((r.group(1) for c in m.user_comments if (r := _REVIEWED.match(c))), None)
        out[m.context or english] = Entry(m.context or "", english, m.string, m.fuzzy, reviewer, m.lineno)
    return out


def status(entry: Entry | None, english: str) -> str:
    if entry is None or not entry.translation or (isinstance(entry.translation, tuple) and not all(entry.translation)):
        return MISSING
    if entry.fuzzy or entry.english != english:
        return OUTDATED
    return CURRENT if entry.reviewer else UNREVIEWED


def _comments(message) -> list[str]:
    """A message's translator comments, without "#|" lines a previous writer left (Babel reads them as comments)."""
    return [c for c in message.user_comments if not c.startswith("|")]


def update_records(root: Path, claims_dir: Path, lang: str) -> list[Path]:
    """Write each record file's catalog: new texts added empty, changed ones kept and marked fuzzy
    (with the English they translated, ``#| msgid``), texts no longer there dropped.  Returns the
    files written (a catalog is rewritten only when its bytes change)."""
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    problems = Problems()
    written = []
    wanted = set()
    for yaml_path, kind in record_files(claims_dir):
        doc = _load(yaml_path, kind, problems, root)
        if doc is None:
            continue
        po = catalog_path(root, lang, claims_dir, yaml_path)
        wanted.add(po)
        old = None
        if po.is_file():
            with open(po, "rb") as f:
                old = read_po(f)
        catalog = Catalog(
            locale=lang,
            project="factcheck records",
            creation_date=old.creation_date if old else None,
            revision_date=old.revision_date if old else None,
            fuzzy=False,
        )
        messages = [m for m in old if m.id] if old else []
        by_pair = {(m.context, m.id): m for m in messages}
        by_context = {}
        for m in messages:
            by_context.setdefault(m.context, m)
        # The same English under another context (a renamed id): its translation still holds.
        by_english = {m.id: m for m in messages if m.string and not m.fuzzy}
        shown = display_path(yaml_path, root)
        for text in texts(doc, kind):
            prev = (
                by_pair.get((text.context, text.english))
                or by_english.get(text.english)
                or by_context.get(text.context)
            )
            note = "A verbatim quote: translate it; the English stays shown beside it." if text.quote else None
            kwargs = {
                "locations": [(shown, text.line)],
                "context": text.context,
                "auto_comments": [note] if note else [],
            }
            if prev is None:
                catalog.add(text.english, "", **kwargs)
            elif prev.id == text.english:
                catalog.add(text.english, prev.string, flags=prev.flags, user_comments=_comments(prev), **kwargs)
            else:
                # The English changed: the translation is kept for the translator, marked fuzzy
                # (outdated), its sign-off void: gettext's own way.  The pull request's diff shows
                # the old English beside the new (Babel cannot read back "#| msgid" lines).
                comments = [c for c in _comments(prev) if not _REVIEWED.match(c)]
                catalog.add(text.english, prev.string, flags={"fuzzy"}, user_comments=comments, **kwargs)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, sort_output=False)
        data = buffer.getvalue()
        if not po.is_file() or po.read_bytes() != data:
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_bytes(data)
            written.append(po)
    for po in sorted((root / LOCALE / lang / RECORDS).rglob("*.po")):
        if po not in wanted:
            po.unlink()
            written.append(po)
    return written


# -- the records in a language ----------------------------------------------------------------


@dataclass
class Translations:
    """What a build in one language shows of the records: status of every text, the quotes' translations."""

    lang: str
    status: dict[tuple[str, str], str] = field(default_factory=dict)  # (record file, context) -> status
    quotes: dict[tuple[str, str], str] = field(default_factory=dict)  # (record file, context) -> translation
    files: list[Path] = field(default_factory=list)  # the catalogs read: a build depends on them

    def of(self, yaml_path: Path | None, context: str) -> str:
        if yaml_path is None:
            return MISSING
        return self.status.get((str(yaml_path.resolve()), context), MISSING)

    def quote(self, yaml_path: Path | None, context: str) -> str | None:
        if yaml_path is None:
            return None
        return self.quotes.get((str(yaml_path.resolve()), context))


def _roots(corpus, kind: str, data) -> object | None:
    if kind == "event":
        return corpus.events.get(data.get("id"))
    if kind == "source":
        return corpus.sources.get(data.get("id"))
    if kind == "claimants":
        return SimpleNamespace(sides=corpus.sides, claimants=corpus.claimants)
    if kind == "measures":
        return SimpleNamespace(measures=corpus.measures)
    if kind == "places":
        return SimpleNamespace(places=corpus.places, unmapped=corpus.unmapped)
    if kind == "corrections":
        return SimpleNamespace(batches=corpus.batches)
    return None


def _step(obj, data, seg):
    """The record object one step down ``seg`` from ``obj`` (whose YAML is ``data``)."""
    if isinstance(seg, int):
        key = _item_key(data[seg], seg)
        if isinstance(obj, dict):
            return obj[key]
        for item in obj:
            if getattr(item, "id", None) == key:
                return item
        return obj[seg]
    if seg == "date" and hasattr(obj, "inferred_date"):
        return SimpleNamespace(inferred=obj.inferred_date, reported=obj.reported_dates)
    if seg == "retracted":
        return obj.retracted
    return getattr(obj, seg)


def _set(root_obj, data, path: tuple, value: str) -> bool:
    """Put ``value`` where ``path`` is in the record objects; False where the records hold it elsewhere."""
    obj, node = root_obj, data
    try:
        for k, seg in enumerate(path[:-1]):
            nxt = path[k + 1] if k + 1 < len(path) else None
            if (
                isinstance(seg, int)
                and isinstance(obj, dict)
                and nxt == path[-1]
                and isinstance(obj.get(_item_key(node[seg], seg)), str)
            ):
                obj[_item_key(node[seg], seg)] = value  # a dict of texts (the corrections' daily summaries)
                return True
            obj, node = _step(obj, node, seg), node[seg]
        object.__setattr__(obj, path[-1], value)  # some records are frozen dataclasses
        return True
    except (AttributeError, KeyError, IndexError, TypeError):
        return False


def apply(corpus, root: Path, claims_dir: Path, lang: str) -> Translations:
    """Put ``lang``'s shown translations into the records (in place: a build in that language
    renders them), and return every text's status."""
    result = Translations(lang)
    problems = Problems()
    for event in corpus.events.values():
        event.sort_key  # noqa: B018 - the English order, kept (a cached property) before titles change
    for yaml_path, kind in record_files(claims_dir):
        doc = _load(yaml_path, kind, problems, root)
        root_obj = _roots(corpus, kind, doc.data) if doc is not None and isinstance(doc.data, dict) else None
        if root_obj is None:
            continue
        po = catalog_path(root, lang, claims_dir, yaml_path)
        result.files.append(po)
        entries = read_catalog(po)
        key_file = str(yaml_path.resolve())
        for text in texts(doc, kind):
            entry = entries.get(text.context)
            st = status(entry, text.english)
            result.status[(key_file, text.context)] = st
            if st not in SHOWN:
                continue
            if text.quote:
                result.quotes[(key_file, text.context)] = entry.translation
            elif not _set(root_obj, doc.data, text.path, entry.translation):
                result.status[(key_file, text.context)] = MISSING
    return result


# -- make check: the catalogs' problems and coverage --------------------------------------------

EASTERN_DIGITS = (
    "the translation uses Eastern Arabic digits; the site writes every number in Western digits "
    "(0-9), as the quotes and tables do"
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_EASTERN = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")


_PLACEHOLDER = re.compile(r"\{\w+\}(?!`)")  # '{n}', '{hash}': filled in by the code, not the translator's


def numbers(text: str) -> list[str]:
    """The numbers of a text, as digits ('1,000' and '1000' alike), sorted; a placeholder's
    name is not a number."""
    return sorted(n.replace(",", "") for n in _DIGITS.findall(_PLACEHOLDER.sub("", text)))


def _refs(text: str) -> list[tuple[str, str]]:
    return sorted((m.group(1), m.group(2).rsplit("<", 1)[-1].rstrip(">").strip()) for m in REF.finditer(text))


def translation_problems(english: str, translation: str) -> list[str]:
    """What makes a translation wrong whatever its words: a number or a reference not the English's."""
    out = []
    if _EASTERN.search(translation):
        out.append(EASTERN_DIGITS)
    elif numbers(english) != numbers(translation):
        out.append(
            f"the numbers differ from the English: English has {numbers(english) or 'none'}, "
            f"the translation {numbers(translation) or 'none'}; a translation states the same figures"
        )
    if _refs(english) != _refs(translation):
        out.append(
            "the references differ from the English (such as {source}`src-001`): keep each one as the English "
            "writes it, so the page links the same records"
        )
    return out


PAGE_TYPES = {
    "event": "event pages",
    "source": "source pages",
    "claimants": "claimant pages",
    "measures": "figures pages",
    "places": "map",
    "corrections": "corrections page",
}


@dataclass
class Report:
    problems: Problems
    notes: list[str]
    coverage: dict[str, dict[str, int]]  # page type -> status -> count


def report(root: Path, claims_dir: Path) -> Report:
    """Every edition's catalogs checked against the English: numbers and references (problems), outdated
    and obsolete entries (notes), and coverage per page type."""
    problems, notes = Problems(), []
    coverage: dict[str, dict[str, int]] = {}

    def count(lang, page_type, st):
        coverage.setdefault(f"{lang}: {page_type}", dict.fromkeys(STATUSES, 0))[st] += 1

    for lang in EDITIONS:
        for yaml_path, kind in record_files(claims_dir):
            doc = _load(yaml_path, kind, Problems(), root)
            if doc is None:
                continue
            po = catalog_path(root, lang, claims_dir, yaml_path)
            shown = display_path(po, root)
            entries = read_catalog(po)
            seen = set()
            for text in texts(doc, kind):
                entry = entries.get(text.context)
                seen.add(text.context)
                st = status(entry, text.english)
                # A quote's translation is shown beside the verbatim English: counted apart.
                count(lang, "quotes (translations beside them)" if text.quote else PAGE_TYPES[kind], st)
                if entry is None or not entry.translation:
                    continue
                if st == OUTDATED:
                    notes.append(
                        f"{shown}:{entry.line}:1: note: translation outdated: the English of {text.context} "
                        f"changed after it was translated ({display_path(yaml_path, root)}:{text.line}); the "
                        "page shows the English until it is revised. Run 'tooling/run translations update', "
                        "revise the translation, and remove its fuzzy flag."
                    )
                    continue
                for message in translation_problems(text.english, entry.translation):
                    problems.add(shown, entry.line, 1, f"{text.context}: {message}")
            for context, entry in entries.items():
                if context not in seen and entry.translation:
                    notes.append(
                        f"{shown}:{entry.line}:1: note: {context} is no longer in the records; "
                        "'tooling/run translations update' removes it"
                    )
        messages = root / LOCALE / lang / "LC_MESSAGES"
        for po in sorted(messages.glob("*.po")) if messages.is_dir() else ():
            shown = display_path(po, root)
            page_type = "interface" if po.stem in ("factcheck", "sphinx") else f"page {po.stem}"
            for entry in read_catalog(po).values():
                translated = entry.translation if isinstance(entry.translation, str) else " ".join(entry.translation)
                st = (
                    MISSING
                    if not translated.strip()
                    else OUTDATED
                    if entry.fuzzy
                    else (CURRENT if entry.reviewer else UNREVIEWED)
                )
                count(lang, page_type, st)
                if st == OUTDATED:
                    notes.append(
                        f"{shown}:{entry.line}:1: note: translation outdated (fuzzy): its English changed; "
                        "the page shows the English until the translation is revised and the flag removed"
                    )
                elif st != MISSING and isinstance(entry.translation, tuple):
                    # A plural entry's forms each say the count their own way: only the digits' style is checked.
                    if _EASTERN.search(translated):
                        problems.add(shown, entry.line, 1, EASTERN_DIGITS)
                elif st != MISSING:
                    for message in translation_problems(entry.english, translated):
                        problems.add(shown, entry.line, 1, message)
    return Report(problems, notes, coverage)


def coverage_lines(coverage: dict[str, dict[str, int]]) -> list[str]:
    out = []
    for page_type, counts in coverage.items():
        total = sum(counts.values())
        shown = counts[CURRENT] + counts[UNREVIEWED]
        parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
        out.append(f"translations {page_type}: {shown}/{total} translated ({parts})")
    return out
