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
"""

from __future__ import annotations

import shutil
import subprocess
import time

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
        yield "search", {"title": "Search"}, "search.html"


# Beside the doctrees, not in the site (it holds modification times: the site must be
# byte-identical between builds): the pages the current index was built from.
MANIFEST = "factcheck-pagefind-pages.txt"
# Pages Sphinx writes in every build, none of which Pagefind indexes (no data-pagefind-body).
REWRITTEN_EVERY_BUILD = {"search.html", "genindex.html"}


def _pages(outdir) -> str:
    """The built pages as Pagefind would see them: name, size and modification time of
    each (a page added, removed or written again, even in a parallel writer, changes it)."""
    rows = []
    for path in sorted(outdir.rglob("*.html")):
        rel = path.relative_to(outdir).as_posix()
        if not rel.startswith((BUNDLE + "/", "_")) and rel not in REWRITTEN_EVERY_BUILD:
            st = path.stat()
            rows.append(f"{rel} {st.st_size} {st.st_mtime_ns}")
    return "\n".join(rows) + "\n"


def index_site(app, exception) -> None:
    if exception is not None or not _html_builder(app):
        return
    # Pagefind has no incremental mode: it reads every page each time.  A build that
    # wrote no page (a no-op rebuild) keeps the index it has.
    pages = _pages(app.outdir)
    manifest = app.doctreedir / MANIFEST
    entry = app.outdir / BUNDLE / "pagefind-entry.json"
    if entry.is_file() and manifest.is_file() and manifest.read_text(encoding="utf-8") == f"{app.outdir}\n{pages}":
        logger.info("search index (Pagefind): unchanged, kept")
        return
    try:
        from pagefind_bin import get_executable

        binary = str(get_executable())
    except (ImportError, FileNotFoundError) as err:
        raise ExtensionError(
            f"Pagefind is not installed ({err}): install the pinned requirements (make html does)"
        ) from None
    shutil.rmtree(app.outdir / BUNDLE, ignore_errors=True)  # no chunk of a removed page survives
    started = time.perf_counter()
    proc = subprocess.run(
        [binary, "--site", str(app.outdir), "--output-subdir", BUNDLE, "--exclude-selectors", ".headerlink", "--quiet"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise ExtensionError("Pagefind could not index the site:\n" + (proc.stderr or proc.stdout).strip())
    manifest.write_text(f"{app.outdir}\n{pages}", encoding="utf-8")
    logger.info("search index (Pagefind): %.1f s", time.perf_counter() - started)


def setup_search(app) -> None:
    app.connect("builder-inited", disable_sphinx_search)
    app.connect("html-collect-pages", search_page)
    app.connect("build-finished", index_site)
