"""``{fc-source} ID``: a source's metadata and its full text.

The text is shown exactly as captured: one block per line of the file, the
line number as its anchor (``#L12``), cited passages as ``<mark>`` with a
numbered link to each claim that cites them, and page furniture boxed and
labelled, never removed.
"""

from __future__ import annotations

from docutils import nodes

from ..records import Claim, Corpus, Source
from .common import (
    claim_link,
    event_doc,
    external,
    field_list,
    inline,
    link,
    para,
    section,
    source_doc,
    stated,
    strong,
    text,
)
from .nodes import fc_mark
from .state import RecordDirective

FURNITURE_LABEL = {
    "navigation": "site navigation",
    "repeated-headline": "repeated headline",
    "comment-prompt": "comment form",
    "teaser": "teasers for other articles",
    "section-label": "section label",
    "other": "page furniture",
}


class SourceDirective(RecordDirective):
    required_arguments = 1

    def run(self):
        corpus = self.corpus
        source = corpus.sources[self.arguments[0]]
        # Backlinks come from the events that cite this source; an event that
        # starts citing it changes this page's stub (see pages.py).
        citing = {corpus.events[c.event].yaml_path for c, _ in corpus.citations_by_source.get(source.id, [])}
        # The origin section compares this text with every other source's.
        others = [p for s in corpus.sources.values() for p in (s.yaml_path, s.text_path)]
        self.depend(source.yaml_path, source.text_path, *citing, *others)
        return [render_source(corpus, source)]


def render_source(corpus: Corpus, source: Source) -> nodes.section:
    cites = corpus.citations_by_source.get(source.id, [])
    sec = section(source.label, [f"source-{source.id}"], classes=["fc-source"])
    publisher = stated(source.publisher)
    if source.publisher and source.publisher_basis:
        publisher += f" ({source.publisher_basis})"
    sec += field_list([
        ("Headline", stated(source.title)),
        ("Publisher", publisher),
        ("Address", para(external(source.url, source.url)) if source.url else "not stated"),
        ("Published", stated(source.published)),
        ("Retrieved", stated(source.retrieved)),
        ("Language", source.language),
        ("Captured file", para(inline(source.text_name, ["fc-mono"]), f" (SHA-256 {source.sha256})")),
        ("Cited by", f"{len({c.id for c, _ in cites})} claims"),
    ])
    if source.note:
        sec += para(strong("Editor’s note: "), source.note, classes=["fc-note"])
    sec += render_origin(corpus, source)
    body = section("Full text", [f"text-{source.id}"], classes=["fc-fulltext"])
    body += para(
        "The capture as recorded, byte for byte: nothing is corrected or removed. "
        "Highlighted passages are quoted by claims; the number after each links to the claim. "
        "Boxed lines are page furniture (menus, comment forms, teasers), not the article.",
        classes=["fc-help"],
    )
    _render_text(corpus, source, cites, body)
    sec += body
    return sec


def _render_text(corpus: Corpus, source: Source, cites: list[tuple[Claim, int]], parent) -> None:
    # Number citations in reading order so the superscripts read 1, 2, 3...
    ordered = sorted(cites, key=lambda ci: (ci[0].citations[ci[1]].start, ci[0].id))
    numbers = {(c.id, i): n + 1 for n, (c, i) in enumerate(ordered)}
    lines = source.text.split("\n")
    offset = 0
    box = None  # the furniture container being filled, if any
    for lineno, line in enumerate(lines, start=1):
        start, end = offset, offset + len(line)
        offset = end + 1
        furniture = source.furniture_at(lineno)
        if furniture is None:
            box = None
            target = parent
        else:
            if box is None or box["fc_first"] != furniture.first:
                box = nodes.container(classes=["fc-furniture"], fc_first=furniture.first)
                label = FURNITURE_LABEL.get(furniture.kind, "page furniture")
                box += para(strong(f"Page furniture ({label}), not part of the article."),
                            f" {furniture.note}" if furniture.note else "", classes=["fc-furniture-label"])
                parent += box
            target = box
        if not line.strip():
            continue
        here = [(c, i) for c, i in ordered if c.citations[i].start < end and c.citations[i].end > start]
        p = nodes.paragraph(classes=["fc-line"], ids=[f"L{lineno}"])
        p += link(source_doc(source.id), f"L{lineno}", str(lineno), classes=["fc-lineno"],
                  title=f"Line {lineno}")
        p += text(" ")
        _render_line(line, start, here, numbers, p)
        target += p
        if here:
            back = nodes.bullet_list(classes=["fc-backlinks"])
            for c, i in here:
                if c.citations[i].start < start:
                    continue  # listed under the line where the passage begins
                item = nodes.list_item()
                item += para(inline(f"[{numbers[(c.id, i)]}] ", ["fc-cite-no"]),
                             claim_link(corpus, c), " — ",
                             link(event_doc(c.event), c.citation_anchor(i) + "-q", "see the quote in its claim"))
                back += item
            if len(back):
                target += back


