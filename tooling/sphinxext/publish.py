"""What the site publishes beyond its pages' bodies.

- ``html-page-context``: the page's description (``<meta name="description">``,
  and the ``og:description`` that sphinxext-opengraph writes when the site's
  address is known) and ClaimReview JSON-LD (schema.org) on each event page
  for the claims it reviews (the ``@id`` is the claim's anchor there; the
  lists show ratings without repeating the reviews).  Open Graph
  tags and the sitemap come from sphinxext-opengraph and sphinx-sitemap
  (``conf.py`` loads them when the site has a published address).
- ``build-finished``: the exports (``data/claims.json`` with its schema
  ``data/claims.schema.json``, ``data/figures.csv``, and the records' own
  schema ``data/records.schema.json``), the corrections feed, and each source's
  captured text, byte for byte, for readers to download (``sources/_captures/``).

Every value from YAML is escaped for its context: attributes with
``html.escape``, JSON-LD with ``<``, ``>`` and ``&`` as ``\\u`` escapes so that no
editor text can close the script element.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from html import escape
from pathlib import Path

from sphinx.util import logging

from .. import exports, prose, shapes
from ..exports import export_schema, text_language, to_csv, to_json
from ..i18n import _
from ..names import claimant_label
from ..ratings import BEST, BY_NAME, WORST
from ..records import Claim, Corpus
from ..schema_check import SCHEMA_PATH
from . import state
from .config import base_url, organization
from .corrections import feed_path, write_feed
from .domain import CAPTURES_DIR, EXPORTS, FILTERED, GENERATED_DIRS, address, capture_file
from .metadata import claims_on_page, description

logger = logging.getLogger(__name__)


def page_url(app, docname: str, anchor: str = "", from_page: str | None = None) -> str:
    """A page's address: absolute when the site's base URL is known; otherwise
    relative to ``from_page`` (a local build publishes no local address)."""
    if base_url(app.config) or from_page is None:
        uri = base_url(app.config) + app.builder.get_target_uri(docname)
    else:
        uri = app.builder.get_relative_uri(from_page, docname)
    return uri + (f"#{anchor}" if anchor else "")


def object_url(app, corpus: Corpus, objtype: str, name: str, from_page: str | None, fragment: str = "") -> str:
    docname, anchor = address(corpus, objtype, name)
    return page_url(app, docname, fragment or anchor, from_page)


def claim_review(app, corpus: Corpus, claim: Claim, pagename: str) -> dict:
    """ClaimReview for one claim; its dates come from the record, never from the build."""
    rating = BY_NAME[claim.rating]
    claimant = corpus.claimants[claim.claimant]
    url = object_url(app, corpus, "claim", claim.id, pagename)
    appearances = []
    for i, cit in enumerate(claim.citations):
        source = corpus.sources[cit.source]
        work = {
            "@type": "CreativeWork",
            "url": object_url(app, corpus, "source", source.id, pagename, claim.citation_anchor(i)),
            "name": source.title or source.label,
        }
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
        # The review's language: the edition's where the claim's text is translated, else English.
        "inLanguage": text_language(corpus, claim),
        "datePublished": claim.published,
        "author": {
            "@type": "Organization",
            "name": organization(app.config),
            **({"url": base_url(app.config)} if base_url(app.config) else {}),
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": _(rating.label),
        },
        "itemReviewed": {
            "@type": "Claim",
            # An analyst is a person; every other claimant kind is a body or a group.
            "author": {
                "@type": "Person" if claimant.kind == "analyst" else "Organization",
                "name": claimant_label(corpus, claim),  # an outlet's own voice is that outlet's
            },
            "appearance": appearances,
        },
    }
    if claim.updated:
        review["dateModified"] = claim.updated
    return review


def json_ld(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def on_page_context(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    try:
        corpus = state.get(app.srcdir)
    except KeyError:
        return
    desc = description(corpus, pagename, app.config.factcheck_description or app.config.project)
    tags = [f'<meta name="description" content="{escape(desc)}">']
    # sphinxext-opengraph (run after this handler) takes og:* values from the page's
    # metadata, as given, into a quoted attribute: give it the escaped text.
    context["meta"] = {**(context.get("meta") or {}), "og:description": escape(desc)}
    # A retracted claim is no longer a review the site stands by: no ClaimReview.
    claims = [c for c in claims_on_page(corpus, pagename) if c.retracted is None]
    if claims:
        tags.append(json_ld([claim_review(app, corpus, c, pagename) for c in claims]))
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    corpus = state.get(app.srcdir)
    out = Path(app.outdir) / EXPORTS
    out.mkdir(parents=True, exist_ok=True)
    sets = filtered_sets(corpus)
    files = {
        out / "claims.json",
        out / "claims.schema.json",
        out / "claims.csv",
        out / "changes.json",
        out / "changes.schema.json",
        out / "figures.csv",
        out / "records.schema.json",
        feed_path(app.outdir),
    } | {out / name for name in filtered_names(sets)}
    # The exports are a function of the records, the code and these settings: when
    # none changed and every file is there, they are not computed again.  The stamp
    # lives beside them, so a site swapped in by safe_build carries its own.
    stamp = out / ".inputs"
    code = [(Path(m.__file__).read_bytes()) for m in (exports, shapes, prose)]
    inputs = repr(
        (
            state.records_key(corpus),
            hashlib.sha256(b"".join(code)).hexdigest(),
            app.registry.get_envversion(app),
            app.config.html_baseurl,
            app.config.html_title,
            app.config.project,
            app.config.factcheck_organization,
        )
    )
    inputs = hashlib.sha256(inputs.encode("utf-8")).hexdigest()
    if not (stamp.exists() and stamp.read_text(encoding="utf-8") == inputs and all(f.exists() for f in files)):
        _write(out / "claims.json", to_json(corpus))
        _write(out / "claims.schema.json", json.dumps(export_schema(), indent=1, sort_keys=True) + "\n")
        _write(out / "figures.csv", to_csv(corpus))
        url = claim_address(app, corpus)
        _write(out / "claims.csv", exports.rows_csv(exports.claim_rows(corpus, url), exports.CLAIM_COLUMNS))
        _write(out / "changes.json", exports.changes_json(corpus, url, lambda t: prose.plain(t, corpus)))
        _write(out / "changes.schema.json", json.dumps(exports.changes_schema(), indent=1, sort_keys=True) + "\n")
        filtered = filtered_downloads(app, corpus, sets)
        for name, text in filtered.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            _write(out / name, text)
        # A filter that no longer exists (a claimant's last claim moved) leaves no file behind.
        for old in (out / FILTERED).glob("*") if (out / FILTERED).is_dir() else ():
            if f"{FILTERED}/{old.name}" not in filtered:
                old.unlink()
        _write(out / "records.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
        _write_bytes(feed_path(app.outdir), write_feed(app, corpus, base_url(app.config)))
        _write(stamp, inputs)
    write_captures(app, corpus)
    if not base_url(app.config):
        logger.info(
            "factcheck: FACTCHECK_BASE_URL is not set, so no sitemap.xml and no Open Graph tags were "
            "written and page addresses in the metadata are relative; set it to the published address "
            "for a release build."
        )


def note_written(app, pagename, templatename, context, doctree) -> None:
    app.builder.fc_written = getattr(app.builder, "fc_written", set()) | {pagename}


def complete_sitemap(app, exception) -> None:
    """Give sphinx-sitemap the pages this build did not rewrite.

    sphinx-sitemap lists the pages written in the current build; after an
    incremental build its sitemap would hold only the pages that changed.
    Runs before its ``build-finished`` handler.
    """
    links = getattr(app, "sitemap_links", None)
    if exception is not None or links is None or app.builder.name != "html":
        return
    written = getattr(app.builder, "fc_written", set())
    suffix = app.config.html_file_suffix or ".html"
    for docname in sorted(app.env.found_docs - written):
        link = docname + suffix
        if not any(fnmatch.fnmatch(link, pattern) for pattern in app.config.sitemap_excludes):
            links.put((link, None))


def on_pages_final(app, exception) -> None:
    """First in build-finished: the site's pages become final before anything reads them."""
    if exception is None and app.builder.format == "html":
        remove_stale_pages(app)


