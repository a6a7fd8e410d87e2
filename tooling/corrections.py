"""Corrections: published claims change only through a public log.

A claim's published state is what the base (the pull request's base commit,
named by ``FACTCHECK_BASE``) holds.  Against it, every claim that exists at
the base must either be unchanged in the fields readers rely on
(:data:`LOGGED`), or carry new entries in its ``corrections`` log that name
each changed field with its old (published) and new value.  A published
claim is never removed: it is marked ``retracted`` with a reason.  The log is
append-only: entries already published stay as they were.

:func:`compare` finds what is missing; :func:`draft` writes the entries an
editor would add, with old and new filled in, for the editor to give a
reason (``python -m tooling corrections``).
"""

from __future__ import annotations

import io
import shlex
import subprocess
import tarfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .prose import clip
from .records import Claim, Corpus, Correction, Figure

# The fields a reader relies on: a change to any of them is a correction.
LOGGED = ("rating", "text", "claimant", "citations", "figure")
# Fields a correction may also name (a change readers see, though not required).
ALSO_LOGGABLE = ("contradicts",)


class BaseError(Exception):
    """The base named by FACTCHECK_BASE cannot be read."""


def _fold(text: str) -> str:
    return " ".join(text.split())


def _figure(f: Figure | dict | None) -> dict | None:
    if f is None:
        return None
    d = (
        f
        if isinstance(f, dict)
        else {
            "measure": f.measure,
            "value": f.value,
            "min": f.min,
            "max": f.max,
            "amount_text": f.amount_text,
            "qualifier": f.qualifier,
            "unit": f.unit,
            "scope": f.scope,
            "as_of": f.as_of,
        }
    )
    return {
        k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
        for k, v in d.items()
        if v is not None or k == "as_of"
    }


def _citations(value) -> list | None:
    if value is None:
        return None
    out = []
    for c in value:
        if isinstance(c, dict):
            out.append((c.get("source"), _fold(str(c.get("quote", "")))))
        else:
            out.append((c.source, _fold(c.quote)))
    return out


def normalise(field: str, value):
    """A field's value in a form where 'same' means the same to a reader."""
    if field == "citations":
        return _citations(value)
    if field == "figure":
        return _figure(value)
    if field == "contradicts":
        return sorted(value) if value else None
    return _fold(value) if isinstance(value, str) else value


def value_of(claim: Claim, field: str):
    return {
        "rating": claim.rating,
        "text": claim.text,
        "claimant": claim.claimant,
        "citations": claim.citations,
        "figure": claim.figure,
        "contradicts": claim.contradicts or None,
    }[field]


def as_yaml_value(claim: Claim, field: str):
    """The value as an editor writes it in a correction's old/new."""
    v = value_of(claim, field)
    if field == "citations":
        return [{"source": c.source, "quote": c.quote} for c in v]
    if field == "figure":
        return (
            {k: (int(x) if isinstance(x, float) and x.is_integer() else x) for k, x in (_figure(v) or {}).items()}
            if v is not None
            else None
        )
    return v


def changed_fields(base: Claim, head: Claim, fields=LOGGED + ALSO_LOGGABLE) -> list[str]:
    return [f for f in fields if normalise(f, value_of(base, f)) != normalise(f, value_of(head, f))]


@dataclass(frozen=True)
class Missing:
    claim: str
    field: str  # where to point: a field of the claim, '' for the claim itself
    message: str


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def kept_wording(was: Correction, now: Correction) -> bool:
    """A published entry's reason may be reworded for readers, if every wording published
    before (its reason, and the wordings its note kept) is kept in the new note."""
    if _fold(was.reason) == _fold(now.reason):
        return _fold(was.editors_note) in _fold(now.editors_note) if was.editors_note else True
    note = _fold(now.editors_note)
    return _fold(was.reason) in note and _fold(was.editors_note) in note


