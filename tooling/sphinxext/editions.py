"""The site's editions: one Sphinx build per language, English at the root, each other under /<lang>/.

``make html`` runs Sphinx once per edition (``tooling/safe_build.py``: ``-D language=ar``,
its own doctree folder, its output moved under ``ar/``).  In a build for another language:

- the interface strings come from ``locale/<lang>/LC_MESSAGES/factcheck.po``
  (:mod:`tooling.i18n`) and the hand-written pages from Sphinx's own gettext catalogs
  (``locale_dirs``);
- the records' reader text is put into the records before any page is read
  (:func:`tooling.translations.apply`): current and unreviewed translations replace the
  English, the rest stay English, and ``corpus.translations`` says which (the event
  pages mark them);
- every page's ``<html>`` carries ``lang`` and ``dir``, ``hreflang`` alternates name the
  same page in every edition, and the language switch goes to it.

A page whose translation is partial says so (``fc_translation``, rendered by
``theme/page.html``); the English it falls back to carries ``lang="en"``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import i18n
from ..translations import EDITIONS, LOCALE, MISSING, OUTDATED, SOURCE, UNREVIEWED, apply, read_catalog
from . import state


def edition(app):
    return EDITIONS.get(app.config.language or "en", SOURCE)


def translate_records(app, corpus) -> None:
    """At ``builder-inited``, before pages are read or stubs written: the language's words."""
    root = Path(app.confdir)
    lang = edition(app).code
    i18n.activate(lang, root / LOCALE)
    corpus.translations = None
    if lang == SOURCE.code:
        return
    corpus.translations = apply(corpus, root, Path(app.confdir) / app.config.factcheck_claims_dir, lang)
    # The pages' fingerprints (state.records_key) cover the catalogs too: a changed translation
    # rewrites the pages that show it.
    interface = root / LOCALE / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    corpus.translation_files = [*corpus.translations.files, interface]


# The site's own words in conf.py that readers read (marked N_() there).
TRANSLATED_CONFIG = ("html_title", "factcheck_description")


def configure(app, config) -> None:
    """A non-English edition: its interface language from the start (the list pages' titles are
    written before any page is read), its title and description, and its published address (the
    site's, plus /<lang>/)."""
    ed = EDITIONS.get(config.language or "en", SOURCE)
    i18n.activate(ed.code, Path(app.confdir) / LOCALE)
    if ed is SOURCE:
        return
    for name in TRANSLATED_CONFIG:
        if getattr(config, name):
            setattr(config, name, i18n.gettext(getattr(config, name)))
    if config.html_baseurl and not config.html_baseurl.rstrip("/").endswith("/" + ed.code):
        config.html_baseurl = config.html_baseurl.rstrip("/") + f"/{ed.code}/"


def catalogs_changed(app, env, added, changed, removed) -> list[str]:
    """Pages that show a record whose catalog changed since the last build, to be read again.

    A record page depends on its YAML (``env.note_dependency``); its translation is in the
    catalog beside it, which Sphinx does not know about: a changed catalog counts as a
    change of its YAML."""
    if edition(app) is SOURCE:
        return []
    root = Path(app.confdir)
    claims_dir = root / app.config.factcheck_claims_dir
    folder = root / LOCALE / edition(app).code / "records"
    now = {}
    # The interface words are in every page: a changed interface catalog reads every page again.
    interface = root / LOCALE / edition(app).code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    now["(interface)"] = hashlib.sha256(interface.read_bytes()).hexdigest() if interface.is_file() else ""
    for po in folder.rglob("*.po") if folder.is_dir() else ():
        yaml_path = (claims_dir / po.relative_to(folder)).with_suffix(".yaml")
        now[str(yaml_path.resolve())] = hashlib.sha256(po.read_bytes()).hexdigest()
    before = getattr(env, "fc_catalogs", {})
    env.fc_catalogs = now
    stale = {path for path in now.keys() | before.keys() if now.get(path) != before.get(path)}
    if not stale or not before:
        return []
    if "(interface)" in stale:
        return sorted(env.found_docs)
    out = []
    for docname, deps in env.dependencies.items():
        if any(str((Path(env.srcdir) / d).resolve()) in stale for d in deps):
            out.append(docname)
    return out


def _other_url(app, pagename: str, target) -> str:
    """The same page in the edition ``target``: absolute with a published address, else relative."""
    here = edition(app)
    base = app.config.html_baseurl
    if base:
        site = base[: -len(f"{here.code}/")] if here is not SOURCE and base.endswith(f"{here.code}/") else base
        return site + ("" if target is SOURCE else f"{target.code}/") + f"{pagename}.html"
    site = "../" * pagename.count("/") + ("" if here is SOURCE else "../")
    return site + ("" if target is SOURCE else f"{target.code}/") + f"{pagename}.html"


def _page_status(app, pagename: str) -> dict[str, int]:
    """How much of a hand-written page's own catalog is translated (Sphinx shows the English of the rest)."""
    root = Path(app.confdir)
    po = root / LOCALE / edition(app).code / "LC_MESSAGES" / f"{pagename}.po"
    counts = {MISSING: 0, OUTDATED: 0, UNREVIEWED: 0}
    entries = read_catalog(po).values()
    if not entries:
        counts[MISSING] = 1
    for e in entries:
        if not e.translation:
            counts[MISSING] += 1
        elif e.fuzzy:
            counts[OUTDATED] += 1
        elif not e.reviewer:
            counts[UNREVIEWED] += 1
    return counts


def page_context(app, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html":
        return
    here = edition(app)
    context["fc_dir"] = here.dir
    editions = [SOURCE, *EDITIONS.values()]
    context["fc_editions"] = [
        {"code": e.code, "name": e.name, "href": _other_url(app, pagename, e), "current": e is here} for e in editions
    ]
    links = "".join(
        f'<link rel="alternate" hreflang="{e.code}" href="{_other_url(app, pagename, e)}">' for e in editions
    )
    context["metatags"] = context.get("metatags", "") + links + "\n"
    context["fc_translation"] = None
    if here is SOURCE:
        return
    try:
        corpus = state.get(app.srcdir)
    except KeyError:
        corpus = None
    if doctree is not None and pagename.split("/", 1)[0] not in _generated(app):
        counts = _page_status(app, pagename)
        if counts[MISSING] or counts[OUTDATED]:
            context["fc_translation"] = "partial"
        elif counts[UNREVIEWED]:
            context["fc_translation"] = "unreviewed"
    elif corpus is not None and corpus.translations is not None:
        context["fc_translation"] = None  # record pages say it where the text is (tooling/sphinxext/events.py)


def _generated(app) -> set[str]:
    from .domain import GENERATED_DIRS

    return {d.split("/", 1)[0] for d in GENERATED_DIRS} | {"search"}


def setup_editions(app) -> None:
    app.connect("config-inited", configure, priority=450)  # before the extension's own (base_url)
    app.connect("env-get-outdated", catalogs_changed)
    app.connect("html-page-context", page_context, priority=300)
