"""Values computed from a source text, kept between runs while the text is unchanged.

A rebuild after a one-claim edit re-validates every record, and some of that
work depends only on the captured texts, which rarely change: the origin
measurement compares every pair of texts, the coverage rule lists every
number and name in each article.  :class:`Memo` keeps such values under a
key made of the inputs' digests and the digest of the code that computes
them, so a value can only be reused for the same inputs and the same code.
The validator stores it beside its parse cache (:class:`tooling.yamlfile.ParseCache`);
without one, a Memo still computes each value once per run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def code_digest(function: Callable) -> str:
    """The digest of the source file that defines ``function``: part of the key of what it computes."""
    return _file_digest(function.__code__.co_filename)


@cache
def _file_digest(path: str) -> str:
    return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()


class Memo:
    def __init__(self, kept: dict[str, Any] | None = None):
        self.kept = kept or {}  # from the last run
        self.now: dict[str, Any] = {}  # used in this run: what the next run keeps

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``, or its value from a run with the same ``key`` (a tuple of strings)."""
        k = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=16).hexdigest()
        if k not in self.now:
            self.now[k] = self.kept[k] if k in self.kept else compute()
        return self.now[k]