def _render_line(line: str, start: int, here, numbers, p) -> None:
    """Split one line at every citation boundary; marked segments become <mark>."""
    end = start + len(line)
    cuts = {start, end}
    for c, i in here:
        cit = c.citations[i]
        cuts.add(max(cit.start, start))
        cuts.add(min(cit.end, end))
    cuts = sorted(cuts)
    for a, b in zip(cuts, cuts[1:]):
        segment = line[a - start : b - start]
        covering = [(c, i) for c, i in here if c.citations[i].start <= a and c.citations[i].end >= b]
        if not covering:
            p += text(segment)
            continue
        mark = fc_mark("", "", text(segment), classes=["fc-cited"])
        mark["title"] = "Quoted by: " + "; ".join(c.text for c, _ in covering)
        mark["ids"] = [c.citation_anchor(i) for c, i in covering if c.citations[i].start == a]
        p += mark
        for c, i in covering:
            if c.citations[i].end == b:
                sup = nodes.superscript(classes=["fc-cite-ref"])
                sup += link(event_doc(c.event), c.anchor, f"[{numbers[(c.id, i)]}]", title=c.text)
                p += sup


def render_origin(corpus: Corpus, source: Source) -> nodes.section:
    """Which other sources share this one's origin, and the passages they share."""
    from ..origins import SHINGLE, THRESHOLD

    origins = corpus.origins
    group = origins.members(source.id)
    sec = section("Origin", ["origin"], classes=["fc-origin"])
    if len(group) == 1:
        sec += para("Independent: no other source shares enough of its wording to count as the same "
                    f"text (fewer than {THRESHOLD:.0%} of {SHINGLE}-word runs in common). It counts as its own "
                    "origin when claims are judged corroborated.")
    else:
        others = [s for s in group if s != source.id]
        p = para("One origin with ")
        for i, s in enumerate(others):
            if i:
                p += text(" and ")
            p += link(source_doc(s), "origin", corpus.sources[s].label)
        p += text(": the texts share runs of wording that independent reports of the same events do not, so "
                  "they are counted as one origin, however many mastheads carry them. Claims they carry "
                  "together are not corroborated until a source of another origin carries them too.")
        sec += p
        items = nodes.bullet_list(classes=["fc-shared"])
        for s in others:
            r = origins.pair(source.id, s)
            if r is None:
                items += nodes.list_item("", para(f"{corpus.sources[s].label}: recorded by an editor ("
                                                  f"{source.declared_origin.basis or corpus.sources[s].declared_origin.basis})"))
                continue
            mine = source.id == r.a
            item = nodes.list_item()
            item += para(strong(f"With {corpus.sources[s].label}: "),
                         f"{r.shared} shared {SHINGLE}-word runs ({r.containment:.1%} of the shorter text's). "
                         "Longest shared passages" + (":" if mine else f" (as {corpus.sources[r.a].label} writes them):"))
            quotes = nodes.bullet_list()
            for passage in r.passages:
                quotes += nodes.list_item("", para(f"“{passage.text}” ({passage.words} words)"))
            item += quotes
            items += item
        sec += items
    if source.declared_origin.basis:
        sec += para(strong("Editor’s record: "), source.declared_origin.basis, classes=["fc-note"])
    return sec
