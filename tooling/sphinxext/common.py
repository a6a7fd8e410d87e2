"""Small node builders shared by the directives.

Every piece of editor text goes into a ``nodes.Text``; docutils escapes it
when writing HTML, so nothing from YAML is ever parsed as markup.
"""

from __future__ import annotations

from docutils import nodes

from ..records import NOT_STATED, Claim, Corpus
from ..ratings import BY_NAME
from .nodes import fc_link
from .rawhtml import badge_classes

EVENTS = "events"
SOURCES = "sources"
FIGURES = "figures/index"


def event_doc(event_id: str) -> str:
    return f"{EVENTS}/{event_id}"


def source_doc(source_id: str) -> str:
    return f"{SOURCES}/{source_id}"


def text(value) -> nodes.Text:
    return nodes.Text("" if value is None else str(value))


def para(*children, classes=()) -> nodes.paragraph:
    p = nodes.paragraph("", "", *[text(c) if isinstance(c, str) else c for c in children])
    p["classes"].extend(classes)
    return p


def inline(value, classes=()) -> nodes.inline:
    node = nodes.inline("", "", text(value) if isinstance(value, str) else value)
    node["classes"].extend(classes)
    return node


def strong(value: str) -> nodes.strong:
    return nodes.strong("", "", text(value))


def link(docname: str, anchor: str, label, title: str | None = None, classes=()) -> fc_link:
    node = fc_link("", "", text(label) if isinstance(label, str) else label, docname=docname, anchor=anchor)
    node["classes"].extend(classes)
    if title:
        node["reftitle"] = title
    return node


def external(url: str, label: str) -> nodes.reference:
    # The schema admits http(s) URLs only; checked again here because this is
    # the one place an editor's value becomes an href.
    if not url.startswith(("http://", "https://")):
        return text(label)
    return nodes.reference("", label, refuri=url, classes=["fc-external"])


def stated(value) -> str:
    return NOT_STATED if value in (None, "") else str(value)


def badge(rating: str) -> nodes.inline:
    """A rating badge: the label is text; colour only repeats it."""
    node = nodes.inline("", "", text(BY_NAME[rating].label))
    node["classes"].extend(badge_classes(rating))
    return node


def field_list(rows: list[tuple[str, object]]) -> nodes.field_list:
    fl = nodes.field_list()
    fl["classes"].append("fc-meta")
    for name, value in rows:
        body = value if isinstance(value, nodes.Node) else para(str(value))
        if not isinstance(body, (nodes.paragraph, nodes.bullet_list, nodes.container)):
            body = para(body)
        fl += nodes.field("", nodes.field_name("", name), nodes.field_body("", body))
    return fl


def section(title: str, ids: list[str], classes=()) -> nodes.section:
    sec = nodes.section(ids=list(ids))
    sec["classes"].extend(classes)
    sec += nodes.title("", "", text(title))
    return sec


def claim_link(corpus: Corpus, claim: Claim, label: str | None = None) -> fc_link:
    return link(event_doc(claim.event), claim.anchor, label or claim.text, title=claim.text)


def claimant_name(corpus: Corpus, claimant_id: str) -> str:
    c = corpus.claimants.get(claimant_id)
    return c.name if c else claimant_id
