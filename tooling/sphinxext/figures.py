"""``{fc-figures}``: every reported value of each measure, side by side.

One row per report (a claim's figure as one source carries it), grouped by
measure, with the claimant, the qualifier, the scope, a link to the passage
and the spread of values.  No row is merged, dropped or averaged: the table
shows the disagreement, it does not settle it.
"""

from __future__ import annotations

from docutils import nodes

from ..i18n import _, ngettext
from ..names import claimant_label, source_name
from ..records import NOT_STATED, Claim, Corpus, Measure, count, format_number
from .aggregates import drawn_by, placeholder, register
from .charts import chart_data
from .common import badge_data, claim_ref, link, para, prose, prose_data, prose_files, prose_nodes, section, strong
from .domain import (
    FIGURES_PAGE_SIZE,
    Link,
    figures_page,
    figures_page_count,
    is_contested,
    measure_status,
    measures_in_order,
    measures_on_page,
    page_numbers,
)
from .nodes import fc_template
from .state import RecordDirective


class FiguresDirective(RecordDirective):
    """``{fc-figures} [PAGE]``: a section per measure (from measures.yaml) on this
    page of the figures, each filled with its reports when written.

    The sections are read with the page, so the page's contents list shows
    its measures; which claims report them comes from every event file, so
    that part is an aggregate.  Which measures fall on which page depends on
    measures.yaml alone (their labels), which the page depends on.
    """

    optional_arguments = 1

    def run(self):
        corpus = self.corpus
        self.depend(corpus.measures_path)
        page = int(self.arguments[0]) if self.arguments else 1
        pages = figures_page_count(corpus)
        mine = measures_on_page(corpus, page)
        out = [placeholder("figures-summary")]
        if pages > 1:
            out.append(_pager(page, pages, mine))
        self.depend(*prose_files(corpus, *(m.note for m in mine)))
        for measure in mine:
            sec = section(measure.label, [f"measure-{measure.id}"], classes=["fc-measure"])
            if measure.note:
                sec += para(strong(_("Editor’s note:") + " "), prose(corpus, measure.note), classes=["fc-note"])
            sec += placeholder("measure-reports", measure.id)
            out.append(sec)
        return out


def _pager(page: int, pages: int, mine) -> nodes.paragraph:
    """'Page 2 of 8 (measures Deaths … to Injured …): 1 2 3 …', links through the domain."""
    p = para(
        strong(_("Page {page} of {pages}").format(page=page, pages=pages)),
        " " + _("({first} to {last}):").format(first=mine[0].label, last=mine[-1].label) + " " if mine else ": ",
        classes=["fc-pager"],
    )
    for i, k in enumerate(page_numbers(page, pages)):
        if i:
            p += nodes.Text(" ")
        if k is None:
            p += nodes.Text("…")
        else:
            p += (
                nodes.strong("", str(k))
                if k == page
                else link("figures-page", str(k), str(k), title=_("Page {n}").format(n=k))
            )
    return p


def values(claims: list[Claim]) -> list[float]:
    vs = []
    for c in claims:
        for v in (c.figure.low, c.figure.high):
            if v is not None:
                vs.append(v)
    return vs


def spread(claims: list[Claim]) -> str:
    vs = values(claims)
    if not vs:
        return _("no numeric value reported")
    lo, hi = min(vs), max(vs)
    if lo == hi:
        return _("every report gives {number}").format(number=format_number(lo))
    return _("from {low} to {high} (the lowest and highest numbers reported, not an estimate)").format(
        low=format_number(lo), high=format_number(hi)
    )


def collect_summary(corpus: Corpus, _arg: str) -> dict:
    groups = corpus.figures_by_measure()
    contested = sorted(
        (m for m in groups if is_contested(groups[m])), key=lambda m: corpus.measures[m].label.casefold()
    )
    return {
        "figures": count(sum(len(g) for g in groups.values()), "figure"),
        "measures": count(len(groups), "measure"),
        "contested": [Link("measure", m, corpus.measures[m].label) for m in contested],
    }


SUMMARY_LIMIT = 10  # measures named in the summary line: it is on every page of the figures


