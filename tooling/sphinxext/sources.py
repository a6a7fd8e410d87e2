"""``{fc-source} ID``: a source's metadata and its full text.

The text is shown exactly as captured: one block per line of the file, the
line number as its anchor (``#L12``), cited passages as ``<mark>`` with a
numbered link to each claim that cites them, and page furniture boxed and
labelled, never removed.
"""

from __future__ import annotations

from docutils import nodes

from .. import i18n
from ..i18n import N_, _, ngettext
from ..names import source_name
from ..records import NOT_STATED, Corpus, Source, count
from .aggregates import placeholder, register
from .common import (
    and_list,
    claim_ref,
    external,
    field_list,
    inline,
    para,
    prose,
    prose_data,
    prose_files,
    prose_nodes,
    section,
    stated,
    strong,
    text,
    words,
)
from .domain import SOURCE_FACET, Link, capture_file
from .nodes import fc_mark, fc_marker, fc_template
from .state import RecordDirective

FURNITURE_LABEL = {
    "navigation": N_("site navigation"),
    "repeated-headline": N_("repeated headline"),
    "comment-prompt": N_("comment form"),
    "teaser": N_("teasers for other articles"),
    "section-label": N_("section label"),
    "other": N_("page furniture"),
}  # shown through _()
OTHER = "other"  # the furniture kind shown for any kind the table lacks


class SourceDirective(RecordDirective):
    required_arguments = 1

    def run(self):
        corpus = self.corpus
        source = corpus.sources[self.arguments[0]]
        # Read from the source's own files; what other records add (the
        # passages they cite, the origin groups) is an aggregate.
        self.depend(source.yaml_path, source.text_path, *prose_files(corpus, source.note, source.publisher_basis))
        return [render_source(corpus, source)]


