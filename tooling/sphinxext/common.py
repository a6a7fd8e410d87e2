"""Small node builders shared by the directives.

Every piece of editor text goes into a ``nodes.Text``; docutils escapes it
when writing HTML, so nothing from YAML is ever parsed as markup.
"""

from __future__ import annotations

from docutils import nodes

from ..i18n import _
from ..prose import Ref, ref_label, split
from ..ratings import BY_NAME
from ..records import NOT_STATED, Claim, Corpus
from .domain import Link, xref


def text(value) -> nodes.Text:
    return nodes.Text("" if value is None else str(value))


def para(*children, classes=()) -> nodes.paragraph:
    flat = [x for c in children for x in (c if isinstance(c, list) else [c])]
    p = nodes.paragraph("", "", *[text(c) if isinstance(c, str) else c for c in flat])
    p["classes"].extend(classes)
    return p


def prose(corpus: Corpus, value: str | None) -> list[nodes.Node]:
    """Editors' prose as nodes: its words as text (escaped when written), each reference
    ({source}`src-003`, {term}`origin` ...) as a link showing the record's reader name.
    The validator has refused a reference to nothing, so each one resolves."""
    out: list[nodes.Node] = []
    for piece in split(value or ""):
        if isinstance(piece, Ref):
            out.append(link(piece.kind, piece.target, ref_label(piece, corpus), classes=["fc-ref"]))
        else:
            out.append(text(piece))
    return out


def prose_nodes(segments: list, linker) -> list[nodes.Node]:
    """:func:`prose_data` back into nodes, in an aggregate's render (links resolved by ``linker``)."""
    return [linker.reference(s, classes=["fc-ref"]) if isinstance(s, Link) else text(s) for s in segments]


def prose_files(corpus: Corpus, *values: str | None) -> set:
    """The record files whose names the references in these texts show: a page that
    renders them depends on those files (``env.note_dependency``)."""
    from ..prose import refs

    files = set()
    for value in values:
        for r in refs(value or ""):
            if r.kind == "source" and r.target in corpus.sources:
                files.add(corpus.sources[r.target].yaml_path)
            elif r.kind == "claim" and r.target in corpus.claims:
                files.add(corpus.events[corpus.claims[r.target].event].yaml_path)
            elif r.kind == "event" and r.target in corpus.events:
                files.add(corpus.events[r.target].yaml_path)
            elif r.kind == "claimant":
                files.add(corpus.claimants_path)
            elif r.kind == "measure":
                files.add(corpus.measures_path)
    return files


def prose_data(corpus: Corpus, value: str | None) -> list:
    """The same as data for a template (``macros.prose``): strings and Links."""
    return [Link(p.kind, p.target, ref_label(p, corpus)) if isinstance(p, Ref) else p for p in split(value or "")]


def words(message: str, **values) -> list:
    """A translated message whose placeholders hold nodes (links, prose) as well as text:
    ``words(_("One origin with {sources}: …"), sources=[...])`` -> text and nodes in the
    message's order, so a translation may move the links.  Text values are inserted as text."""
    import string

    out: list = []
    for literal, name, spec, _conversion in string.Formatter().parse(message):
        if literal:
            out.append(literal)
        if name is None:
            continue
        value = values[name]
        if isinstance(value, (str, int, float)):
            out.append(format(value, spec) if spec else str(value))
        elif isinstance(value, list):
            out.extend(value)
        else:
            out.append(value)
    return out


def and_list(items: list) -> list:
    """Nodes (or texts) as one list, 'A and B and C', in the reader's language."""
    out: list = list(items[:1])
    for item in items[1:]:
        out = words(_("{list} and {last}"), list=out, last=item)
    return out


def inline(value, classes=()) -> nodes.inline:
    node = nodes.inline("", "", text(value) if isinstance(value, str) else value)
    node["classes"].extend(classes)
    return node


def strong(*values) -> nodes.strong:
    """Bold: text (escaped), or text and links."""
    return nodes.strong("", "", *[text(v) if isinstance(v, str) else v for v in values])


def link(objtype: str, name: str, label, fragment: str = "", title: str = "", classes=()):
    """A link to a record, resolved by the ``fc`` domain (:mod:`.domain`)."""
    return xref(objtype, name, label, fragment=fragment, title=title or "", classes=classes)


def same_page(anchor: str, label: str, title: str = "", classes=()) -> nodes.reference:
    ref = nodes.reference("", "", text(label), internal=True, refuri=f"#{anchor}", classes=list(classes))
    if title:
        ref["reftitle"] = title
    return ref


def external(url: str, label: str) -> nodes.reference:
    # The schema admits http(s) URLs only; checked again here because this is
    # the one place an editor's value becomes an href.
    if not url.startswith(("http://", "https://")):
        return text(label)
    return nodes.reference("", label, refuri=url, classes=["fc-external"])


def stated(value) -> str:
    return _(NOT_STATED) if value in (None, "") else str(value)


def badge_classes(rating: str) -> list[str]:
    """The one place a badge's classes are named (templates/macros.html uses the same)."""
    return ["fc-badge", f"fc-rating-{BY_NAME[rating].name}"]


def badge_data(rating: str) -> dict:
    """A badge as data, for templates/macros.html."""
    return {"cls": " ".join(badge_classes(rating)), "label": _(BY_NAME[rating].label)}


def rating_counts(claims) -> list[tuple[dict, int]]:
    """[(badge, count)] in scale order, for 'Corroborated ×4 Reported ×1'."""
    from ..ratings import SCALE

    counts: dict[str, int] = {}
    for c in claims:  # a plain dict: Counter() cost more than the rest of the timeline
        counts[c.rating] = counts.get(c.rating, 0) + 1
    return [(badge_data(r.name), counts[r.name]) for r in SCALE if r.name in counts]


def badge(rating: str) -> nodes.inline:
    """A rating badge: the label is text; colour only repeats it."""
    node = nodes.inline("", "", text(_(BY_NAME[rating].label)))
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


def claim_link(corpus: Corpus, claim: Claim, label: str | None = None):
    return link("claim", claim.id, label or claim.text, title=claim.text)


def claim_ref(claim: Claim, label: str | None = None, fragment: str = "") -> Link:
    """The same link as data, for aggregates."""
    return Link("claim", claim.id, label or claim.text, fragment, claim.text)


def claimant_name(corpus: Corpus, claimant_id: str) -> str:
    c = corpus.claimants.get(claimant_id)
    return c.name if c else claimant_id


def contradiction_group(corpus: Corpus, claim_id: str, among) -> list[Claim]:
    """The claims linked to this one by 'contradicts', either way and through each
    other, that are in ``among`` (ids): one dispute, every side of it."""
    found: dict[str, Claim] = {}
    todo = [claim_id]
    while todo:
        cid = todo.pop()
        if cid in found or cid not in among:
            continue
        found[cid] = corpus.claims[cid]
        todo += found[cid].contradicts + corpus.contradicted_by.get(cid, [])
    return list(found.values())
