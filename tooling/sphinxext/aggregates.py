"""Content drawn from many records, filled in when a page is written.

A page's own record is rendered when the page is read (:mod:`.events`,
:mod:`.sources`), and the page depends on that record's files through
``env.note_dependency``.  Anything a page shows from a *set* of records (the
lists of everything, the figures table, a source's backlinks, the claims that
dispute a claim, the origin groups) is an **aggregate**: the directive leaves
an ``fc_placeholder`` node, and at ``doctree-resolved`` the aggregate's
``collect`` function gathers its data from the records and its ``render``
function turns that data into nodes.  This is the pattern of Sphinx's own
todo list, and of sphinx-needs' tables.

Which pages to rewrite is decided by :class:`PageInputs`, an environment
collector: after reading, it fingerprints everything each page shows that
its doctree does not hold (its aggregates' data, its metadata, its
previous/next links) and returns from ``get_updated_docs`` every page whose
fingerprint changed.  The fingerprint is taken from the very data the page is
rendered from, so a page cannot show stale data, and an unchanged page is
neither re-read nor rewritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util.docutils import SphinxDirective

from . import state
from .domain import Linker
from .metadata import metadata_inputs
from .nodes import fc_placeholder, fc_template


@dataclass(frozen=True)
class Aggregate:
    kind: str
    collect: Callable  # (corpus, arg) -> plain data holding Links; compared between builds
    render: Callable  # (data, linker) -> list of nodes; sees nothing but the data, so nothing unfingerprinted


AGGREGATES: dict[str, Aggregate] = {}


def register(kind: str, collect: Callable, render: Callable) -> None:
    AGGREGATES[kind] = Aggregate(kind, collect, render)


def drawn_by(template: str) -> Callable:
    """A render function that draws an aggregate's data with one template (links resolved first)."""

    def render(data, linker) -> list[nodes.Node]:
        return [fc_template("", template=template, data=linker.resolve(data))]

    return render


def placeholder(kind: str, arg: str = "") -> fc_placeholder:
    return fc_placeholder("", kind=kind, arg=arg)


def data_of(corpus, kind: str, arg: str):
    """An aggregate's data, computed once per build (the fingerprint and the page share it)."""
    cache = state.cache(corpus)
    if (kind, arg) not in cache:
        cache[kind, arg] = AGGREGATES[kind].collect(corpus, arg)
    return cache[kind, arg]


def directive(kind: str, takes_argument: bool = False, optional_argument: bool = False) -> type[SphinxDirective]:
    """A directive that is only its aggregate: ``{fc-claims-index}``, ``{fc-figures}`` ..."""

    class AggregateDirective(SphinxDirective):
        has_content = False
        required_arguments = 1 if takes_argument else 0
        optional_arguments = 1 if optional_argument else 0
        option_spec = {"class": directives.class_option}

        def run(self):
            return [placeholder(kind, self.arguments[0] if self.arguments else "")]

    AggregateDirective.__name__ = f"Aggregate_{kind}"
    return AggregateDirective


def fill(app, doctree, docname) -> None:
    """``doctree-resolved``: every placeholder becomes its aggregate's nodes."""
    found = list(doctree.findall(fc_placeholder))
    if not found:
        return
    corpus = state.get(app.srcdir)
    linker = Linker(app.builder, docname, corpus)
    for node in found:
        agg = AGGREGATES[node["kind"]]
        node.replace_self(agg.render(data_of(corpus, node["kind"], node["arg"]), linker) or [])


class PageInputs(EnvironmentCollector):
    """Remembers each page's aggregates, and names the pages whose inputs changed."""

    @staticmethod
    def _pending(env) -> dict[str, list[tuple[str, str]]]:
        if not hasattr(env, "fc_pending"):
            env.fc_pending = {}
        return env.fc_pending

    @staticmethod
    def _prints(env) -> dict[str, str]:
        if not hasattr(env, "fc_prints"):
            env.fc_prints = {}
        return env.fc_prints

    def clear_doc(self, app, env, docname) -> None:
        self._pending(env).pop(docname, None)
        self._prints(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        mine, theirs = self._pending(env), self._pending(other)
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]

    def process_doc(self, app, doctree) -> None:
        items = [(n["kind"], n["arg"]) for n in doctree.findall(fc_placeholder)]
        if items:
            self._pending(app.env)[app.env.docname] = items

    def get_updated_docs(self, app, env) -> list[str]:
        try:
            corpus = state.get(env.srcdir)
        except KeyError:
            return []
        # Nothing read, nothing removed and the same record files: every fingerprint
        # is what it was (they depend on nothing else), so skip computing them.
        unchanged = (state.records_key(corpus), frozenset(env.found_docs))
        if not getattr(env, "fc_read_now", True) and getattr(env, "fc_unchanged", None) == unchanged:
            return []
        env.fc_unchanged = unchanged
        pending, prints = self._pending(env), self._prints(env)
        relations = env.collect_relations()

        def title(docname):
            return env.titles[docname].astext() if docname in env.titles else ""

        changed = []
        for docname in sorted(env.found_docs):
            around = [(d, title(d)) for d in relations.get(docname, []) if d]
            inputs = (
                [(kind, arg, data_of(corpus, kind, arg)) for kind, arg in pending.get(docname, ())],
                metadata_inputs(corpus, docname),
                around,
            )
            # repr, not pickle: pickle's bytes depend on which equal strings are one object.
            fingerprint = hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()
            if prints.get(docname) != fingerprint:
                prints[docname] = fingerprint
                changed.append(docname)
        return changed


def _note_reading(app, env, docnames) -> None:
    env.fc_read_now = bool(docnames)


def setup_aggregates(app) -> None:
    app.connect("env-before-read-docs", _note_reading)
    app.connect("doctree-resolved", fill)
    app.add_env_collector(PageInputs)