def compare(base: Mapping[str, Claim], head: Corpus) -> Iterator[Missing]:
    """Every published change (base: the published claims by id) that the head's corrections do not log."""
    for cid, old in sorted(base.items()):
        new = head.claims.get(cid)
        if new is None:
            if old.retracted is None:
                yield Missing(
                    cid,
                    "",
                    f"claim '{cid}' was published (event '{old.event}') and is gone; published "
                    "claims are never deleted: restore it and mark it 'retracted' with a date and reason",
                )
            continue
        n_old = len(old.corrections)
        if new.corrections[:n_old] != old.corrections:
            yield Missing(
                cid,
                "corrections",
                "the corrections log is append-only: entries already published "
                "were changed or removed; restore them as they were and add a new entry below",
            )
            continue
        for k, (was, now) in enumerate(zip(old.corrections, new.corrections, strict=False)):
            if not kept_wording(was, now):
                yield Missing(
                    cid,
                    f"corrections.{k}.editors_note",
                    "this correction's reason was reworded after it was published; that is allowed, but the "
                    "wording readers first saw must stay in the records: copy it into 'editors_note' "
                    f'("{clip(was.reason)}")',
                )
        if old.retracted is not None and new.retracted != old.retracted:
            yield Missing(cid, "retracted", "the retraction was published; it stays as it was")
        if old.published and new.published != old.published:
            yield Missing(
                cid,
                "published",
                f"a claim's publication date never changes once it is published: write it back as "
                f'"{old.published}" (a later change is a correction, dated the day it is made)',
            )
        added = new.corrections[n_old:]
        # Each field's changes in the new entries, in order: they must chain
        # from the published value to the current one (a claim may be
        # corrected twice before the next publication).
        chains: dict[str, list] = {}
        for c in added:
            for ch in c.changes:
                chains.setdefault(ch.field, []).append(ch)
        changed = changed_fields(old, new)
        for f in changed:
            if f not in chains:
                if f in LOGGED:
                    yield Missing(
                        cid,
                        f,
                        f"'{f}' changed since it was published ({_short(old, f)} → "
                        f"{_short(new, f)}) but no new corrections entry names it; add one under "
                        f"'corrections' with date, changes (field: {f}, old, new) and reason "
                        f"(FACTCHECK_BASE={shlex.quote(getattr(base, 'ref', 'origin/main'))} tooling/run "
                        "corrections --write adds it, ready for its reason)",
                    )
                continue
            chain = chains[f]
            if normalise(f, chain[0].old) != normalise(f, value_of(old, f)):
                yield Missing(
                    cid,
                    f,
                    f"the correction's old '{f}' is not the published one; write old as it "
                    f"was published: {_short(old, f)}",
                )
            for a, b in zip(chain, chain[1:], strict=False):
                if normalise(f, b.old) != normalise(f, a.new):
                    yield Missing(
                        cid,
                        f,
                        f"two corrections of '{f}' do not follow on: the later one's old is not "
                        "the earlier one's new; write old as the earlier correction left it",
                    )
            if normalise(f, chain[-1].new) != normalise(f, value_of(new, f)):
                yield Missing(
                    cid,
                    f,
                    f"the correction's new '{f}' is not the claim's current value; write new "
                    f"as the claim now has it: {_short(new, f)}",
                )
        for f in chains:
            if f in LOGGED + ALSO_LOGGABLE and f not in changed:
                yield Missing(
                    cid,
                    "corrections",
                    f"a new correction names a change to '{f}', but '{f}' is as "
                    "published; remove that change from the entry",
                )


def _short(claim: Claim, field: str, limit: int = 80) -> str:
    v = value_of(claim, field)
    if field == "citations":
        text = "; ".join(f"{c.source}: “{_fold(c.quote)}”" for c in v)
    elif field == "figure":
        text = v.display() if v is not None else "none"
    elif v is None:
        text = "none"
    else:
        text = str(v) if not isinstance(v, list) else ", ".join(v)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def draft(base: Mapping[str, Claim], head: Corpus, date: str) -> dict[str, list[dict]]:
    """claim id -> the corrections entry its changes still need, old and new filled in."""
    out = {}
    for cid, old in sorted(base.items()):
        new = head.claims.get(cid)
        if new is None:
            continue
        named = {ch.field for c in new.corrections[len(old.corrections) :] for ch in c.changes}
        fields = [f for f in changed_fields(old, new) if f not in named and f in LOGGED]
        if fields:
            out[cid] = [{"field": f, "old": as_yaml_value(old, f), "new": as_yaml_value(new, f)} for f in fields]
    return out


