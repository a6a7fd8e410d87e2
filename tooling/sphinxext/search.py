"""Full-text search with Pagefind instead of Sphinx's own index.

Sphinx's search loads one ``searchindex.js`` holding every word of every page,
on the search page and (with most themes) on every page: at 2,000 events
that file alone is over the whole page budget, and its tokenizer drops
numbers, so "255" found nothing.  Pagefind (pinned ``pagefind-bin``, a single
binary) indexes the built HTML after the build into ``pagefind/``, in chunks:
the search page imports its loader only when a reader searches, and the
loader fetches only the chunks for the words searched.

Only the article body is indexed (``data-pagefind-body`` in
``theme/page.html``), not the navigation.  A build that stopped with an error
is not indexed; its output is never published anyway (``safe_build``).
A rebuild indexes only the pages it changed, into a second bundle (below).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"


def _html_builder(app) -> bool:
    return app.builder.format == "html" and app.builder.name in {"html", "dirhtml"}


def disable_sphinx_search(app) -> None:
    if _html_builder(app):
        app.builder.search = False  # no searchindex.js, no Sphinx search page


def search_page(app):
    """The search page (theme/search.html), in place of Sphinx's."""
    if _html_builder(app):
        from . import state
        from .search_filters import search_options

        # The filters' choices are written into the page: it loads nothing until a reader searches.
        yield "search", {"title": "Search", "fc_filters": search_options(state.get(app.srcdir))}, "search.html"


# Pagefind has no incremental mode: it reads every page each time, 1.7 s at 500
# events, most of a one-record edit.  So the index is kept in two parts, the way
# a log-structured index is: the *base* bundle, built from every page, and a
# small *delta* bundle built from only the pages written (or removed) since the
# base.  The search page asks both and drops the base's hits on those pages
# (``pagefind/fc-delta.json`` names them), so every hit is a page as it is now
# and the count is exact.  Scores come from each index's own word statistics, so
# a delta's do not compare with the base's: a rewritten page is ranked with its
# previous version's score, and a page that matches only as it is now with its
# delta score scaled by the pages that match in both (after the base's hits when
# none does), until the next full index, which a fresh build, or a delta of more
# than DELTA_SHARE of the pages, always makes.
DELTA_BUNDLE = "pagefind-delta"
SEARCH_DIRS = (BUNDLE, DELTA_BUNDLE)  # folders of the site that are the index, not pages
DELTA_FILE = "fc-delta.json"  # in the base bundle: which delta to ask, which base hits to drop
DELTA_SHARE = 0.1
DELTA_MIN_PAGES = 20  # a small site's delta may be this large (a full index of it is quick anyway)
# Beside the doctrees, not in the site (it holds modification times: the site must be
# byte-identical between builds): what the current base and delta were built from.
STATE = "factcheck-pagefind.json"
# Pages Sphinx writes in every build, none of which Pagefind indexes (no data-pagefind-body).
REWRITTEN_EVERY_BUILD = {"search.html", "genindex.html"}


def _pages(outdir: Path) -> dict[str, str]:
    """The built pages as Pagefind would see them: each page's size and modification
    time (a page added, removed or written again, even in a parallel writer, changes it)."""
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        rel = path.relative_to(outdir).as_posix()
        if rel.split("/", 1)[0] not in SEARCH_DIRS and not rel.startswith("_") and rel not in REWRITTEN_EVERY_BUILD:
            st = path.stat()
            pages[rel] = f"{st.st_size} {st.st_mtime_ns}"
    return pages


def pagefind_url(page: str) -> str:
    """The address Pagefind records for a built page (it drops a trailing index.html)."""
    url = "/" + page
    return url.removesuffix("index.html") if url.endswith("/index.html") else url


def _page_ids(bundle: Path) -> dict[str, str]:
    """Pagefind's id of each page in a bundle, by address: the names of its fragments,
    each a gzipped ``pagefind_dcd`` + JSON record that holds the page's url."""
    ids = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        record = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        ids[json.loads(record)["url"]] = fragment.name.removesuffix(".pf_fragment")
    return ids


def _binary() -> str:
    try:
        from pagefind_bin import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError) as err:
        raise ExtensionError(
            f"Pagefind is not installed ({err}): install the pinned requirements (make html does)"
        ) from None


