"""``{fc-event} ID``: one event's page, its claims as cards."""

from __future__ import annotations

from docutils import nodes

from ..ratings import origin_groups
from ..records import Claim, Corpus, Event
from .common import (
    FIGURES,
    badge,
    claim_link,
    claimant_name,
    field_list,
    inline,
    link,
    para,
    section,
    source_doc,
    strong,
    text,
)
from .corrections import render_corrections, render_dates
from .state import RecordDirective


class EventDirective(RecordDirective):
    required_arguments = 1

    def run(self):
        corpus = self.corpus
        event = corpus.events[self.arguments[0]]
        # The page shows the event's own file, the sources it quotes (their
        # labels), claimants and measures, and the claims it links to or that
        # link to it (their texts): any of those changing must re-read it.
        self.depend(event.yaml_path, corpus.claimants_path, corpus.measures_path)
        related = {c for claim in event.claims for c in claim.contradicts}
        related |= {c for claim in event.claims for c in corpus.contradicted_by.get(claim.id, [])}
        self.depend(*{corpus.events[corpus.claims[c].event].yaml_path for c in related if c in corpus.claims})
        self.depend(*{corpus.sources[cit.source].yaml_path for claim in event.claims for cit in claim.citations})
        if any(c.rating == "corroborated" for c in event.claims):
            # Origin groups are measured over every source's text.
            self.depend(*[p for s in corpus.sources.values() for p in (s.yaml_path, s.text_path)])
        return [render_event(corpus, event)]


def date_body(corpus: Corpus, event: Event) -> nodes.Node:
    box = nodes.container(classes=["fc-date"])
    if event.reported_dates:
        p = para(strong("As reported: "))
        for i, cit in enumerate(event.reported_dates):
            if i:
                p += text("; ")
            p += link(source_doc(cit.source), cit.anchor_line, f"“{cit.quote}”",
                      title=corpus.sources[cit.source].label)
            p += text(f" ({corpus.sources[cit.source].label})")
        box += p
    else:
        box += para(strong("As reported: "), "no source dates it")
    if event.inferred_date:
        box += para(strong("Editor’s inference: "), event.inferred_date.display(), " — ",
                    event.inferred_date.basis)
    else:
        box += para(strong("Editor’s inference: "), "none made")
    return box


def render_event(corpus: Corpus, event: Event) -> nodes.section:
    sec = section(event.title, [f"event-{event.id}"], classes=["fc-event"])
    sources = sorted({cit.source for c in event.claims for cit in c.citations})
    sec += field_list([
        ("When", date_body(corpus, event)),
        ("Where", event.place),
        ("Kind", event.kind),
        ("Sources", para(*_join([link(source_doc(s), "", corpus.sources[s].label) for s in sources]))),
    ])
    sec += para(event.summary, classes=["fc-summary"])
    if event.note:
        sec += para(strong("Editor’s note: "), event.note, classes=["fc-note"])
    claims = section(f"Claims ({len(event.claims)})", [f"claims-{event.id}"], classes=["fc-claims"])
    for claim in event.claims:
        claims += render_claim(corpus, claim)
    sec += claims
    return sec


def _join(items, sep=", "):
    out = []
    for i, item in enumerate(items):
        if i:
            out.append(text(sep))
        out.append(item)
    return out


def render_claim(corpus: Corpus, claim: Claim) -> nodes.section:
    classes = ["fc-claim", f"fc-claim-{claim.rating}"] + (["fc-claim-retracted"] if claim.retracted else [])
    card = section(claim.text, [claim.anchor], classes=classes)
    head = para(badge(claim.rating), " ", inline("Claimed by ", ["fc-by"]),
                strong(claimant_name(corpus, claim.claimant)), classes=["fc-claim-head"])
    if claim.retracted:
        head.insert(0, inline("Retracted", ["fc-badge", "fc-badge-retracted"]))
        head.insert(1, text(" "))
    card += head
    card.extend(render_dates(corpus, claim))
    if claim.figure is not None:
        f = claim.figure
        measure = corpus.measures.get(f.measure)
        p = para(strong("Figure: "), inline(f.display(), ["fc-figure-value"]), f" — {f.scope}",
                 classes=["fc-figure"])
        p += text(f"; as of: {f.as_of}" if f.as_of else "; as of: not stated")
        if measure:
            p += text(" (")
            p += link(FIGURES, f"measure-{measure.id}", f"compare: {measure.label}")
            p += text(")")
        card += p
    for i, cit in enumerate(claim.citations):
        source = corpus.sources[cit.source]
        quote = nodes.block_quote(classes=["fc-quote"])
        quote["ids"].append(claim.citation_anchor(i) + "-q")
        quote += para(f"“{cit.quote}”")
        attribution = nodes.attribution()
        attribution += link(source_doc(cit.source), claim.citation_anchor(i),
                            f"{source.label}, line {cit.line}",
                            title="Read the passage in the full source text")
        quote += attribution
        card += quote
    card += para(strong("Why this rating: "), claim.rationale, classes=["fc-rationale"])
    if claim.rating == "corroborated" and not claim.retracted:
        groups = origin_groups(claim, corpus)
        p = para(strong(f"Independent origins ({len(groups)}): "), classes=["fc-origins"])
        p.extend(_join([para_inline_group(corpus, g) for g in groups], "; "))
        card += p
    linked = [corpus.claims[d] for d in dict.fromkeys(claim.contradicts + corpus.contradicted_by.get(claim.id, []))
              if d in corpus.claims]
    # A contradiction the records settle is not a dispute: say which it is.
    if claim.rating == "inaccurate":
        groups = [("Settled by: ", linked)]
    else:
        groups = [("Disputed by: ", [c for c in linked if c.rating != "inaccurate"]),
                  ("Contradicts a claim the records show to be inaccurate: ",
                   [c for c in linked if c.rating == "inaccurate"])]
    for label, claims in groups:
        if claims:
            p = para(strong(label), classes=["fc-disputes"])
            p.extend(_join([claim_link(corpus, c) for c in claims], "; "))
            card += p
    if claim.note:
        card += para(strong("Note: "), claim.note, classes=["fc-note"])
    card.extend(render_corrections(corpus, claim))
    return card


def para_inline_group(corpus: Corpus, group: tuple[str, ...]) -> nodes.inline:
    """One origin group: its sources' labels, linked; 'one text, retold' when several."""
    out = inline("", ["fc-origin-group"])
    out.extend(_join([link(source_doc(s), "origin", corpus.sources[s].label) for s in group], " + "))
    if len(group) > 1:
        out += text(" (one text, retold)")
    return out
