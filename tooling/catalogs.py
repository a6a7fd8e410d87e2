"""``tooling/run translations update``: bring every translation catalog in step with the English.

Three kinds of catalog, one command (the translator's first step, CONTRIBUTING.md):

- the hand-written pages: Sphinx's gettext builder extracts their messages, and the
  theme's (``sphinx.pot``), into ``_build/gettext``; ``sphinx-intl update`` merges them
  into ``locale/<lang>/LC_MESSAGES/<page>.po`` (a changed paragraph becomes fuzzy);
- the interface strings: Babel extracts the ``_()``, ``N_()`` and ``ngettext()`` of the
  tooling's code and templates and merges them into ``factcheck.po``, the same way;
- the records: :func:`tooling.translations.update_records`.

Only the hand-written pages' catalogs are kept from the gettext build: the generated
record pages are translated through the records' own catalogs.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from .i18n import DOMAIN
from .translations import EDITIONS, LOCALE, read_catalog, update_records

KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


def extract_interface(root: Path):
    """The interface strings of the tooling's code and templates, as a Babel catalog (a template)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="factcheck interface", fuzzy=False)
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
    tooling = root / "tooling"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(tooling), method_map=method_map, options_map=options, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        if "sphinxext/theme/" in filename.replace("\\", "/"):
            continue  # the theme's templates use Sphinx's own catalog (sphinx.po)
        template.add(message, None, [(f"tooling/{filename}", lineno)], auto_comments=comments, context=context)
    # The site's own words in conf.py (its title, description, list introductions).
    from babel.messages.extract import extract

    with open(root / "conf.py", "rb") as f:
        for lineno, message, comments, context in extract("python", f, keywords=KEYWORDS):
            template.add(message, None, [("conf.py", lineno)], auto_comments=comments, context=context)
    return template


def update_interface(root: Path, lang: str) -> Path:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = extract_interface(root)
    po = root / LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if po.is_file():
        with open(po, "rb") as f:
            catalog = read_po(f, locale=lang)
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        catalog.obsolete.clear()  # gone from the code: nothing to keep
    else:
        catalog = Catalog(locale=lang, project="factcheck interface", fuzzy=False)
        catalog.update(template)
    buffer = io.BytesIO()
    # Where each string is used, by file only: a line number would change the catalog with every
    # edit of the code around it.
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False)
    if not po.is_file() or po.read_bytes() != buffer.getvalue():
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(buffer.getvalue())
    return po


def interface_missing(root: Path, lang: str) -> list[str]:
    """The interface strings of the code that the language's catalog does not have yet."""
    have = {e.english for e in read_catalog(root / LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po").values()}
    return sorted({m.id[0] if isinstance(m.id, tuple) else m.id for m in extract_interface(root) if m.id} - have)


def update_pages(root: Path, langs: list[str]) -> None:
    """Sphinx's gettext builder, then sphinx-intl, for the hand-written pages and the theme."""
    out = root / "_build" / "gettext"
    from .sphinxext.domain import GENERATED_DIRS

    # The records are not read (their pages are translated through their own catalogs), so a
    # translator can update the catalogs whatever state the records are in.
    excluded = ",".join(["_build", ".venv", "_bench", *(f"{d}/**" for d in GENERATED_DIRS)])
    run = [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", "-c", str(root), "-E"]
    run += ["-D", "factcheck_read_records=0", "-D", f"exclude_patterns={excluded}"]
    run += ["-D", "suppress_warnings=myst.xref_missing,ref.doc,toc.excluded"]  # links into the record pages left out
    run += ["-d", str(root / "_build" / "doctrees-gettext"), str(root / "docs"), str(out)]
    # A fixed creation date in the templates, so an update changes a catalog only where its words did.
    import os

    subprocess.run(run, check=True, env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    hand_written = {p.stem for p in (root / "docs").glob("*.md")} | {"sphinx"}
    for pot in out.glob("*.pot"):
        if pot.stem not in hand_written:
            pot.unlink()
    for folder in [p for p in out.iterdir() if p.is_dir()]:
        import shutil

        shutil.rmtree(folder)
    args = ["update", "-p", str(out), "-d", str(root / LOCALE)]
    for lang in langs:
        args += ["-l", lang]
    subprocess.run([sys.executable, "-m", "sphinx_intl", *args], check=True, stdout=subprocess.DEVNULL)


def update_all(root: Path, claims_dir: Path, pages: bool = True) -> list[str]:
    langs = list(EDITIONS)
    lines = []
    if pages:
        update_pages(root, langs)
        lines.append(f"pages: {LOCALE}/{{{','.join(langs)}}}/LC_MESSAGES/*.po updated from the English pages")
    for lang in langs:
        po = update_interface(root, lang)
        lines.append(f"interface: {po.relative_to(root)} updated from the code")
        written = update_records(root, claims_dir, lang)
        lines.append(f"records: {len(written)} catalog(s) of {LOCALE}/{lang}/records changed")
    return lines