def render_summary(d: dict, linker) -> list[nodes.Node]:
    n = len(d["contested"])
    differ = ngettext(
        "{figures} on {measures}; {n} of them has reports that differ",
        "{figures} on {measures}; {n} of them have reports that differ",
        n,
    ).format(figures=d["figures"], measures=d["measures"], n=n)
    p = para(differ + (": " if n else "."), classes=["fc-help"])
    for i, measure in enumerate(d["contested"][:SUMMARY_LIMIT]):
        if i:
            p += nodes.Text(", ")
        p += linker.reference(measure)
    if n > SUMMARY_LIMIT:
        more = n - SUMMARY_LIMIT
        # The English says "more" whatever the number; the plural forms are for other languages.
        p += nodes.Text(" " + ngettext("and {n} more", "and {n} more", more).format(n=f"{more:,}"))
    if n:
        p += nodes.Text(".")
    p += nodes.Text(
        " " + _("Each row is one report, attributed to who made it and linked to the passage that carries it.")
    )
    return [p]


def collect_reports(corpus: Corpus, measure_id: str) -> dict | None:
    claims = corpus.figures_by_measure().get(measure_id)
    if not claims:
        return None
    status = _(measure_status(claims)[1])
    measure: Measure = corpus.measures[measure_id]
    # Who reports it, as readers count them: each outlet's own reporting is that outlet's.
    claimants = {
        (x.source if corpus.claimants[c.claimant].kind == "outlet" else c.claimant)
        for c in claims
        for x in c.citations
        if c.claimant in corpus.claimants
    }
    sources = {cit.source for c in claims for cit in c.citations}
    # Sources that retell one text are one origin: say how many independent ones there are.
    origins = corpus.origins.group_count(sources)
    n = sum(len(c.citations) for c in claims)
    summary = [
        _("What it counts:") + " ",
        *prose_data(corpus, measure.counts),
        ". "
        + _("{reports} from {claimants} in {sources} ({origins}); spread: {spread}.").format(
            reports=count(n, "report"),
            claimants=count(len(claimants), "claimant"),
            sources=count(len(sources), "source"),
            origins=count(origins, "independent origin"),
            spread=spread(claims),
        ),
    ]
    rows = []
    line_message = _("{source}, line {line}")
    for claim in claims:
        f = claim.figure
        for i, cit in enumerate(claim.citations):
            rows.append(
                {
                    "value": f.display(translate=True),
                    "claimant": claimant_label(corpus, claim),
                    "passage": Link(
                        "source",
                        cit.source,
                        line_message.format(source=source_name(corpus.sources[cit.source]), line=cit.line),
                        claim.citation_anchor(i),
                    ),
                    "scope": f.scope,
                    "as_of": f.as_of or _(NOT_STATED),
                    "claim": claim_ref(claim),
                    "rating": badge_data(claim.rating),
                }
            )
    return {"status": status, "summary": summary, "chart": chart_data(corpus, measure_id, claims), "rows": rows}


def render_reports(d: dict | None, linker) -> list[nodes.Node]:
    if d is None:
        return [para(_("No claim in the records reports this measure."), classes=["fc-help"])]
    out = [para(strong(d["status"] + ". "), prose_nodes(d["summary"], linker), classes=["fc-measure-summary"])]
    if d["chart"]:  # a bar per distinct value, with its key; None for a single value
        out.append(fc_template("", template="chart.html", data=linker.resolve(d["chart"])))
    out.extend(drawn_by("figures_table.html")(d["rows"], linker))
    return out


def reread_when_order_changes(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: the figures pages' order depends on every figure claim (what
    differs comes first), not only on measures.yaml, which the pages depend on.  When the
    order changed, the figures pages are read again; when a measure moved to another page,
    so are the pages whose links to it were written with its old address."""
    from . import state

    try:
        corpus = state.get(env.srcdir)
    except KeyError:
        return []
    order = [m.id for m in measures_in_order(corpus)]
    before = getattr(env, "fc_measure_order", None)
    env.fc_measure_order = order
    if before is None or before == order:
        return []
    pages = [figures_page(k) for k in range(1, figures_page_count(corpus) + 1)]
    size = FIGURES_PAGE_SIZE
    moved = any(before.index(m) // size != i // size for i, m in enumerate(order) if m in before)
    return sorted(env.found_docs) if moved else [p for p in pages if p in env.found_docs]


register("figures-summary", collect_summary, render_summary)
register("measure-reports", collect_reports, render_reports)
