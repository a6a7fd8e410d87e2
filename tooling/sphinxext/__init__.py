"""The Sphinx extension: renders the records of claims/ as the site.

Wiring, in build order (ARCHITECTURE.md has the whole flow):

- ``builder-inited``: load and validate claims/ (:func:`tooling.validate.check`);
  refuse to build on any problem; write the generated stub pages (:mod:`.pages`).
- reading: each stub's directive renders its own record (:mod:`.events`,
  :mod:`.sources`, :mod:`.claims_index`, :mod:`.claimants`) and notes the YAML files it read;
  content drawn from other records is left as a placeholder (:mod:`.aggregates`).
- ``env-get-updated``: the :class:`.aggregates.PageInputs` collector names the
  pages whose aggregates, metadata or neighbours changed, to be rewritten.
- ``doctree-resolved``: placeholders are filled; links resolve through the
  ``fc`` domain (:mod:`.domain`), the one place that knows addresses.
- ``html-page-context`` and ``build-finished``: metadata and exports (:mod:`.publish`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from .. import __version__
from ..validate import check
from . import (
    claimants,
    claims_index,  # noqa: F401 - imported for the aggregates it registers
    corrections,  # noqa: F401 - imported for the aggregates it registers
    events,
    figures,
    findings,  # noqa: F401 - imported for the aggregates it registers
    lists,
    publish,
    sources,
    state,
    timeline,  # noqa: F401 - imported for the aggregates it registers
)
from .aggregates import directive, setup_aggregates
from .config import base_url, setup_config
from .domain import FactCheckDomain
from .editions import setup_editions, translate_records
from .mapdraw import outline_file
from .navigation import setup_navigation
from .nodes import setup_nodes
from .pages import expand, write_pages
from .search import setup_search

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
THEME_TEMPLATES = Path(__file__).parent / "theme"

DIRECTIVES = {
    "fc-event": events.EventDirective,
    "fc-source": sources.SourceDirective,
    "fc-claimant": claimants.ClaimantDirective,
    "fc-figures": figures.FiguresDirective,
    "fc-rating-scale": lists.RatingScaleDirective,
    "fc-codebook": lists.CodebookDirective,
    "fc-rules": lists.RulesDirective,
    # Directives that are only an aggregate:
    "fc-event-list": directive("event-list"),
    "fc-timeline": directive("timeline"),
    "fc-map": directive("events-map", takes_argument=True),
    "fc-source-list": directive("source-list"),
    "fc-claims-index": directive("claims-index", optional_argument=True),
    "fc-key-findings": directive("key-findings"),
    "fc-home-events": directive("home-events"),
    "fc-key-numbers": directive("key-numbers"),
    "fc-claimant-list": directive("claimants-by-side"),
    "fc-corrections": directive("corrections-log"),
}


class RecordsError(SystemExit):
    """Stops the build on invalid records.

    A SphinxError would make sphinx-build print a crash report with a
    traceback; the editor needs only the list of problems, which has already
    been logged, one ``path:line:col: message`` per line.
    """


def _load_records(app) -> None:
    claims_dir = Path(app.confdir) / app.config.factcheck_claims_dir
    if not app.config.factcheck_read_records:
        from ..records import Corpus

        state.put(app.srcdir, Corpus(root=claims_dir))
        translate_records(app, state.get(app.srcdir))
        return
    # The parse cache sits with Sphinx's own pickled environment: both are
    # kept between builds and removed by -E or a clean.
    corpus, problems = check(claims_dir, Path(app.confdir), cache=Path(app.doctreedir) / "factcheck-parsed.pickle")
    if problems:
        report = problems.report()
        for line in report.splitlines():
            logger.error(line, type="factcheck", subtype="records")
        n = len(report.splitlines())
        logger.error(
            f"{n} problem(s) in the claim records; the site was not built. Run 'make check' to list them again.",
            type="factcheck",
            subtype="records",
        )
        raise RecordsError(1)
    # Measured once here, before parallel reading forks: every source page and
    # corroborated claim needs the origin groups.
    corpus.origins  # noqa: B018 - computes and caches the cached_property
    state.put(app.srcdir, corpus)
    # The build's language: its interface strings, and its translations put into the records.
    translate_records(app, corpus)
    # The records live as long as the build and hold no cycles to collect; the
    # collector would otherwise rescan them with every full collection, over
    # the whole build.  Frozen, they are left out of its scans.  (Collected
    # first: that also sets the collector's count of long-lived objects, which
    # keeps its full collections rare for the rest of the build.)
    import gc

    gc.collect()
    gc.freeze()
    for warning in write_pages(corpus, Path(app.srcdir), app.config):
        logger.warning(warning, type="factcheck", subtype="pages")


def _configure(app, config) -> None:
    config.html_static_path.append(str(STATIC))
    # Furo's page with our footer, and the search page. A new list: the default is
    # shared by every Sphinx in the process, and a changed list rebuilds every page.
    config.templates_path = [str(THEME_TEMPLATES), *(p for p in config.templates_path if p != str(THEME_TEMPLATES))]
    if config.factcheck_map_outlines:
        # Resolved here, where conf.py's folder is known: the page stub names the file itself.
        config.factcheck_map_outlines = str(outline_file(config.factcheck_map_outlines, Path(app.confdir)))
    config.html_baseurl = base_url(config)  # with its final slash: addresses are joined onto it
    if config.html_baseurl:
        # Defaults for the two extensions loaded in setup() (a site's conf.py may set its own).
        config.ogp_site_url = config.ogp_site_url or config.html_baseurl
        if config.ogp_type == "website":
            config.ogp_type = "article"
        config.ogp_social_cards = {"enable": False, **(config.ogp_social_cards or {})}
        config.sitemap_excludes = list(config.sitemap_excludes) or ["search.html", "genindex.html"]
        if config.sitemap_url_scheme == "{lang}{version}{link}":
            config.sitemap_url_scheme = "{link}"  # one language, one version: no /en/ in addresses


# The code that decides what a page says: the extension itself (code,
# templates, styles) and the modules whose words and numbers it prints.  The
# validator, the CLI and the benchmarks are not among them: editing those
# does not re-read every page.
RENDERING_MODULES = ("records.py", "names.py", "ratings.py", "rules.py", "integrity.py", "origins.py")


def _code_version() -> int:
    """A number that changes whenever the code that renders pages changes.

    Given to Sphinx as ``env_version``: a change to it re-reads every page, or
    an incremental build would keep pages rendered by the old code.
    """
    import zlib

    here = Path(__file__).resolve().parent
    files = sorted(p for p in here.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [here.parent / name for name in RENDERING_MODULES]
    crc = 0
    for path in files:
        crc = zlib.crc32(path.read_bytes(), zlib.crc32(path.relative_to(here.parent).as_posix().encode(), crc))
    return crc


def setup(app):
    setup_config(app)
    if app.config.html_baseurl:
        # A build for the published address: Open Graph tags and the sitemap
        # carry absolute addresses, so only such a build writes them; a local
        # build publishes no address.  Both are maintained extensions, pinned.
        app.setup_extension("sphinxext.opengraph")
        app.setup_extension("sphinx_sitemap")
        app.connect("html-page-context", publish.note_written)
        app.connect("build-finished", publish.complete_sitemap, priority=400)
    setup_nodes(app)
    setup_navigation(app)
    setup_search(app)
    setup_editions(app)
    setup_aggregates(app)
    app.add_domain(FactCheckDomain)
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _load_records)
    app.connect("source-read", expand)  # a stub's titles and introductions, in the build's language
    app.connect("env-get-outdated", figures.reread_when_order_changes)
    # Before sphinxext-opengraph (priority 500), which reads the page metadata set here.
    app.connect("html-page-context", publish.on_page_context, priority=400)
    app.connect("build-finished", publish.on_pages_final, priority=100)
    app.connect("build-finished", publish.on_build_finished)
    for name, cls in DIRECTIVES.items():
        app.add_directive(name, cls)
    app.add_css_file("factcheck.css")
    return {
        "version": __version__,
        "env_version": _code_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
