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
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .records import Claim, Corpus, Figure

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
    d = f if isinstance(f, dict) else {
        "measure": f.measure, "value": f.value, "min": f.min, "max": f.max, "amount_text": f.amount_text,
        "qualifier": f.qualifier, "unit": f.unit, "scope": f.scope, "as_of": f.as_of}
    return {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
            for k, v in d.items() if v is not None or k == "as_of"}


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
    return {"rating": claim.rating, "text": claim.text, "claimant": claim.claimant,
            "citations": claim.citations, "figure": claim.figure,
            "contradicts": claim.contradicts or None}[field]


def as_yaml_value(claim: Claim, field: str):
    """The value as an editor writes it in a correction's old/new."""
    v = value_of(claim, field)
    if field == "citations":
        return [{"source": c.source, "quote": c.quote} for c in v]
    if field == "figure":
        return {k: (int(x) if isinstance(x, float) and x.is_integer() else x)
                for k, x in (_figure(v) or {}).items()} if v is not None else None
    return v


def changed_fields(base: Claim, head: Claim, fields=LOGGED + ALSO_LOGGABLE) -> list[str]:
    return [f for f in fields if normalise(f, value_of(base, f)) != normalise(f, value_of(head, f))]


@dataclass(frozen=True)
class Missing:
    claim: str
    field: str  # where to point: a field of the claim, '' for the claim itself
    message: str


def compare(base: Corpus, head: Corpus) -> Iterator[Missing]:
    """Every published change that the head's corrections do not log."""
    for cid, old in sorted(base.claims.items()):
        new = head.claims.get(cid)
        if new is None:
            if old.retracted is None:
                yield Missing(cid, "", f"claim '{cid}' was published (event '{old.event}') and is gone; published "
                              "claims are never deleted: restore it and mark it 'retracted' with a date and reason")
            continue
        n_old = len(old.corrections)
        if new.corrections[:n_old] != old.corrections:
            yield Missing(cid, "corrections", "the corrections log is append-only: entries already published "
                          "were changed or removed; restore them as they were and add a new entry below")
            continue
        if old.retracted is not None and new.retracted != old.retracted:
            yield Missing(cid, "retracted", "the retraction was published; it stays as it was")
        added = new.corrections[n_old:]
        named = {ch.field: ch for c in added for ch in c.changes}
        for f in changed_fields(old, new):
            if f not in named:
                if f in LOGGED:
                    yield Missing(cid, f, f"'{f}' changed since it was published ({_short(old, f)} → "
                                  f"{_short(new, f)}) but no new corrections entry names it; add one under "
                                  f"'corrections' with date, changes (field: {f}, old, new) and reason "
                                  "(python -m tooling corrections prints it ready to fill in)")
                continue
            ch = named[f]
            if normalise(f, ch.old) != normalise(f, value_of(old, f)):
                yield Missing(cid, f, f"the correction's old '{f}' is not the published one; write old as it "
                              f"was published: {_short(old, f)}")
            if normalise(f, ch.new) != normalise(f, value_of(new, f)):
                yield Missing(cid, f, f"the correction's new '{f}' is not the claim's current value; write new "
                              f"as the claim now has it: {_short(new, f)}")
        for f, ch in named.items():
            if f in LOGGED + ALSO_LOGGABLE and f not in changed_fields(old, new):
                yield Missing(cid, "corrections", f"a new correction names a change to '{f}', but '{f}' is as "
                              "published; remove that change from the entry")


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
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


def draft(base: Corpus, head: Corpus, date: str) -> dict[str, list[dict]]:
    """claim id -> the corrections entry its changes still need, old and new filled in."""
    out = {}
    for cid, old in sorted(base.claims.items()):
        new = head.claims.get(cid)
        if new is None:
            continue
        named = {ch.field for c in new.corrections[len(old.corrections):] for ch in c.changes}
        fields = [f for f in changed_fields(old, new) if f not in named and (f in LOGGED or named)]
        if fields:
            out[cid] = [{"field": f, "old": as_yaml_value(old, f), "new": as_yaml_value(new, f)} for f in fields]
    return out


def load_base(ref: str, claims_dir: Path) -> Corpus:
    """The records as they are at git ref ``ref``, read from a temporary copy."""
    from .validate import check

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
        raise BaseError(f"FACTCHECK_BASE='{ref}' is not a commit in this repository; "
                        "set it to a branch, tag or commit (e.g. origin/main), or unset it") from exc
    try:
        # Pathspecs are relative to the folder git runs in: run it at the top.
        data = git("archive", "--format=tar", ref, "--", rel, where=top)
    except BaseError:
        return Corpus(root=claims_dir)  # no claims/ at the base: nothing was published
    with tempfile.TemporaryDirectory(prefix="factcheck-base-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        corpus, _problems = check(Path(tmp) / rel, Path(tmp))
        # Claims are what matter here; make sure their lazy parts are computed
        # before the temporary copy goes away.
        _ = corpus.claims
    return corpus
