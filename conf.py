"""Sphinx configuration for the fact-check site.

Run from the repository root: ``sphinx-build -c . docs _build/html`` (or
``make html``).  The records live in claims/; the extension in
tooling/sphinxext reads them, validates them and writes the generated pages
under docs/events, docs/sources and docs/figures (git-ignored).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

# N_() marks the site's own words for translation (tooling/run translations update extracts them
# into locale/<lang>/LC_MESSAGES/factcheck.po; each edition shows its language's).
from tooling.i18n import N_  # noqa: E402

project = "Aleppo offensive fact-check"
author = "The fact-check team"
copyright = "the fact-check team"  # noqa: A001 - no year: Sphinx rewrites the current year from SOURCE_DATE_EPOCH, which would make pages depend on the build date

extensions = [
    "myst_parser",
    "sphinx_design",
    "tooling.sphinxext",
]

# Where the records are, relative to this file.
factcheck_claims_dir = "claims"
# The map of places on the events index: outlines bundled with the extension
# (tooling/sphinxext/mapdata/README.md names their source and licence).
factcheck_map_outlines = "syria-region"

# The editions: English here, and each language of tooling/translations.py's EDITIONS built
# with -D language=<code> under /<code>/ (make html builds them all: tooling/safe_build.py).
# Their gettext catalogs are in locale/ (relative to docs/, as Sphinx reads it);
# CONTRIBUTING.md has the translator's walk-through.
language = "en"
locale_dirs = ["../locale/"]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", ".venv", "_bench"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The address the site is served from: canonical links, Open Graph, ClaimReview
# and the sitemap use it. The Pages and Read the Docs builds set
# FACTCHECK_BASE_URL from the host's own variables; without it, no published
# file carries an address (no canonical link, relative ClaimReview URLs, no
# sitemap), so a local build never publishes a local address.
html_baseurl = os.environ.get("FACTCHECK_BASE_URL", "")
# With it, the extension also loads sphinxext-opengraph and sphinx-sitemap.
factcheck_organization = os.environ.get("FACTCHECK_ORGANIZATION", "Aleppo offensive fact-check")
# The default page description (search snippets, share cards). The captures are
# undated: the month is an editor's inference and says so.
# The titles and introductions of the generated lists (the extension's defaults are neutral).
factcheck_pages = {
    "events": {
        "intro": N_(
            "Every event the sources report: the offensive day by day, then what the sources do not "
            'date, the background history, and a map of the places. The sources give weekdays ("on '
            "Wednesday\"), not calendar dates: every calendar date here is an editor's inference, and "
            "each event page shows the sources' own words beside it."
        )
    },
    "claimants": {
        "intro": N_(
            "Who made the claims, grouped by side: governments, armed groups, monitors, state media, "
            "UN officials, and the outlets' own reporting."
        )
    },
}
factcheck_description = N_(
    "A fact-check of the rebel offensive on Aleppo (late November 2024, an editor's "
    "inference: the captures are undated): who claimed what, in which source, and how it holds."
)

# Furo: a maintained theme with no framework, icon font or web font (its CSS and
# JavaScript are about a tenth of pydata-sphinx-theme's), valid HTML, a dark mode
# that follows the reader's system, and a sidebar that becomes a drawer on a phone.
# The extension keeps its navigation to the top sections (tooling/sphinxext/navigation.py).
html_theme = "furo"
html_title = N_("Aleppo offensive fact-check")
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# Nothing links to a general index of terms; the claims index is the site's index.
html_use_index = False
html_theme_options = {
    # The theme's "view source" and "edit" buttons: readers have the capture downloads
    # on each source page and editors the contributing guide instead.
    "top_of_page_buttons": [],
}