def remove_stale_pages(app) -> None:
    """Delete the HTML of generated pages whose record is gone.

    Sphinx never removes the output of a deleted source file: without this, an
    incremental build would keep serving a deleted event's page.
    """
    outdir = Path(app.outdir)
    for folder in GENERATED_DIRS:
        for path in sorted((outdir / folder).glob("**/*.html")):
            docname = path.relative_to(outdir).with_suffix("").as_posix()
            if docname not in app.env.found_docs:
                path.unlink()
    sitemap = outdir / "sitemap.xml"
    if not base_url(app.config) and sitemap.exists():
        sitemap.unlink()  # left by a build for the published address; this one has none


def write_captures(app, corpus: Corpus) -> None:
    """Copy each source's text file to where its page's download link points, and
    remove the captures of deleted sources (Sphinx would leave them served)."""
    outdir = Path(app.outdir)
    folder = outdir / CAPTURES_DIR
    # The text as loaded: the very bytes whose SHA-256 the validator checked and the page shows.
    wanted = {contained(outdir, capture_file(s.text_name)): s.text.encode("utf-8") for s in corpus.sources.values()}
    if wanted:
        folder.mkdir(parents=True, exist_ok=True)
    for dest, data in wanted.items():
        _write_bytes(dest, data)  # only when the bytes differ
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_file() and path not in wanted:
                path.unlink()


