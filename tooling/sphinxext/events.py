"""``{fc-event} ID``: one event's page, its claims as cards."""

from __future__ import annotations

from docutils import nodes

from ..i18n import N_, _, ngettext
from ..names import claimant_label, source_name
from ..ratings import BY_NAME, SCALE, origin_groups
from ..records import PHASES, Claim, Corpus, Event
from ..translations import MISSING, OUTDATED, UNREVIEWED
from .aggregates import placeholder, register
from .common import (
    badge,
    claim_ref,
    contradiction_group,
    field_list,
    inline,
    link,
    para,
    prose,
    prose_files,
    section,
    strong,
    text,
)
from .corrections import render_corrections, render_dates
from .domain import Link
from .nodes import fc_template
from .search_filters import event_tags
from .state import RecordDirective


class EventDirective(RecordDirective):
    required_arguments = 1

    def run(self):
        corpus = self.corpus
        event = corpus.events[self.arguments[0]]
        # Read from files this event's own record names: its file, the
        # claimants and measures, the sources it quotes (their labels) and the
        # claims its corrections log names.  What comes from a set of other
        # records (disputes, origin groups) is an aggregate (see below).
        self.depend(event.yaml_path, corpus.claimants_path, corpus.measures_path)
        self.depend(*{corpus.sources[cit.source].yaml_path for claim in event.claims for cit in claim.citations})
        named = {
            i
            for claim in event.claims
            for c in claim.corrections
            for ch in c.changes
            if ch.field == "contradicts"
            for i in (ch.old or []) + (ch.new or [])
            if isinstance(i, str)
        }
        self.depend(*{corpus.events[corpus.claims[i].event].yaml_path for i in named if i in corpus.claims})
        # The records that the editors' prose names by reference show their names here.
        texts = [event.summary, event.note, event.inferred_date and event.inferred_date.basis]
        texts += [event.period and event.period.basis]
        texts += [t for c in event.claims for t in (c.rationale, c.note)]
        texts += [x.reason for c in event.claims for x in c.corrections]
        texts += [c.retracted.reason for c in event.claims if c.retracted]
        self.depend(*prose_files(corpus, *texts))
        return [render_event(corpus, event, glossary="glossary" in self.env.found_docs)]


# Event kinds that read badly alone ("capture" reads like the captured articles).
EVENT_KINDS = {"offensive": N_("military offensive"), "capture": N_("capture of a place")}


def date_body(corpus: Corpus, event: Event) -> nodes.Node:
    box = nodes.container(classes=["fc-date"])
    if event.reported_dates:
        p = para(strong(_("As reported: ")))
        p["support_smartquotes"] = False  # the sources' own words, as written
        for i, cit in enumerate(event.reported_dates):
            if i:
                p += text("; ")
            p += link(
                "source",
                cit.source,
                f"“{cit.quote}”",
                fragment=cit.anchor_line,
                title=source_name(corpus.sources[cit.source]),
                classes=["fc-verbatim"],  # the source's words: not held to the house style
            )
            # "in Name", not "(Name)": a short name may hold brackets of its own.
            p += text(_(", in {source}").format(source=source_name(corpus.sources[cit.source])))
            translated = _quote_translation(corpus, event, f"date/reported/{i}/quote")
            if translated:
                p += inline(_(" (translation: “{quote}”)").format(quote=translated), ["fc-quote-translation"])
        box += p
    else:
        box += para(strong(_("As reported: ")), _("no source dates it"))
    if event.inferred_date:
        box += para(
            strong(_("Editor’s inference: ")),
            event.inferred_date.display(),
            " — ",
            prose(corpus, event.inferred_date.basis),
        )
    else:
        box += para(strong(_("Editor’s inference: ")), _("none made"))
    return box


