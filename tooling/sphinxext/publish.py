"""What the site publishes beyond its pages' bodies.

- ``html-page-context``: per-page ``<head>`` metadata: a description, Open
  Graph tags, and ClaimReview JSON-LD (schema.org) for every claim the page
  shows with its rating (event, claimant, all-claims and figures pages; the
  ``@id`` is always the claim's anchor on its event page), as sphinxext-opengraph does it,
  through ``context["metatags"]``.
- ``build-finished``: the exports (``data/claims.json``, ``data/figures.csv``,
  ``data/records.schema.json``) and ``sitemap.xml``.

Every value from YAML is escaped for its context: attributes with
``html.escape``, JSON-LD with ``<``, ``>`` and ``&`` as ``\\u`` escapes so that no
editor text can close the script element.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from ..exports import to_csv, to_json
from ..ratings import BEST, BY_NAME, WORST
from ..records import Claim, Corpus
from ..validate import SCHEMA_PATH
from sphinx.util import logging

from . import state
from .corrections import feed_path, write_feed

logger = logging.getLogger(__name__)

EXPORTS = "data"


def base_url(config) -> str:
    url = config.html_baseurl or ""
    return url if not url or url.endswith("/") else url + "/"


def page_url(app, docname: str, anchor: str = "", from_page: str | None = None) -> str:
    """A page's address: absolute when the site's base URL is known; otherwise
    relative to ``from_page`` (a local build publishes no local address)."""
    if base_url(app.config) or from_page is None:
        uri = base_url(app.config) + app.builder.get_target_uri(docname)
    else:
        uri = app.builder.get_relative_uri(from_page, docname)
    return uri + (f"#{anchor}" if anchor else "")


def claims_on_page(corpus: Corpus, pagename: str) -> list[Claim]:
    """The claims a page shows with their ratings: each gets its ClaimReview there."""
    if pagename == "claims/index":
        return [c for e in corpus.events_in_order() for c in e.claims]
    if pagename == "figures/index":
        return [c for claims in corpus.figures_by_measure().values() for c in claims]
    kind, _, rid = pagename.partition("/")
    if kind == "events" and rid in corpus.events:
        return corpus.events[rid].claims
    if kind == "claimants" and rid in corpus.claimants:
        return [c for e in corpus.events_in_order() for c in e.claims if c.claimant == rid]
    return []


def claim_review(app, corpus: Corpus, claim: Claim, pagename: str) -> dict:
    """ClaimReview for one claim; its dates come from the record, never from the build."""
    rating = BY_NAME[claim.rating]
    claimant = corpus.claimants[claim.claimant]
    url = page_url(app, f"events/{claim.event}", claim.anchor, pagename)
    appearances = []
    for i, cit in enumerate(claim.citations):
        source = corpus.sources[cit.source]
        work = {"@type": "CreativeWork", "url": page_url(app, f"sources/{source.id}", claim.citation_anchor(i), pagename),
                "name": source.title or source.label}
        if source.url:
            work["sameAs"] = source.url
        if source.publisher:
            work["publisher"] = {"@type": "Organization", "name": source.publisher}
        appearances.append(work)
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": claim.text,
        "datePublished": claim.published,
        "author": {"@type": "Organization", "name": organization(app.config),
                   **({"url": base_url(app.config)} if base_url(app.config) else {})},
        "reviewRating": {"@type": "Rating", "ratingValue": rating.value, "bestRating": BEST,
                         "worstRating": WORST, "alternateName": rating.label},
        "itemReviewed": {
            "@type": "Claim",
            # An analyst is a person; every other claimant kind is a body or a group.
            "author": {"@type": "Person" if claimant.kind == "analyst" else "Organization", "name": claimant.name},
            "appearance": appearances,
        },
    }
    if claim.updated:
        review["dateModified"] = claim.updated
    return review


def organization(config) -> str:
    """Who publishes the fact-checks: configured, else the site's title."""
    return config.factcheck_organization or config.html_title or config.project


def json_ld(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def description(corpus: Corpus, pagename: str, default: str) -> str:
    kind, _, rid = pagename.partition("/")
    if kind == "events" and rid in corpus.events:
        return corpus.events[rid].summary
    if kind == "sources" and rid in corpus.sources:
        s = corpus.sources[rid]
        return f"Full text of {s.label}, with every passage the fact-check quotes highlighted."
    if kind == "claimants" and rid in corpus.claimants:
        return f"Every claim by {corpus.claimants[rid].name}, with ratings and the sources that carry it."
    return default


def on_page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    try:
        corpus = state.get(app.srcdir)
    except KeyError:
        return
    desc = " ".join(description(corpus, pagename, app.config.factcheck_description or app.config.project).split())
    if len(desc) > 300:
        desc = desc[:297] + "…"
    title = context.get("title") or app.config.project
    tags = [
        f'<meta name="description" content="{escape(desc)}">',
        f'<meta property="og:title" content="{escape(_plain(title))}">',
        f'<meta property="og:description" content="{escape(desc)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{escape(app.config.html_title or app.config.project)}">',
    ]
    if base_url(app.config):
        tags.append(f'<meta property="og:url" content="{escape(page_url(app, pagename))}">')
    # A retracted claim is no longer a review the site stands by: no ClaimReview.
    claims = [c for c in claims_on_page(corpus, pagename) if c.retracted is None]
    if claims:
        tags.append(json_ld([claim_review(app, corpus, c, pagename) for c in claims]))
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def _plain(title: str) -> str:
    """Sphinx gives the title as HTML; Open Graph wants text."""
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", title))


def on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    corpus = state.get(app.srcdir)
    out = Path(app.outdir) / EXPORTS
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "claims.json", to_json(corpus))
    _write(out / "figures.csv", to_csv(corpus))
    _write(out / "records.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
    base = base_url(app.config)
    _write_bytes(feed_path(app.outdir), write_feed(app, corpus, base))
    sitemap = Path(app.outdir) / "sitemap.xml"
    if not base:
        # A sitemap needs absolute addresses; a local build has none to give.
        if sitemap.exists():
            sitemap.unlink()
        logger.info("factcheck: FACTCHECK_BASE_URL is not set, so no sitemap.xml was written and page "
                    "addresses in the metadata are relative; set it to the published address for a release build.")
    else:
        urls = sorted(app.builder.get_target_uri(d) for d in app.env.found_docs)
        body = "".join(f"<url><loc>{xml_escape(base + u)}</loc></url>\n" for u in urls)
        _write(Path(app.outdir) / "sitemap.xml",
               '<?xml version="1.0" encoding="UTF-8"?>\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n")


def _write(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write only when the bytes change (keeps mtimes stable), atomically."""
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