class Published(dict):
    """The published claims by id, and the git ref they were read at (for the hints)."""

    def __init__(self, ref: str):
        super().__init__()
        self.ref = ref


def load_base(ref: str, claims_dir: Path) -> Published:
    """The published claims as they are at git ref ``ref``.

    Read leniently, straight from each event file's YAML, not through today's
    validator: the base was valid under the rules of its own day, and a rule
    added since (a new required field, say) must not hide its claims from the
    comparison.
    """
    import yaml

    claims_dir = claims_dir.resolve()

    def git(*args: str, where: Path = claims_dir) -> bytes:
        try:
            return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True).stdout
        except FileNotFoundError as exc:
            raise BaseError("git is not installed; FACTCHECK_BASE needs git to read the base") from exc
        except subprocess.CalledProcessError as exc:
            raise BaseError(exc.stderr.decode("utf-8", "replace").strip() or "git failed") from exc

    top = Path(git("rev-parse", "--show-toplevel").decode().strip())
    rel = claims_dir.relative_to(top).as_posix()
    try:
        git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except BaseError as exc:
        raise BaseError(
            f"FACTCHECK_BASE='{ref}' is not a commit in this repository; "
            "set it to a branch, tag or commit (e.g. origin/main), or unset it"
        ) from exc
    published = Published(ref)
    try:
        # Pathspecs are relative to the folder git runs in: run it at the top.
        data = git("archive", "--format=tar", ref, "--", f"{rel}/events", where=top)
    except BaseError:
        return published  # no events at the base: nothing was published
    events: dict = {}
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            if not (member.isfile() and member.name.endswith(".yaml")):
                continue
            try:
                doc = yaml.safe_load(tar.extractfile(member).read().decode("utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError):
                continue  # not valid at the base either: nothing of it was published
            if isinstance(doc, dict) and isinstance(doc.get("claims"), list):
                events[Path(member.name).stem] = doc
    for event_id, doc in sorted(events.items()):
        for c in doc["claims"]:
            claim = _claim_from_yaml(c, str(doc.get("id", event_id)))
            if claim is not None:
                published[claim.id] = claim
    return published


def _claim_from_yaml(c, event: str) -> Claim | None:
    from .records import Change, Citation, Correction, Retraction

    if not isinstance(c, dict) or not isinstance(c.get("id"), str):
        return None
    f = c.get("figure")
    figure = None
    if isinstance(f, dict):
        fields = ("measure", "qualifier", "unit", "scope", "as_of", "value", "min", "max", "amount_text")
        figure = Figure(**{k: f.get(k) for k in fields})
    return Claim(
        id=c["id"],
        text=str(c.get("text", "")),
        claimant=str(c.get("claimant", "")),
        citations=[
            Citation(str(x.get("source")), str(x.get("quote", "")))
            for x in c.get("citations") or []
            if isinstance(x, dict)
        ],
        rating=str(c.get("rating", "")),
        rationale=str(c.get("rationale", "")),
        event=event,
        figure=figure,
        contradicts=list(c.get("contradicts") or []),
        published=str(c.get("published", "")),
        corrections=tuple(
            Correction(
                str(x.get("date")),
                tuple(
                    Change(y.get("field"), y.get("old"), y.get("new"))
                    for y in x.get("changes") or []
                    if isinstance(y, dict)
                ),
                str(x.get("reason", "")),
                x.get("editors_note") if isinstance(x.get("editors_note"), str) else None,
            )
            for x in c.get("corrections") or []
            if isinstance(x, dict)
        ),
        retracted=Retraction(str(c["retracted"].get("date")), str(c["retracted"].get("reason", "")))
        if isinstance(c.get("retracted"), dict)
        else None,
    )
