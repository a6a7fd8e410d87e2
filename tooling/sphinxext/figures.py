"""``{fc-figures}``: every reported value of each measure, side by side.

One row per report (a claim's figure as one source carries it), grouped by
measure, with the claimant, the qualifier, the scope, a link to the passage
and the spread of values.  No row is merged, dropped or averaged: the table
shows the disagreement, it does not settle it.
"""

from __future__ import annotations

from docutils import nodes

from ..records import Claim, Corpus, Measure, count, format_number
from .common import (
    claimant_name,
    para,
    section,
    strong,
)
from html import escape

from . import rawhtml as h
from .charts import measure_chart
from .state import RecordDirective


class FiguresDirective(RecordDirective):
    def run(self):
        corpus = self.corpus
        groups = corpus.figures_by_measure()
        # The events with figures (a figure added elsewhere changes the stub),
        # the measures, claimants and source labels shown, and the source texts
        # (the count of independent origins is measured on them).
        self.depend(corpus.measures_path, corpus.claimants_path,
                    *{corpus.events[c.event].yaml_path for g in groups.values() for c in g},
                    *[p for s in corpus.sources.values() for p in (s.yaml_path, s.text_path)])
        out = []
        contested = [m for m in groups if is_contested(groups[m])]
        out.append(para(
            f"{count(sum(len(g) for g in groups.values()), 'figure')} on {count(len(groups), 'measure')}; "
            f"{len(contested)} of them {'has' if len(contested) == 1 else 'have'} reports that differ. "
            "Each row is one report, "
            "attributed to who made it and linked to the passage that carries it.",
            classes=["fc-help"],
        ))
        order = sorted(groups, key=lambda m: (not is_contested(groups[m]), corpus.measures[m].label.casefold()))
        for measure_id in order:
            out.append(render_measure(corpus, corpus.measures[measure_id], groups[measure_id]))
        return out


def values(claims: list[Claim]) -> list[float]:
    vs = []
    for c in claims:
        for v in (c.figure.low, c.figure.high):
            if v is not None:
                vs.append(v)
    return vs


def is_contested(claims: list[Claim]) -> bool:
    """Reports differ: different numbers, or a number beside a bound of another kind."""
    shapes = {(c.figure.low, c.figure.high, c.figure.qualifier, c.figure.amount_text) for c in claims}
    return len({(lo, hi) for lo, hi, _, _ in shapes}) > 1


def spread(claims: list[Claim]) -> str:
    vs = values(claims)
    if not vs:
        return "no numeric value reported"
    lo, hi = min(vs), max(vs)
    if lo == hi:
        return f"every report gives {format_number(lo)}"
    return f"from {format_number(lo)} to {format_number(hi)} (the lowest and highest numbers reported, not an estimate)"


def render_measure(corpus: Corpus, measure: Measure, claims: list[Claim]) -> nodes.section:
    sec = section(measure.label, [f"measure-{measure.id}"], classes=["fc-measure"])
    if is_contested(claims):
        status = "Reports differ"
    elif len({c.figure.qualifier for c in claims}) > 1:
        status = "Reports give the same number, bounded differently"  # "at least 4" beside "4"
    else:
        status = "Reports agree"
    claimants = {c.claimant for c in claims}
    sources = {cit.source for c in claims for cit in c.citations}
    # Sources that retell one text are one origin: say how many independent ones there are.
    origins = corpus.origins.group_count(sources)
    n = sum(len(c.citations) for c in claims)
    sec += para(strong(status + ". "), f"What it counts: {measure.counts}. ",
                f"{count(n, 'report')} from {count(len(claimants), 'claimant')} in {count(len(sources), 'source')} "
                f"({count(origins, 'independent origin')}); ",
                f"spread: {spread(claims)}.", classes=["fc-measure-summary"])
    if measure.note:
        sec += para(strong("Editor’s note: "), measure.note, classes=["fc-note"])
    svg = measure_chart(corpus, measure.id, claims)
    if svg:
        sec += nodes.raw("", svg, format="html")
        sec += para("Chart: one row per claim. A dot is a reported number; an arrow means the source "
                    "gives only a bound (“at least”, “more than”, “up to”); a hollow dot means “about”; "
                    "a bar is a range. The table below holds the same data.", classes=["fc-chart-legend"])
    sec += _table(corpus, claims)
    return sec


def _table(corpus: Corpus, claims: list[Claim]) -> nodes.raw:
    headers = ["Reported value", "Claimant", "Source passage", "Scope", "As of", "Claim and rating"]
    rows = []
    for claim in claims:
        f = claim.figure
        for i, cit in enumerate(claim.citations):
            rows.append(("", [
                f"<strong>{escape(f.display())}</strong>",
                escape(claimant_name(corpus, claim.claimant)),
                h.a(f"sources/{cit.source}", claim.citation_anchor(i),
                    f"{corpus.sources[cit.source].label}, line {cit.line}"),
                escape(f.scope),
                escape(f.as_of or "not stated"),
                h.a(f"events/{claim.event}", claim.anchor, claim.text) + " " + h.badge(claim.rating),
            ]))
    return h.raw(h.table(headers, rows, "fc-figures-table"))