def claim_groups(corpus: Corpus, event: Event) -> list[tuple[str, list[Claim]]]:
    """The event's claims grouped by what they assert: claims that contradict one
    another together, then the figures by what they count, then the rest.
    Only this event's own claims (a dispute with another event's claim is shown
    on the card, as an aggregate)."""
    mine = {c.id: c for c in event.claims}
    placed: set[str] = set()
    groups: list[tuple[str, list[Claim]]] = []
    disputes = []
    for claim in event.claims:
        if claim.id in placed or not (claim.contradicts or corpus.contradicted_by.get(claim.id)):
            continue
        found = contradiction_group(corpus, claim.id, mine.keys() - placed)
        if len(found) > 1:  # a claim disputed only from another event is grouped with its kind below
            placed.update(c.id for c in found)
            disputes.append(sorted(found, key=event.claims.index))
    for i, found in enumerate(disputes, start=1):
        heading = (
            _("Claims that contradict each other ({n})")
            if len(disputes) > 1
            else _("Claims that contradict each other")
        )
        groups.append((heading.format(n=i), found))
    by_measure: dict[str, list[Claim]] = {}
    for claim in event.claims:
        if claim.id not in placed and claim.figure is not None:
            by_measure.setdefault(claim.figure.measure, []).append(claim)
            placed.add(claim.id)
    for measure, found in by_measure.items():
        label = corpus.measures[measure].label if measure in corpus.measures else _("Figures")
        groups.append((_("Figures: {label}").format(label=label), found))
    rest = [c for c in event.claims if c.id not in placed]
    if rest:
        groups.append((_("Other claims") if groups else "", rest))
    return groups


def render_event(corpus: Corpus, event: Event, glossary: bool = False) -> nodes.section:
    """Summary and verdicts first, then the claims grouped by what they assert, the record's details last."""
    sec = section(event.title, [f"event-{event.id}"], classes=["fc-event"])
    _english_if_not_translated(sec[0], corpus, event, "title")
    sec += _translation_notices(corpus, event)
    sec += _english_if_not_translated(
        para(prose(corpus, event.summary), classes=["fc-summary"]), corpus, event, "summary", notice=True
    )
    n = len(event.claims)
    verdicts = para(
        strong(ngettext("Verdicts on {n} claim: ", "Verdicts on {n} claims: ", n).format(n=n)), classes=["fc-verdicts"]
    )
    counts = [(r.name, sum(c.rating == r.name for c in event.claims)) for r in SCALE]
    for i, (rating, n) in enumerate((r, n) for r, n in counts if n):
        if i:
            verdicts += text(" ")
        # each rating links to its glossary entry (where the site has one): its first use on the page
        what = _("What ‘{rating}’ means").format(rating=_(BY_NAME[rating].label)) if glossary else ""
        verdicts += link("term", rating, badge(rating), title=what) if glossary else badge(rating)
        verdicts += text(f" ×{n}")
    sec += verdicts
    if event.note:
        sec += para(strong(_("Editor’s note: ")), prose(corpus, event.note), classes=["fc-note"])
    claims = section(_("Claims ({n})").format(n=len(event.claims)), [f"claims-{event.id}"], classes=["fc-claims"])
    groups = claim_groups(corpus, event)
    for n, (heading, found) in enumerate(groups, start=1):
        if not heading:  # one plain list: no group heading
            for claim in found:
                claims += render_claim(corpus, claim, event)
            continue
        group = section(heading, [f"claims-{event.id}-{n}"], classes=["fc-claim-group"])
        for claim in found:
            group += render_claim(corpus, claim, event)
        claims += group
    sec += claims
    sec += fc_template("", template="search_filters.html", data=event_tags(corpus, event))
    sources = sorted({cit.source for c in event.claims for cit in c.citations})
    about = section(_("About this event"), [f"about-{event.id}"], classes=["fc-about"])
    about += field_list(
        [
            (_("When"), date_body(corpus, event)),
            (_("Where"), event.place),
            # A translated kind (the records' catalog) is shown as it is; an English one in readers' words.
            (_("Kind"), _(EVENT_KINDS[event.kind]) if event.kind in EVENT_KINDS else event.kind),
            *(
                [(_("Timeline"), para(_(PHASES[event.period.phase]), " — ", prose(corpus, event.period.basis)))]
                if event.period
                else []
            ),
            (_("Sources"), para(*_join([link("source", s, source_name(corpus.sources[s])) for s in sources]))),
        ]
    )
    sec += about
    return sec


def _join(items, sep=", "):
    out = []
    for i, item in enumerate(items):
        if i:
            out.append(text(sep))
        out.append(item)
    return out


