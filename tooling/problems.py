"""A problem found in an editor's file, and how it is printed.

Every check reports through :class:`Problem` so that the command line, the
Sphinx build and the GitHub annotations all say the same thing in the same
``path:line:col: message`` form.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# How close a problem is to its root cause: files that cannot be read (a
# changed source text, a YAML syntax error) come first, then fields that do not
# fit the schema, then references and quotes, then the editorial rules, which
# judge what the rest built.  Editors fix from the top.
ROOT_CAUSE, SCHEMA, RECORDS, RULES = 0, 1, 2, 3

# What the skeletons (tooling/skeleton.py) write where only an editor can choose; the
# validator refuses it with one message of its own, and no schema error beside it.
PLACEHOLDER = "REPLACE:"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as shown to the editor: relative to the project root when possible
    line: int  # 1-based
    col: int  # 1-based
    message: str
    rank: int = RECORDS  # ROOT_CAUSE .. RULES: the order they are reported in

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def github(self) -> str:
        """The GitHub Actions workflow-command form, one annotation a problem."""

        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        prop = esc(self.path).replace(":", "%3A").replace(",", "%2C")
        return f"::error file={prop},line={self.line},col={self.col}::{esc(self.message)}"


def shorten(value: str, limit: int = 80) -> str:
    """A value as a message quotes it: cut to ``limit`` characters with its length said."""
    value = str(value)
    if len(value) <= limit:
        return value
    return f"{value[: limit - 1]}… ({len(value):,} characters)"


def closest(word: str, choices, cutoff: float = 0.6) -> str | None:
    """The choice an editor most likely meant, case ignored ('Article' is 'article'), or None.

    The one place suggestions are made, so every "did you mean" treats case alike."""
    from difflib import get_close_matches

    folded: dict[str, str] = {}
    for c in choices:
        folded.setdefault(str(c).casefold(), str(c))
    w = str(word).casefold()
    if w in folded:
        return folded[w]
    near = get_close_matches(w, list(folded), n=1, cutoff=cutoff)
    return folded[near[0]] if near else None


def as_id(value: str) -> str:
    """What an id written with capitals or spaces most likely meant: 'Article' -> 'article'."""
    import re

    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")


def display_path(path: Path, root: Path | None) -> str:
    """The path as an editor would type it: relative to the project root."""
    if root is not None:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        if not rel.startswith(".."):
            return Path(rel).as_posix()
    return path.as_posix()


class Problems(list):
    """Collects problems; each check appends and keeps going."""

    rank = RECORDS  # the rank of what is added without one: set by the phase of checking

    def add(self, path: str, line: int, col: int, message: str, rank: int | None = None) -> None:
        self.append(Problem(path, line, col, message, self.rank if rank is None else rank))

    def ordered(self) -> list[Problem]:
        """Each problem once, root causes first, then by file and line."""
        return sorted(set(self), key=lambda p: (p.rank, p.path, p.line, p.col, p.message))

    def report(self) -> str:
        return "\n".join(str(p) for p in self.ordered())


def github_annotations(problems: list[Problem], per_step: int = 10) -> list[str]:
    """Workflow commands for GitHub.  It shows only ten error annotations per step:
    with more problems than that, one annotation per file carries all of that
    file's problems, so none is lost (the job summary lists them all too)."""
    if len(problems) <= per_step:
        return [p.github() for p in problems]
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    out = []
    for path, found in by_file.items():
        first = found[0]
        body = "\n".join(f"line {p.line}:{p.col}: {p.message}" for p in found)
        out.append(Problem(path, first.line, first.col, f"{len(found)} problem(s) in this file:\n{body}").github())
    return out


def github_summary(problems: list[Problem]) -> str:
    """A Markdown table of every problem, for $GITHUB_STEP_SUMMARY."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rows = "".join(f"| {cell(p.path)} | {p.line}:{p.col} | {cell(p.message)} |\n" for p in problems)
    return (
        f"### {len(problems)} problem(s) in the claim records\n\nRoot causes first. Fix from the top, then run "
        "`make check` again.\n\n| file | line:col | problem |\n|---|---|---|\n" + rows
    )
