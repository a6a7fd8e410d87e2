"""The site's navigation: the top sections only, the same few links on every page.

Furo draws its sidebar from ``context["toctree"](maxdepth=-1, includehidden=True)``,
which walks every page in every toctree on every page written: at 2,000 events
that is 2,000 entries rendered into each of 2,000 pages, so the build grows with
the square of the corpus and every page's bytes with its size.  Readers reach an
event through the timeline, the claims index and previous/next instead, so the
sidebar lists only the root document's own toctree entries, marking the section
the page is in.  It is computed from ``env.titles`` (no doctree walk): cheap,
and the same size at any corpus.

``READER_SECTIONS_END`` ends the readers' part: pages after it in the root
toctree (the contributor pages) stay out of the navigation and are linked from
the footer instead.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx import addnodes

# The first root-toctree entry that is not for readers: it and the entries
# after it (contributing, benchmarks) are linked from the footer only.
READER_SECTIONS_END = "contributing"


def root_entries(env) -> list[str]:
    """Docnames of the root document's toctree entries, in order."""
    doctree = env.get_doctree(env.config.root_doc)
    out: list[str] = []
    for toctree in doctree.findall(addnodes.toctree):
        out += [ref for _title, ref in toctree["entries"] if ref != "self"]
    return out


def sections(env) -> tuple[list[str], list[str]]:
    """(reader sections, contributor pages) of the root toctree."""
    cached = getattr(env, "_factcheck_sections", None)
    if cached is None:
        entries = root_entries(env)
        cut = entries.index(READER_SECTIONS_END) if READER_SECTIONS_END in entries else len(entries)
        cached = env._factcheck_sections = (entries[:cut], entries[cut:])
    return cached


def _title(env, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if isinstance(title, nodes.Node) else docname


def _section_of(docname: str, section: str) -> bool:
    if docname == section:
        return True
    folder = section.rsplit("/", 1)[0] + "/" if section.endswith("/index") else None
    return bool(folder) and docname.startswith(folder)


def sections_html(app, pagename: str) -> str:
    """The sidebar's list: one link per reader section, the current one marked."""
    env = app.env
    readers, _ = sections(env)
    items = []
    for docname in readers:
        current = _section_of(pagename, docname)
        href = app.builder.get_relative_uri(pagename, docname)
        cls = "toctree-l1 current current-page" if current else "toctree-l1"
        aria = ' aria-current="page"' if pagename == docname else ""
        items.append(
            f'<li class="{cls}"><a class="reference internal" href="{escape(href)}"{aria}>'
            f"{escape(_title(env, docname))}</a></li>"
        )
    return '<ul class="current">' + "".join(items) + "</ul>"


def footer_links(app, pagename: str) -> list[dict]:
    """The contributor pages, for the footer."""
    env = app.env
    _, contributors = sections(env)
    return [
        {"href": app.builder.get_relative_uri(pagename, d), "title": _title(env, d)}
        for d in contributors
        if d in env.titles
    ]


def on_page_context(app, pagename, templatename, context, doctree) -> None:
    """Before furo's handler (priority 500): give it a toctree that costs nothing."""
    if "toctree" in context:
        context["toctree"] = lambda **_kw: sections_html(app, pagename)
    context["factcheck_footer_links"] = footer_links(app, pagename)


def on_env_updated(app, env):
    # A new root toctree (an edited index.md) is read again on the next page.
    env.__dict__.pop("_factcheck_sections", None)
    return []


def setup_navigation(app) -> None:
    app.connect("env-updated", on_env_updated)
    app.connect("html-page-context", on_page_context, priority=100)