def contained(outdir: Path, relative: str) -> Path:
    """``outdir / relative``, refusing any path that would leave the output folder.

    A text file's name comes from YAML; the validator admits plain file names
    only, and this is checked again here, where the name becomes a path written to.
    """
    path = outdir / relative
    name = path.name
    if name.startswith(".") or "\\" in name or path.resolve().parent != (outdir / CAPTURES_DIR).resolve():
        raise ValueError(f"refusing to publish {relative!r}: not a plain file name inside {CAPTURES_DIR}/")
    return path


def claim_address(app, corpus: Corpus):
    """A claim's address for the exports: absolute when the site's address is set."""
    return lambda claim: object_url(app, corpus, "claim", claim.id, None)


def filtered_sets(corpus: Corpus) -> dict[str, list[str]]:
    """data/claims/<filter>: the claim ids each filter page lists (every page of a rating, of a
    source's claims, a claimant's page), so a reader downloads what they see.  Cheap: the
    files' names are known without writing them (a no-op rebuild writes nothing)."""
    from .claims_index import all_facets  # the filter pages' own sets

    sets = {facet: sorted(c.id for c in claims) for facet, claims in all_facets(corpus).items()}
    by_claimant: dict[str, list[str]] = {}
    for c in corpus.claims.values():
        by_claimant.setdefault(c.claimant, []).append(c.id)
    sets.update({f"claimant-{who}": sorted(ids) for who, ids in sorted(by_claimant.items())})
    return sets


def filtered_names(sets: dict[str, list[str]]) -> list[str]:
    return [f"{FILTERED}/{name}.{kind}" for name in sets for kind in ("csv", "json")]


def filtered_downloads(app, corpus: Corpus, sets: dict[str, list[str]]) -> dict[str, str]:
    """Each filter's claims as CSV and as JSON rows (the same columns)."""
    rows = {r["claim_id"]: r for r in exports.claim_rows(corpus, claim_address(app, corpus))}
    out = {}
    for name, ids in sets.items():
        chosen = [rows[i] for i in ids]
        out[f"{FILTERED}/{name}.csv"] = exports.rows_csv(chosen, exports.CLAIM_COLUMNS)
        out[f"{FILTERED}/{name}.json"] = exports.rows_json(chosen)
    return out


def _write(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write only when the bytes change (keeps mtimes stable), atomically."""
    if path.exists() and path.read_bytes() == data:
        return
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