def language_name(code: str) -> str:
    """A language code ("en") as readers of this edition name it ("English", "الإنجليزية"); Babel's CLDR names."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(i18n.language()) or code
    except (ValueError, UnknownLocaleError):
        return code


def render_source(corpus: Corpus, source: Source) -> nodes.section:
    sec = section(source_name(source), [f"source-{source.id}"], classes=["fc-source"])
    publisher = stated(source.publisher)
    if source.publisher and source.publisher_basis:
        publisher = para(publisher, " (", prose(corpus, source.publisher_basis), ")")
    headline = para(stated(source.title))
    headline["support_smartquotes"] = False  # the headline as captured
    if source.title:
        headline["classes"].append("fc-verbatim")  # the capture's words: not held to the house style
        if source.language != i18n.language():
            headline["classes"].append(f"language-{source.language}")  # in its own language, in another edition
    sec += field_list(
        [
            (_("Headline"), headline),
            (_("Publisher"), publisher),
            (_("Address"), para(external(source.url, source.url)) if source.url else _(NOT_STATED)),
            (_("Published"), stated(source.published)),
            (_("Retrieved"), stated(source.retrieved)),
            (_("Language"), language_name(source.language)),
            (_("Captured file"), para(placeholder("source-capture", source.id))),
            (_("Cited by"), para(placeholder("source-cited-by", source.id))),
        ]
    )
    if source.note:
        sec += para(strong(_("Editor’s note:") + " "), prose(corpus, source.note), classes=["fc-note"])
    sec += placeholder("source-origin", source.id)
    body = section(_("Full text"), [f"text-{source.id}"], classes=["fc-fulltext"])
    body += para(
        _(
            "The capture as recorded, byte for byte: nothing is corrected or removed. "
            "Highlighted passages are quoted by claims; the number after each links to the claim. "
            "Boxed lines are page furniture (menus, comment forms, teasers), not the article."
        ),
        classes=["fc-help"],
    )
    body += placeholder("source-text", source.id)
    sec += body
    return sec


# -- aggregates: what the claims citing this source add to its page -----------


def collect_capture(corpus: Corpus, source_id: str) -> dict:
    """The captured file as readers download it.  An aggregate only because its
    address is relative to the page being written (the builder decides that)."""
    source = corpus.sources[source_id]
    return {
        "path": capture_file(source.text_name),
        "name": source.text_name,
        "bytes": len(source.text.encode("utf-8")),  # the text is the file's bytes, decoded as they are
        "sha256": source.sha256,
    }


def render_capture(d: dict, linker) -> list[nodes.Node]:
    return [fc_template("", template="source_capture.html", data={**d, "href": linker.file_uri(d["path"])})]


def collect_cited_by(corpus: Corpus, source_id: str) -> Link | str:
    """How many claims cite the source, linked to their list (its own pages of the claims index)."""
    n = len({c.id for c, _i in corpus.citations_by_source.get(source_id, [])})
    return Link("claims-page", f"{SOURCE_FACET}{source_id}:1", count(n, "claim")) if n else _("no claim")


def render_cited_by(d: Link | str, linker) -> list[nodes.Node]:
    return [text(d) if isinstance(d, str) else linker.reference(d)]


# Claims shown at each cited passage of a source page (its mark's tooltip, its numbers, its
# backlinks); the others are counted, with a link to every claim citing the source.  A page
# that listed them all grew with every claim that quoted the source: 146 KiB at 2,000 events.
MAX_PER_PASSAGE = 5


def collect_text(corpus: Corpus, source_id: str) -> list[dict]:
    """The text as blocks (article, or one furniture range) of lines split at every cited passage."""
    source = corpus.sources[source_id]
    cites = corpus.citations_by_source.get(source.id, [])
    ordered = sorted(cites, key=lambda ci: (ci[0].citations[ci[1]].start, ci[0].id))
    by_span: dict[tuple[int, int], list] = {}
    for c, i in ordered:
        by_span.setdefault((c.citations[i].start, c.citations[i].end), []).append((c, i))
    shown = {(c.id, i) for group in by_span.values() for c, i in group[:MAX_PER_PASSAGE]}
    more = {span: len(group) - MAX_PER_PASSAGE for span, group in by_span.items() if len(group) > MAX_PER_PASSAGE}
    rest = Link(
        "claims-page",
        f"{SOURCE_FACET}{source.id}:1",
        "",
        "",
        _("Every claim citing {source}").format(source=source_name(source)),
    )
    # Number the citations shown in reading order, so the superscripts read 1, 2, 3...
    numbers = {key: n + 1 for n, key in enumerate(k for k in ((c.id, i) for c, i in ordered) if k in shown)}
    see_quote = _("see the quote in its claim")
    blocks: list[dict] = []
    offset = 0
    for lineno, line in enumerate(source.text.split("\n"), start=1):
        start, end = offset, offset + len(line)
        offset = end + 1
        furniture = source.furniture_at(lineno)
        first = furniture.first if furniture else None
        if not blocks or blocks[-1]["first"] != first:
            label = _(FURNITURE_LABEL.get(furniture.kind) or FURNITURE_LABEL[OTHER]) if furniture else None
            blocks.append(
                {
                    "first": first,
                    "label": label,
                    "note": furniture.note if furniture else None,
                    "lines": [],
                    "lang": source.language,
                }
            )
        if not line.strip():
            continue
        here = [(c, i) for c, i in ordered if c.citations[i].start < end and c.citations[i].end > start]
        backlinks = [
            (numbers[(c.id, i)], claim_ref(c), claim_ref(c, see_quote, c.citation_anchor(i) + "-q"))
            for c, i in here
            if c.citations[i].start >= start and (c.id, i) in shown
        ]  # listed where the passage begins
        others = [
            (
                k,
                rest._replace(
                    label=_("and {more} quoting this passage: every claim citing this source").format(
                        more=count(k, "more claim")
                    )
                ),
            )
            for (a, _b), k in sorted(more.items())
            if start <= a < end
        ]
        blocks[-1]["lines"].append(
            {
                "no": lineno,
                "segments": _segments(line, start, here, numbers, shown, more, rest),
                "backlinks": backlinks,
                "more": others,
            }
        )
    return blocks


def _segments(line: str, start: int, here, numbers, shown, more, rest) -> list[tuple]:
    """Split one line at every citation boundary: (text,) or (text, title, ids, [superscript links]).
    Every citation keeps its anchor (claims link to it); only the shown ones are numbered."""
    end = start + len(line)
    cuts = {start, end}
    for c, i in here:
        cit = c.citations[i]
        cuts.add(max(cit.start, start))
        cuts.add(min(cit.end, end))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        segment = line[a - start : b - start]
        covering = [(c, i) for c, i in here if c.citations[i].start <= a and c.citations[i].end >= b]
        if not covering:
            out.append((segment,))
            continue
        visible = [(c, i) for c, i in covering if (c.id, i) in shown]
        hidden = sum(k for (s, e), k in more.items() if s <= a and e >= b)
        claims = "; ".join(c.text for c, _i in visible)
        if hidden:
            claims += "; " + _("and {more}").format(more=count(hidden, "more claim"))
        title = _("Quoted by: {claims}").format(claims=claims)
        ids = [c.citation_anchor(i) for c, i in covering if c.citations[i].start == a]
        sups = [
            (numbers[(c.id, i)], Link("claim", c.id, f"[{numbers[(c.id, i)]}]", "", c.text))
            for c, i in visible
            if c.citations[i].end == b
        ]
        sups += [(None, rest._replace(label=f"+{k}")) for (s, e), k in sorted(more.items()) if e == b and s <= a]
        out.append((segment, title, ids, sups))
    return out


def marker(uri: str, n: int, label: str, shown: str, title: str = "", classes=()) -> fc_marker:
    """A numbered link drawn without text in HTML (see :class:`.nodes.fc_marker`); ``shown`` is
    what builders other than HTML print."""
    node = fc_marker("", text(shown), refuri=uri, classes=list(classes))
    node["n"], node["label"] = str(n), label
    if title:
        node["reftitle"] = title
    return node


def render_text(blocks: list[dict], linker) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    lang = blocks[0]["lang"] if blocks else None
    # Each of the capture's lines in its own language, inside a page in another (lang="en"):
    # read and laid out as that language.  The claims quoting a line, listed under it, are the
    # page's language.
    line_language = [f"language-{lang}"] if lang and lang != i18n.language() else []
    line_message = _("Line {n}")  # translated once per page, not once per line
    for block in blocks:
        if block["first"] is None:
            add = out.append
        else:
            box = nodes.container(classes=["fc-furniture"])
            box += para(
                strong(_("Page furniture ({kind}), not part of the article.").format(kind=block["label"])),
                f" {block['note']}" if block["note"] else "",
                classes=["fc-furniture-label"],
            )
            out.append(box)
            add = box.append
        for line in block["lines"]:
            n = line["no"]
            p = nodes.paragraph(classes=["fc-line", *line_language], ids=[f"L{n}"])
            p["support_smartquotes"] = False  # the capture's own quotes and dashes, whenever it is rendered
            # The number is the link's generated content and the gap after it is
            # CSS: a copied line holds the capture's characters and nothing else.
            line_words = line_message.format(n=n)
            p += marker(f"#L{n}", n, line_words, f"{n} ", title=line_words, classes=["fc-lineno"])
            for seg in line["segments"]:
                if len(seg) == 1:
                    p += text(seg[0])
                    continue
                segment, title, ids, sups = seg
                mark = fc_mark("", "", text(segment), classes=["fc-cited"])
                mark["title"] = title
                mark["ids"] = list(ids)
                p += mark
                for number, sup_link in sups:
                    uri = linker.uri(sup_link.objtype, sup_link.name, sup_link.fragment)
                    if number is None:  # "+12": the claims not listed here, on their own page
                        sup = nodes.superscript(classes=["fc-cite-more"])
                        ref = nodes.reference("", sup_link.label, refuri=uri, internal=True)
                        ref["reftitle"] = sup_link.title
                        sup += ref
                        p += sup
                        continue
                    sup = nodes.superscript(classes=["fc-cite-ref"])
                    sup += marker(
                        uri,
                        number,
                        _("Claim {number}: {claim}").format(number=number, claim=sup_link.title),
                        sup_link.label,
                        title=sup_link.title,
                    )
                    p += sup
            add(p)
            if line["backlinks"] or line["more"]:
                back = nodes.bullet_list(classes=["fc-backlinks"])
                for number, claim, quote in line["backlinks"]:
                    back += nodes.list_item(
                        "",
                        para(
                            inline(f"[{number}] ", ["fc-cite-no"]),
                            linker.reference(claim),
                            " — ",
                            linker.reference(quote),
                        ),
                    )
                for _k, link in line["more"]:
                    back += nodes.list_item("", para(linker.reference(link)), classes=["fc-cite-more"])
                add(back)
    return out


def collect_origin(corpus: Corpus, source_id: str) -> dict:
    """Which other sources share this one's origin, and the passages they share."""
    from ..origins import SHINGLE, THRESHOLD

    source = corpus.sources[source_id]
    origins = corpus.origins
    others = [s for s in origins.members(source.id) if s != source.id]
    pairs = []
    for s in others:
        r = origins.pair(source.id, s)
        label = source_name(corpus.sources[s])
        if r is None:
            basis = source.declared_origin.basis or corpus.sources[s].declared_origin.basis
            pairs.append({"with": label, "declared": prose_data(corpus, basis)})
            continue
        pairs.append(
            {
                "with": label,
                "shared": r.shared,
                "containment": r.containment,
                "as_written_by": None if source.id == r.a else source_name(corpus.sources[r.a]),
                "passages": [(p.text, p.words) for p in r.passages],
            }
        )
    return {
        "shingle": SHINGLE,
        "threshold": THRESHOLD,
        "basis": prose_data(corpus, source.declared_origin.basis),
        "others": [Link("source", s, source_name(corpus.sources[s]), "origin") for s in others],
        "pairs": pairs,
    }