def _start_pagefind(outdir: Path, bundle: str, glob: str | None = None) -> subprocess.Popen:
    """Pagefind, started: it runs while the other build-finished handlers write the exports."""
    shutil.rmtree(outdir / bundle, ignore_errors=True)  # no chunk of a removed page survives
    args = [
        _binary(),
        "--site",
        str(outdir),
        "--output-subdir",
        bundle,
        "--exclude-selectors",
        ".headerlink, .fc-translation-notice",
    ]
    if glob:
        args += ["--glob", glob]
    return subprocess.Popen([*args, "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _write_delta_file(outdir: Path, delta: str | None, drop: list[str], was: dict[str, str] | None = None) -> None:
    record = {"delta": f"../{delta}/pagefind.js" if delta else None, "drop": drop, "was": was or {}}
    (outdir / BUNDLE / DELTA_FILE).write_text(json.dumps(record) + "\n", encoding="utf-8")


def _index_print(outdir: Path) -> str | None:
    """A fingerprint of the index files in a site: the entry files (Pagefind names each chunk
    by its content) and fc-delta.json.  A site copied elsewhere (``safe_build`` builds in a
    copy) keeps it; any other index in that folder does not match it."""
    h = hashlib.sha256()
    for rel in (f"{BUNDLE}/pagefind-entry.json", f"{BUNDLE}/{DELTA_FILE}", f"{DELTA_BUNDLE}/pagefind-entry.json"):
        try:
            h.update(rel.encode() + b"\0" + (outdir / rel).read_bytes() + b"\0")
        except FileNotFoundError:
            if rel.startswith(BUNDLE + "/"):
                return None  # no base index here
    return h.hexdigest()


def _load_state(doctreedir: Path, outdir: Path) -> dict | None:
    """The state of the index in ``outdir``, or None when there is none or it is not that index."""
    try:
        state = json.loads((doctreedir / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("index") is None or state.get("index") != _index_print(outdir):
        return None
    return state


def plan(state: dict | None, pages: dict[str, str]) -> tuple[str, list[str]]:
    """What to index: ("keep", []), ("delta", the pages changed since the base) or ("full", [])."""
    if state is None:
        return "full", []
    base = state["base"]
    since = sorted(p for p in pages.keys() | base.keys() if pages.get(p) != base.get(p))
    if len(since) > max(DELTA_MIN_PAGES, DELTA_SHARE * len(pages)):
        return "full", []
    if {p: pages.get(p) for p in since} == state["delta"]:
        return "keep", []
    return "delta", since


@dataclass
class _Indexing:
    """An index being made: Pagefind started early in build-finished, finished last."""

    action: str
    since: list[str]
    pages: dict[str, str]
    state: dict | None
    started: float
    process: subprocess.Popen | None


def start_index(app, exception) -> None:
    """Early in build-finished, once the set of pages is final: start Pagefind."""
    app.fc_indexing = None
    if exception is not None or not _html_builder(app):
        return
    outdir, doctreedir = Path(app.outdir), Path(app.doctreedir)
    pages = _pages(outdir)
    state = _load_state(doctreedir, outdir)
    action, since = plan(state, pages)
    if action == "keep":
        logger.info("search index (Pagefind): unchanged, kept")
        return
    started, process = time.perf_counter(), None
    if action == "full":
        shutil.rmtree(outdir / DELTA_BUNDLE, ignore_errors=True)
        process = _start_pagefind(outdir, BUNDLE)
    elif rewritten := [p for p in since if p in pages]:
        process = _start_pagefind(outdir, DELTA_BUNDLE, "{" + ",".join(rewritten) + "}")
    else:  # only removals: the base's hits on them are dropped, there is nothing to add
        shutil.rmtree(outdir / DELTA_BUNDLE, ignore_errors=True)
    app.fc_indexing = _Indexing(action, since, pages, state, started, process)


def finish_index(app, exception) -> None:
    """Last in build-finished: wait for Pagefind, then record what the index holds."""
    job = getattr(app, "fc_indexing", None)
    if job is None:
        return
    app.fc_indexing = None
    if job.process is not None:
        out, err = job.process.communicate()
        if job.process.returncode != 0:
            raise ExtensionError("Pagefind could not index the site:\n" + (err or out).strip())
    if exception is not None:
        return  # the build failed after indexing began: its site is not published, record nothing
    outdir = Path(app.outdir)
    if job.action == "full":
        state = {"base": job.pages, "ids": _page_ids(outdir / BUNDLE)}
        _write_delta_file(outdir, None, [])
        done = "every page"
    else:
        state = job.state
        ids = state["ids"]
        drop = sorted(ids[u] for u in map(pagefind_url, job.since) if u in ids)
        # Each delta page's id in the base, by address: the search page ranks a rewritten
        # page where its previous version ranked (a delta's word statistics are those of a
        # few pages, so its own scores do not compare with the base's).
        fresh = _page_ids(outdir / DELTA_BUNDLE) if job.process is not None else {}
        was = {fresh[u]: ids[u] for u in sorted(fresh) if u in ids}
        _write_delta_file(outdir, DELTA_BUNDLE if job.process is not None else None, drop, was)
        done = f"{len(job.since)} page(s) changed since the last full index"
    state["delta"] = {p: job.pages.get(p) for p in job.since}
    state["index"] = _index_print(outdir)
    (Path(app.doctreedir) / STATE).write_text(json.dumps(state), encoding="utf-8")
    logger.info("search index (Pagefind): %.1f s, %s", time.perf_counter() - job.started, done)


# Scripts Sphinx puts on every page for its own search (the highlighting of searched words, the
# index's options, its messages in the page's language), which the site switched off: each was
# downloaded by every first visit (about 4 KiB gzipped together) and used by none.
SPHINX_SEARCH_SCRIPTS = ("documentation_options.js", "doctools.js", "sphinx_highlight.js", "translations.js")


def drop_sphinx_search_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts:
        # Each is a path under _static ("doctools.js", "translations.js"); Sphinx adds "?v=" when writing.
        context["script_files"] = [
            js for js in scripts if Path(str(getattr(js, "filename", js))).name not in SPHINX_SEARCH_SCRIPTS
        ]


def setup_search(app) -> None:
    app.connect("builder-inited", disable_sphinx_search)
    app.connect("html-page-context", drop_sphinx_search_scripts)
    app.connect("html-collect-pages", search_page)
    # Started once the pages are final (after publish.remove_stale_pages, priority 100: a
    # deleted record's page must not be found), finished last: Pagefind, a process of its
    # own, indexes while the exports and the feed are written.
    app.connect("build-finished", start_index, priority=200)
    app.connect("build-finished", finish_index, priority=900)
