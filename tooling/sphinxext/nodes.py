"""Docutils nodes of the fact-check pages, and how links between pages resolve.

``fc_link`` points at an anchor on another generated page by docname; it is
turned into an ordinary reference once the builder knows the page's URL
(``doctree-resolved``), so the same doctree works for html and dirhtml.
``fc_mark`` is a cited passage: ``<mark>`` in HTML, plain inline text in any
other builder (Sphinx's translators fall back along the class's MRO).
"""

from __future__ import annotations

import re

from docutils import nodes


class fc_link(nodes.inline):  # noqa: N801 - docutils naming
    """A link to ``docname#anchor``; attributes: docname, anchor."""


class fc_mark(nodes.inline):  # noqa: N801
    """A highlighted, cited passage of a source text."""


def visit_fc_mark_html(self, node):
    attrs = {}
    if node.get("title"):
        attrs["title"] = node["title"]
    self.body.append(self.starttag(node, "mark", "", **attrs))


def depart_fc_mark_html(self, node):
    self.body.append("</mark>")


_RAW_LINK = re.compile(r'href="fc:([^"#]*)(#[^"]*)?"')


def resolve_links(app, doctree, fromdocname):
    """Replace every fc_link, and every ``href="fc:..."`` in raw HTML, with the target page's URL."""
    builder = app.builder
    uris: dict[str, str] = {}

    def uri_of(target: str) -> str:
        if target not in uris:
            uris[target] = "" if target == fromdocname else builder.get_relative_uri(fromdocname, target)
        return uris[target]

    for node in list(doctree.findall(nodes.raw)):
        if "fc:" in node.astext():
            html = _RAW_LINK.sub(lambda m: f'href="{uri_of(m.group(1)) + (m.group(2) or "") or "#"}"', node.astext())
            node.replace_self(nodes.raw("", html, format="html"))
    for node in list(doctree.findall(fc_link)):
        target = node["docname"]
        anchor = node.get("anchor", "")
        if target == fromdocname:
            uri = ""
        else:
            try:
                uri = builder.get_relative_uri(fromdocname, target)
            except Exception:  # a builder without pages (e.g. linkcheck): keep the text
                node.replace_self(node.children)
                continue
        if anchor:
            uri += "#" + anchor
        ref = nodes.reference("", "", *node.children, internal=True, refuri=uri or "#",
                              classes=node.get("classes", []))
        if node.get("reftitle"):
            ref["reftitle"] = node["reftitle"]
        node.replace_self(ref)