def render_origin(d: dict, linker) -> list[nodes.Node]:
    sec = section(_("Origin"), ["origin"], classes=["fc-origin"])
    if not d["others"]:
        sec += para(
            _(
                "Independent: no other source shares enough of its wording to count as the same "
                "text (fewer than {percent} of {words}-word runs in common). It counts as "
                "its own origin when claims are judged corroborated."
            ).format(percent=f"{d['threshold']:.0%}", words=d["shingle"])
        )
    else:
        message = _(
            "One origin with {sources}: the texts share runs of wording that independent reports of the same "
            "events do not, so they are counted as one origin, however many mastheads carry them. Claims they "
            "carry together are not corroborated until a source of another origin carries them too."
        )
        sec += para(words(message, sources=and_list([linker.reference(o) for o in d["others"]])))
        items = nodes.bullet_list(classes=["fc-shared"])
        for pair in d["pairs"]:
            if "declared" in pair:
                message = _("{source}: recorded by an editor ({record})")
                record = prose_nodes(pair["declared"], linker)
                items += nodes.list_item("", para(words(message, source=pair["with"], record=record)))
                continue
            # The English says "runs" and "words" whatever the number; the plural forms are for other languages.
            shared = {"n": pair["shared"], "words": d["shingle"], "percent": f"{pair['containment']:.1%}"}
            if pair["as_written_by"] is None:
                runs = ngettext(
                    "{n} shared {words}-word runs ({percent} of the shorter text's). Longest shared passages:",
                    "{n} shared {words}-word runs ({percent} of the shorter text's). Longest shared passages:",
                    pair["shared"],
                ).format(**shared)
            else:
                runs = ngettext(
                    "{n} shared {words}-word runs ({percent} of the shorter text's). "
                    "Longest shared passages (as {source} writes them):",
                    "{n} shared {words}-word runs ({percent} of the shorter text's). "
                    "Longest shared passages (as {source} writes them):",
                    pair["shared"],
                ).format(**shared, source=pair["as_written_by"])
            item = nodes.list_item()
            item += para(strong(_("With {source}:").format(source=pair["with"]) + " "), runs)
            quotes = nodes.bullet_list()
            for passage, n in pair["passages"]:
                quoted = ngettext("“{passage}” ({n} words)", "“{passage}” ({n} words)", n)
                quotes += nodes.list_item("", para(quoted.format(passage=passage, n=n)))
            item += quotes
            items += item
        sec += items
    if d["basis"]:
        sec += para(strong(_("Editor’s record:") + " "), prose_nodes(d["basis"], linker), classes=["fc-note"])
    return [sec]


register("source-capture", collect_capture, render_capture)
register("source-cited-by", collect_cited_by, render_cited_by)
register("source-text", collect_text, render_text)
register("source-origin", collect_origin, render_origin)