def render_claim(corpus: Corpus, claim: Claim, event: Event | None = None) -> nodes.section:
    classes = ["fc-claim", f"fc-claim-{claim.rating}"] + (["fc-claim-retracted"] if claim.retracted else [])
    event = event or corpus.events[claim.event]
    card = section(claim.text, [claim.anchor], classes=classes)
    _english_if_not_translated(card[0], corpus, event, f"claims/{claim.id}/text")
    card += _notice(corpus, event, f"claims/{claim.id}/text")
    head = para(
        badge(claim.rating),
        " ",
        inline(_("Claimed by "), ["fc-by"]),
        strong(claimant_label(corpus, claim)),
        classes=["fc-claim-head"],
    )
    if claim.retracted:
        head.insert(0, inline(_("Retracted"), ["fc-badge", "fc-badge-retracted"]))
        head.insert(1, text(" "))
    card += head
    card.extend(render_dates(corpus, claim))
    if claim.figure is not None:
        f = claim.figure
        measure = corpus.measures.get(f.measure)
        p = para(
            strong(_("Figure: ")), inline(f.display(translate=True), ["fc-figure-value"]), ". ", classes=["fc-figure"]
        )
        p += text(_("Scope: {scope}. As of: {as_of}.").format(scope=f.scope, as_of=f.as_of or _("not stated")))
        if measure:
            p += text(" ")
            p += link("measure", measure.id, _("Compare all reports: {label}").format(label=measure.label))
        card += p
    for i, cit in enumerate(claim.citations):
        source = corpus.sources[cit.source]
        quote = nodes.block_quote(classes=["fc-quote"])
        quote["support_smartquotes"] = False  # verbatim: SmartQuotes must not retype it
        quote["ids"].append(claim.citation_anchor(i) + "-q")
        words = para(f"“{cit.quote}”")
        translated = _quote_translation(corpus, event, f"claims/{claim.id}/citations/{i}/quote")
        if getattr(corpus, "translations", None) is not None:
            words["classes"].append("language-en")  # the verbatim English, inside a page in another language
        quote += words
        if translated:
            quote += para(
                inline(_("Translation: "), ["fc-translation-label"]), translated, classes=["fc-quote-translation"]
            )
        attribution = nodes.attribution()
        attribution += link(
            "source",
            cit.source,
            _("{source}, line {line}").format(source=source_name(source), line=cit.line),
            fragment=claim.citation_anchor(i),
            title=_("Read the passage in the full source text"),
        )
        quote += attribution
        card += quote
    card += _english_if_not_translated(
        para(strong(_("Why this rating: ")), prose(corpus, claim.rationale), classes=["fc-rationale"]),
        corpus,
        event,
        f"claims/{claim.id}/rationale",
        notice=True,
    )
    if len({c.source for c in claim.citations}) > 1:
        card += placeholder("claim-origins", claim.id)
    card += placeholder("claim-disputes", claim.id)
    if claim.note:
        card += para(strong(_("Note: ")), prose(corpus, claim.note), classes=["fc-note"])
    card.extend(render_corrections(corpus, claim))
    return card


# -- the page in another language: which texts are translated --------------------------------

# What a reader is told where a text is shown in English (tooling/translations.py's statuses).
FALLBACK_NOTICE = {
    MISSING: N_("Shown in English: not translated yet."),
    OUTDATED: N_("Shown in English: the translation is out of date (the English changed since)."),
}


def _status(corpus: Corpus, event: Event, context: str) -> str | None:
    translations = getattr(corpus, "translations", None)
    return None if translations is None else translations.of(event.yaml_path, context)


def _quote_translation(corpus: Corpus, event: Event, context: str) -> str | None:
    translations = getattr(corpus, "translations", None)
    return None if translations is None else translations.quote(event.yaml_path, context)


def _notice(corpus: Corpus, event: Event, context: str) -> list[nodes.Node]:
    st = _status(corpus, event, context)
    if st not in FALLBACK_NOTICE:
        return []
    return [para(_(FALLBACK_NOTICE[st]), classes=["fc-translation-notice", f"fc-translation-{st}"])]


