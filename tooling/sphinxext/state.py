"""The records of the current build, shared by the directives and aggregates.

The corpus is loaded once per build, in the main process at
``builder-inited``, before any page is read; parallel readers and writers are
forked from that process and inherit it.  It is keyed by the source directory
so that several Sphinx applications in one process (the tests) never see each
other's records.  Nothing here is pickled into the environment: the YAML
files are the state, ``env.note_dependency`` ties pages to their own records,
and :mod:`.aggregates` fingerprints the rest.
"""

from __future__ import annotations

from pathlib import Path

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..records import Corpus

_CORPORA: dict[str, Corpus] = {}


def key(srcdir) -> str:
    return str(Path(srcdir).resolve())


def put(srcdir, corpus: Corpus) -> None:
    _CORPORA[key(srcdir)] = corpus


def get(srcdir) -> Corpus:
    return _CORPORA[key(srcdir)]


def records_key(corpus: Corpus) -> str:
    """A digest of every record file's path and bytes: equal keys, equal records."""
    c = cache(corpus)
    if "records_key" not in c:
        import hashlib
        import os

        h = hashlib.sha256()
        # A build in another language also shows its catalogs (tooling/sphinxext/editions.py).
        for path in sorted([*corpus.record_files(), *getattr(corpus, "translation_files", ())]):
            if not path.is_file():
                continue
            h.update(os.path.relpath(path, corpus.root).encode() + b"\0" + path.read_bytes() + b"\0")
        c["records_key"] = h.hexdigest()
    return c["records_key"]


def cache(corpus: Corpus) -> dict:
    """Per-build memo of values computed from this corpus (it never changes during a build)."""
    return corpus.__dict__.setdefault("_computed", {})


class RecordDirective(SphinxDirective):
    """Base of the directives that render one record when its page is read."""

    has_content = False
    option_spec = {"class": directives.class_option}

    @property
    def corpus(self) -> Corpus:
        return get(self.env.srcdir)

    def depend(self, *paths) -> None:
        """This page must be re-read when any of these files changes."""
        for path in paths:
            if path is not None:
                self.env.note_dependency(str(path))
