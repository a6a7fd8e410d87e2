"""The extension's configuration: everything a site says about itself.

Nothing about one site's subject lives in the extension's code: the
organisation, the default description and the titles and introductions of
the generated pages are ``conf.py`` values, with neutral defaults, so another
newsroom's Sphinx project can use the extension with its own ``claims/``.

``factcheck_pages`` maps a generated list (a key of
:data:`.domain.INDEX_PAGES`) to ``{"title": ..., "intro": ...}``; the intro is
Markdown (MyST), written by the site's maintainers, not by record editors.
"""

from __future__ import annotations

from ..i18n import N_, _

PAGE_DEFAULTS = {
    "events": {
        "title": N_("Timeline of events"),
        "intro": N_(
            "Every event the sources report: the dated ones on a day axis, then those no source "
            "dates, then the background. A date marked as an editor's inference is the editor's, not the "
            "sources'; each event page shows the sources' own words beside it."
        ),
    },
    "sources": {
        "title": N_("Sources"),
        "intro": N_("The captured texts the site is built from, each in full, with which of them retell one text."),
    },
    "claims": {
        "title": N_("All claims"),
        "intro": N_(
            "Every claim on the site, in the order of the timeline. Each rating has its own pages: choose one below."
        ),
    },
    "claimants": {"title": N_("Claimants"), "intro": N_("Who made the claims.")},
    "figures": {
        "title": N_("Contested figures"),
        "intro": N_(
            "Every number the sources report, grouped by what it counts. Where reports differ, all "
            "of them are shown; none is chosen as the true one."
        ),
    },
    "corrections": {
        "title": N_("Corrections"),
        "intro": N_(
            "When a published claim changes (its rating, wording, claimant, quoted passages or "
            "figure), the change is logged on the claim itself, with the date, the old and new "
            "values and the reason, and listed here. A claim is never deleted: a withdrawn claim "
            "is marked retracted and its address still says what it was and why it was "
            "withdrawn. The dates are those of publication, not of the build."
        ),
    },
}


def page_text(config, key: str) -> dict[str, str]:
    """Title and intro of one generated list: the site's own words over the defaults, in the
    build's language (both are marked N_() where written)."""
    words = {**PAGE_DEFAULTS[key], **(config.factcheck_pages or {}).get(key, {})}
    return {k: _(v) for k, v in words.items()}


def base_url(config) -> str:
    """The published address of the site, with a final slash; "" when unknown (a local build)."""
    url = config.html_baseurl or ""
    return url if not url or url.endswith("/") else url + "/"


def organization(config) -> str:
    """Who publishes the fact-checks: configured, else the site's title."""
    return config.factcheck_organization or config.html_title or config.project


def setup_config(app) -> None:
    app.add_config_value("factcheck_claims_dir", "claims", "env", types=frozenset({str}))
    # False: the records are not read (no validation, no generated pages): the gettext run that
    # extracts the hand-written pages' words for translators (tooling/catalogs.py) needs none.
    app.add_config_value("factcheck_read_records", True, "env", types=frozenset({bool}))
    # Who publishes the fact-check (ClaimReview author, feed author), and a default page description.
    app.add_config_value("factcheck_organization", "", "html", types=frozenset({str}))
    app.add_config_value("factcheck_description", "", "html", types=frozenset({str}))
    app.add_config_value("factcheck_pages", {}, "env", types=frozenset({dict}))
    # The map on the events index: a bundled outline file by name (tooling/sphinxext/mapdata/,
    # e.g. "syria-region") or a path from conf.py's folder; "" draws no map.
    app.add_config_value("factcheck_map_outlines", "", "env", types=frozenset({str}))
