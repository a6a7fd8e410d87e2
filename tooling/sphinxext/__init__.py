"""The Sphinx extension: renders the records of claims/ as the site.

Wiring, in build order:

- ``builder-inited``: load and validate claims/ (:func:`tooling.validate.check`);
  refuse to build on any problem; write the generated stub pages (:mod:`.pages`).
- reading: each stub's directive renders its record (:mod:`.events`,
  :mod:`.sources`, :mod:`.figures`, :mod:`.lists`) and notes the YAML files the
  page depends on, so an edit re-reads only the pages that show it.
- ``doctree-resolved``: links between pages get their final URLs (:mod:`.nodes`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from .. import __version__
from ..validate import check
from . import publish, state
from .corrections import CorrectionsDirective
from .claims_index import ClaimantDirective, ClaimantListDirective, ClaimsIndexDirective
from .events import EventDirective
from .figures import FiguresDirective
from .lists import EventListDirective, RatingScaleDirective, RulesDirective, SourceListDirective, TimelineDirective
from .nodes import depart_fc_mark_html, fc_link, fc_mark, resolve_links, visit_fc_mark_html
from .pages import write_pages
from .sources import SourceDirective

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


class RecordsError(SystemExit):
    """Stops the build on invalid records.

    A SphinxError would make sphinx-build print a crash report with a
    traceback; the editor needs only the list of problems, which has already
    been logged, one ``path:line:col: message`` per line.
    """


def _load_records(app) -> None:
    claims_dir = Path(app.confdir) / app.config.factcheck_claims_dir
    corpus, problems = check(claims_dir, Path(app.confdir))
    if problems:
        report = problems.report()
        for line in report.splitlines():
            logger.error(line, type="factcheck", subtype="records")
        n = len(report.splitlines())
        logger.error(f"{n} problem(s) in the claim records; the site was not built. "
                     "Run 'make check' to list them again.", type="factcheck", subtype="records")
        raise RecordsError(1)
    # Measured once here, before parallel reading forks: every source page and
    # corroborated claim needs the origin groups.
    corpus.origins  # noqa: B018 - computes and caches the cached_property
    state.put(app.srcdir, corpus)
    for warning in write_pages(corpus, Path(app.srcdir)):
        logger.warning(warning, type="factcheck", subtype="pages")


def _configure(app, config) -> None:
    config.html_static_path.append(str(STATIC))
    # Quotes and source texts are verbatim: docutils' SmartQuotes would turn
    # the source's straight ' and " into typographic ones on the page.
    config.smartquotes = False


def _code_version() -> int:
    """A number that changes whenever the tooling's code or schema changes.

    Given to Sphinx as ``env_version``: pages are rendered by this code, so a
    change to it must re-read every page, or an incremental build would keep
    pages rendered by the old code.
    """
    import zlib

    root = Path(__file__).resolve().parent.parent
    crc = 0
    # ids.schema.json is data for editors, written by make check: not code.
    files = sorted(root.rglob("*.py")) + sorted(p for p in root.rglob("*.json") if p.name != "ids.schema.json")
    for path in files + sorted(root.rglob("*.css")):
        crc = zlib.crc32(path.read_bytes(), zlib.crc32(path.relative_to(root).as_posix().encode(), crc))
    return crc


def setup(app):
    app.add_config_value("factcheck_claims_dir", "claims", "env", types=frozenset({str}))
    # Who publishes the fact-check (ClaimReview author, feed author), and a default page
    # description: the site's own words, set in conf.py, so another newsroom's site says its own.
    app.add_config_value("factcheck_organization", "", "html", types=frozenset({str}))
    app.add_config_value("factcheck_description", "", "html", types=frozenset({str}))
    app.connect("html-page-context", publish.on_page_context)
    app.connect("build-finished", publish.on_build_finished)
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _load_records)
    app.connect("doctree-resolved", resolve_links)
    app.add_node(fc_link)
    app.add_node(fc_mark, html=(visit_fc_mark_html, depart_fc_mark_html))
    app.add_directive("fc-event", EventDirective)
    app.add_directive("fc-source", SourceDirective)
    app.add_directive("fc-figures", FiguresDirective)
    app.add_directive("fc-event-list", EventListDirective)
    app.add_directive("fc-source-list", SourceListDirective)
    app.add_directive("fc-rating-scale", RatingScaleDirective)
    app.add_directive("fc-timeline", TimelineDirective)
    app.add_directive("fc-claims-index", ClaimsIndexDirective)
    app.add_directive("fc-claimant", ClaimantDirective)
    app.add_directive("fc-claimant-list", ClaimantListDirective)
    app.add_directive("fc-corrections", CorrectionsDirective)
    app.add_directive("fc-rules", RulesDirective)
    app.add_css_file("factcheck.css")
    app.add_js_file("factcheck-filter.js", loading_method="defer")
    return {"version": __version__, "env_version": _code_version(), "parallel_read_safe": True, "parallel_write_safe": True}
