"""The extension's docutils nodes and their HTML visitors.

- ``fc_mark``: a cited passage of a source text: ``<mark>`` in HTML, plain
  inline text in any other builder (translators fall back along the MRO).
- ``fc_marker``: a link whose visible label is not text: a source line's
  number or a cited passage's "[n]".  In HTML the label is drawn by CSS from
  ``data-n`` (generated content), so copying a passage copies the capture's
  words only; ``aria-label`` names the link for screen readers.  Other
  builders show its text child, like any reference.
- ``fc_placeholder``: left by a directive where content drawn from other
  records goes; :mod:`.aggregates` replaces it at ``doctree-resolved``.
- ``fc_template``: a large table or chart, rendered by a Jinja template in
  ``templates/`` from plain data (links already resolved).  The lists of
  everything grow with the records; built as docutils tables they cost about
  ten times more to resolve and write.  Templates autoescape: editor text is
  always escaped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from docutils import nodes

from .. import i18n

TEMPLATES = Path(__file__).parent / "templates"


class fc_mark(nodes.inline):  # noqa: N801 - docutils naming
    """A highlighted, cited passage of a source text."""


class fc_marker(nodes.reference):  # noqa: N801
    """Attributes ``refuri``, ``n`` (the number shown), ``label`` (the accessible name), ``reftitle``."""


class fc_placeholder(nodes.General, nodes.Element):  # noqa: N801
    """Where an aggregate goes: attributes ``kind`` and ``arg``."""


class fc_template(nodes.General, nodes.Element):  # noqa: N801
    """Template output: attributes ``template`` (a file in templates/) and ``data``."""


def visit_fc_mark_html(self, node):
    attrs = {"title": node["title"]} if node.get("title") else {}
    self.body.append(self.starttag(node, "mark", "", **attrs))


def depart_fc_mark_html(self, node):
    self.body.append("</mark>")


@lru_cache(maxsize=1)
def jinja():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    # Interface strings: {{ _("Rating") }}, {{ ngettext("{n} claim", "{n} claims", n).format(n=n) }}
    # (tooling/i18n.py; the active language is read at each call).
    env.globals.update(_=i18n.gettext, ngettext=i18n.ngettext)
    return env


def keep_compiled_templates(app) -> None:
    """Keep compiled templates (the theme's and ours) between builds.

    Compiling the theme's templates is a fixed cost of every build, about a
    third of a second, as large as rewriting the few pages a one-record edit
    changes.  Jinja's bytecode cache is keyed by each template's source and
    writes atomically; it lives in the doctree folder, so a clean build or
    ``-E`` starts afresh.
    """
    from jinja2 import FileSystemBytecodeCache

    folder = Path(app.doctreedir) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only build folder: compile as before
    cache = FileSystemBytecodeCache(str(folder))
    theme = getattr(getattr(app.builder, "templates", None), "environment", None)
    if theme is not None:
        theme.bytecode_cache = cache
    jinja().bytecode_cache = cache


def render_template(name: str, data) -> str:
    return jinja().get_template(name).render(d=data)


def visit_fc_marker_html(self, node):
    # starttag escapes every attribute value; the link holds no text, so a
    # selection of the line never contains the marker.
    attrs = {"href": node["refuri"], "aria-label": node["label"], "data-n": node["n"]}
    if node.get("reftitle"):
        attrs["title"] = node["reftitle"]
    self.body.append(self.starttag(node, "a", "", **attrs) + "</a>")
    raise nodes.SkipNode


def visit_fc_template_html(self, node):
    self.body.append(render_template(node["template"], node["data"]))
    raise nodes.SkipNode


def skip(self, node):
    """Builders other than HTML (text, LaTeX, man) leave the tables out."""
    raise nodes.SkipNode


def setup_nodes(app) -> None:
    others = {fmt: (skip, None) for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(fc_mark, html=(visit_fc_mark_html, depart_fc_mark_html))
    app.add_node(fc_marker, html=(visit_fc_marker_html, None))
    app.add_node(fc_placeholder, html=(skip, None), **others)
    app.add_node(fc_template, html=(visit_fc_template_html, None), **others)
    app.connect("builder-inited", keep_compiled_templates)