def _english_if_not_translated(node, corpus: Corpus, event: Event, context: str, notice: bool = False):
    """Marks ``node`` as English (``lang="en"``) where its translation is missing or outdated;
    with ``notice``, returns it with the reader's notice after it."""
    if _status(corpus, event, context) in FALLBACK_NOTICE:
        node["classes"].append("language-en")
    return [node, *_notice(corpus, event, context)] if notice else node


def _translation_notices(corpus: Corpus, event: Event) -> list[nodes.Node]:
    """At the top of an event page in another language: what of it is still English, and
    that the translation is not yet reviewed (when it is not)."""
    contexts = ["title", "summary"] + [f"claims/{c.id}/text" for c in event.claims]
    statuses = [_status(corpus, event, c) for c in contexts]
    if statuses[0] is None:
        return []
    out = []
    english = sum(s in FALLBACK_NOTICE for s in statuses)
    if english:
        out.append(
            para(
                ngettext(
                    "{n} text on this page is shown in English: its translation is missing or out of date.",
                    "{n} texts on this page are shown in English: their translation is missing or out of date.",
                    english,
                ).format(n=english),
                classes=["fc-translation-notice"],
            )
        )
    if any(s == UNREVIEWED for s in statuses):
        out.append(
            para(
                _("This page was translated by the team and has not been reviewed yet."),
                classes=["fc-translation-notice", "fc-translation-unreviewed"],
            )
        )
    return out


# -- aggregates on a claim card --------------------------------------------


def collect_origins(corpus: Corpus, claim_id: str):
    """The sources that carry the claim, grouped by origin (measured over every source's
    text).  Only the claim's own sources are named: a source that retells the same text
    but does not carry this claim does not confirm it."""
    claim = corpus.claims[claim_id]
    cited = {c.source for c in claim.citations}
    return [
        [Link("source", s, source_name(corpus.sources[s]), "origin") for s in group if s in cited]
        for group in origin_groups(claim, corpus)
    ]


def render_origins(groups, linker) -> list[nodes.Node]:
    words, term = (
        (_("one origin"), "origin")
        if len(groups) == 1
        else (_("{n} independent origins").format(n=len(groups)), "independent origin")
    )
    said = linker.reference(Link("term", term, words)) if "glossary" in linker.builder.env.found_docs else words
    p = para(strong(_("Carried by "), said, ": "), classes=["fc-origins"])
    for i, group in enumerate(groups):
        if i:
            p += text("; ")
        out = inline("", ["fc-origin-group"])
        out.extend(_join([linker.reference(s) for s in group], _(" and ")))
        if len(group) > 1:
            out += text(_(" (one text, retold)"))
        p += out
    return [p]


def collect_disputes(corpus: Corpus, claim_id: str):
    """The claims this one contradicts or is contradicted by, sorted by how the records settle them."""
    claim = corpus.claims[claim_id]
    linked = [
        corpus.claims[d]
        for d in dict.fromkeys(claim.contradicts + corpus.contradicted_by.get(claim.id, []))
        if d in corpus.claims
    ]
    # A contradiction the records settle is not a dispute: say which it is.
    if claim.rating == "inaccurate":
        groups = [(_("Settled by: "), linked)]
    else:
        groups = [
            (_("Disputed by: "), [c for c in linked if c.rating != "inaccurate"]),
            (
                _("Contradicts a claim the records show to be inaccurate: "),
                [c for c in linked if c.rating == "inaccurate"],
            ),
        ]
    return [(label, [claim_ref(c) for c in claims]) for label, claims in groups if claims]


def render_disputes(groups, linker) -> list[nodes.Node]:
    out = []
    for label, claims in groups:
        p = para(strong(label), classes=["fc-disputes"])
        if len(claims) == 1:
            p += linker.reference(claims[0])
            out.append(p)
            continue
        # several claims, each a sentence with its own full stop: one a line, not "strike.; The"
        out.append(p)
        items = nodes.bullet_list(classes=["fc-disputes-list"])
        for c in claims:
            items += nodes.list_item("", para(linker.reference(c)))
        out.append(items)
    return out


register("claim-origins", collect_origins, render_origins)
register("claim-disputes", collect_disputes, render_disputes)
