"""A problem found in an editor's file, and how it is printed.

Every check reports through :class:`Problem` so that the command line, the
Sphinx build and the GitHub annotations all say the same thing in the same
``path:line:col: message`` form.
"""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as shown to the editor: relative to the project root when possible
    line: int  # 1-based
    col: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def github(self) -> str:
        """The GitHub Actions workflow-command form, one annotation a problem."""

        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        prop = esc(self.path).replace(":", "%3A").replace(",", "%2C")
        return f"::error file={prop},line={self.line},col={self.col}::{esc(self.message)}"


def display_path(path: Path, root: Path | None) -> str:
    """The path as an editor would type it: relative to the project root."""
    if root is not None:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        if not rel.startswith(".."):
            return Path(rel).as_posix()
    return path.as_posix()


class Problems(list):
    """Collects problems; each check appends and keeps going."""

    def add(self, path: str, line: int, col: int, message: str) -> None:
        self.append(Problem(path, line, col, message))

    def report(self) -> str:
        return "\n".join(str(p) for p in sorted(set(self)))
