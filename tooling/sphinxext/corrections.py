"""Corrections shown to readers: on each claim, on one page, and as an Atom feed.

- :func:`render_history`: the "Published … · Updated …" line of a claim card,
  its retraction notice and its corrections, where the error was (the IFCN
  code's fifth principle);
- ``{fc-corrections}``: every correction and retraction of the site, newest
  first;
- :func:`write_feed`: ``corrections.atom`` (feedgen) in ``build-finished``,
  so readers and other fact-checkers can follow them.

Every date comes from the records, never from the build, so two builds of
the same records publish the same page bytes and the same feed.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes

from ..i18n import N_, _, ngettext
from ..names import source_name
from ..prose import plain
from ..ratings import BY_NAME
from ..records import Change, Claim, Corpus, Figure, Retraction, count, month_name
from .aggregates import register
from .common import claim_ref, claimant_name, para, prose, prose_data, strong, text
from .config import organization
from .domain import INDEX_PAGES, address
from .nodes import fc_template

PAGE = INDEX_PAGES["corrections"]
FEED = "corrections.atom"
FIELD_NAMES = {
    "rating": N_("Rating"),
    "text": N_("Claim"),
    "claimant": N_("Claimed by"),
    "citations": N_("Quoted passages"),
    "figure": N_("Figure"),
    "contradicts": N_("Disputes"),
}  # shown through _() on the pages; the feed keeps them English


def human_date(iso: str) -> str:
    """'2026-12-01' -> '1 December 2026', as readers write dates (in their language)."""
    y, m, d = (int(x) for x in iso.split("-"))
    return _("{day} {month} {year}").format(day=d, month=month_name(m), year=y)


def _value(corpus: Corpus, field: str, value, translate: bool = True) -> str:
    """A change's old or new value in words (the interface words in English for the feed)."""
    tr = _ if translate else str
    if value is None or value == []:  # a list emptied ("Disputes: … now none"), not "now ."
        return tr(NONE)
    if field == "rating":
        return tr(BY_NAME[value].label) if value in BY_NAME else str(value)
    if field == "claimant":
        return claimant_name(corpus, str(value))
    if field == "citations" and isinstance(value, list):
        parts = []
        for c in value:
            if isinstance(c, dict):
                src = corpus.sources.get(str(c.get("source")))
                parts.append(
                    f"{source_name(src) if src else tr(GONE_SOURCE)}: “{' '.join(str(c.get('quote', '')).split())}”"
                )
        return "; ".join(parts)
    if field == "figure" and isinstance(value, dict):
        # What it counts (the measure) is part of the figure: a change of measure
        # alone must show as a change.
        measure = corpus.measures.get(str(value.get("measure")))
        try:
            shown = Figure(**{k: v for k, v in value.items() if k in Figure.__dataclass_fields__}).display(translate)
        except (TypeError, KeyError, ValueError):
            shown = ", ".join(f"{k}: {v}" for k, v in value.items())
        shown += f" ({value['scope']})" if value.get("scope") else ""
        if measure:
            return tr(COUNTED_AS).format(figure=shown, measure=measure.label)
        return tr(COUNTED_UNDER_GONE).format(figure=shown)
    if field == "contradicts" and isinstance(value, list):
        # Quoted, as a changed text is: each claim text ends in its own full stop.
        return "; ".join(f"“{corpus.claims[i].text}”" if i in corpus.claims else str(i) for i in value)
    return f"“{value}”" if field == "text" else str(value)


# The words of a change, marked here: shown through _() on the pages, English in the feed.
NONE = N_("none")
GONE_SOURCE = N_("a source no longer in the records")
COUNTED_AS = N_("{figure}, counted as “{measure}”")
COUNTED_UNDER_GONE = N_("{figure}, counted under a measure no longer in the records")
CHANGE = N_("{field}: was {old}; now {new}.")


def change_words(corpus: Corpus, change: Change, translate: bool = True) -> str:
    """One change in words: in the reader's language on a page; ``translate=False``: English (the feed)."""
    tr = _ if translate else str
    field = FIELD_NAMES.get(change.field)
    return tr(CHANGE).format(
        field=tr(field) if field else change.field,
        old=_value(corpus, change.field, change.old, translate),
        new=_value(corpus, change.field, change.new, translate),
    )


def render_dates(corpus: Corpus, claim: Claim) -> list[nodes.Node]:
    """The top of a claim card: "Published … · Updated …", and a retraction notice first of all."""
    out: list[nodes.Node] = []
    # "on this site": beside a 2024 event, a bare "Published" date reads as the event's.
    dates = para(_("Published on this site {date}").format(date=human_date(claim.published)), classes=["fc-dates"])
    if claim.updated:
        dates += text(" · " + _("Updated {date}").format(date=human_date(claim.updated)))
        if claim.corrections:
            n = len(claim.corrections)
            dates += text(" " + ngettext("(see the correction below)", "(see the corrections below)", n))
    out.append(dates)
    if claim.retracted:
        out.append(
            para(
                strong(_("Retracted on {date}:").format(date=human_date(claim.retracted.date)) + " "),
                prose(corpus, claim.retracted.reason),
                classes=["fc-retracted-notice"],
            )
        )
    return out


def render_corrections(corpus: Corpus, claim: Claim) -> list[nodes.Node]:
    """The claim's corrections log, newest first, after its evidence and rationale."""
    out: list[nodes.Node] = []
    if claim.corrections:
        box = nodes.container(classes=["fc-corrections"])
        box["support_smartquotes"] = False  # old and new values are quoted as they were
        n = len(claim.corrections)
        box += para(strong(ngettext("Correction", "{n} corrections", n).format(n=n)), classes=["fc-corrections-head"])
        items = nodes.bullet_list()
        for c in reversed(claim.corrections):  # newest first, as on the corrections page
            item = nodes.list_item()
            item += para(strong(human_date(c.date) + ": "), prose(corpus, c.reason))
            changes = nodes.bullet_list(classes=["fc-changes"])
            for ch in c.changes:
                changes += nodes.list_item("", para(change_words(corpus, ch)))
            item += changes
            items += item
        box += items
        out.append(box)
    return out


@dataclass(frozen=True)
class Entry:
    """One line of the corrections log: a correction or a retraction of one claim."""

    date: str
    claim: Claim
    number: int  # 1-based index among the claim's corrections; 0 for the retraction
    reason: str
    changes: tuple[Change, ...]

    @property
    def retraction(self) -> bool:
        return self.number == 0

    def feed_id(self, namespace: str) -> str:
        """Stable across builds and hosts: derived from the claim and the entry's place in its log."""
        return uuid.uuid5(uuid.NAMESPACE_URL, f"{namespace}/{self.claim.id}/{self.number or 'retracted'}").urn


def entries(corpus: Corpus) -> list[Entry]:
    """Every correction and retraction, newest first (ties by claim id, for stable output)."""
    out = []
    for claim in corpus.claims.values():
        for i, c in enumerate(claim.corrections, 1):
            out.append(Entry(c.date, claim, i, c.reason, c.changes))
        if claim.retracted:
            r: Retraction = claim.retracted
            out.append(Entry(r.date, claim, 0, r.reason, ()))
    out.sort(key=lambda e: (e.date, e.claim.id, e.number), reverse=True)
    return out


def cause(e: Entry) -> tuple[int, str]:
    """What kind of correction an entry is, for grouping a day's log (order, heading).

    The main change decides: a rating change by its old and new rating, else a
    dispute's links, else a figure, else the wording, claimant or quotes."""
    if e.retraction:
        return (0, _("Claims withdrawn"))
    fields = {ch.field: ch for ch in e.changes}
    if "rating" in fields:
        ch = fields["rating"]
        old, new = (_(BY_NAME[v].label) if v in BY_NAME else str(v) for v in (ch.old, ch.new))
        return (1, _("Rating changed from {old} to {new}").format(old=old, new=new))
    if "contradicts" in fields:
        return (2, _("Disputes linked or unlinked"))
    if "figure" in fields:
        return (3, _("Figures corrected"))
    return (4, _("Wording, claimant or quotes corrected"))


COLLAPSE_AFTER = 5  # a group of more entries starts collapsed: the page stays scannable


def collect_log(corpus: Corpus, _arg: str) -> list[dict]:
    """``{fc-corrections}``: the site-wide log by day, newest first; each day's entries
    grouped by cause under the editors' plain summary of that day (claims/corrections.yaml)."""
    days: dict[str, dict[tuple[int, str], list[Entry]]] = {}
    for e in entries(corpus):
        days.setdefault(e.date, {}).setdefault(cause(e), []).append(e)
    out = []
    for date, groups in days.items():
        n = sum(len(g) for g in groups.values())
        claims = len({e.claim.id for g in groups.values() for e in g})
        out.append(
            {
                "date": human_date(date),
                "id": f"on-{date}",
                "summary": prose_data(corpus, corpus.batches.get(date)),
                "counts": _("{corrections} to {claims}, by cause").format(
                    corrections=count(n, "correction"), claims=count(claims, "claim")
                ),
                "groups": [
                    {
                        "title": title,
                        "n": count(len(g), "claim"),
                        "open": len(g) <= COLLAPSE_AFTER,
                        "entries": [
                            {
                                "claim": claim_ref(e.claim),
                                "reason": prose_data(corpus, e.reason),
                                "changes": [change_words(corpus, ch) for ch in e.changes],
                            }
                            for e in g
                        ],
                    }
                    for (_order, title), g in sorted(groups.items())
                ],
            }
        )
    return out


def render_log(log: list[dict], linker) -> list[nodes.Node]:
    if not log:
        return [para(_("No claim has been corrected or retracted since it was published."))]
    data = {"days": linker.resolve(log), "feed": "../" * linker.fromdocname.count("/") + FEED}
    return [fc_template("", template="corrections_log.html", data=data)]


register("corrections-log", collect_log, render_log)


def write_feed(app, corpus: Corpus, base: str) -> bytes:
    """The Atom feed of corrections; links are absolute when the base URL is known, else relative."""
    from feedgen.feed import FeedGenerator

    log = entries(corpus)
    namespace = app.config.html_title or app.config.project
    fg = FeedGenerator()
    fg.id(uuid.uuid5(uuid.NAMESPACE_URL, f"{namespace}/corrections").urn)
    fg.title(f"Corrections: {namespace}")
    fg.author({"name": organization(app.config)})
    fg.link(href=base + app.builder.get_target_uri(PAGE), rel="alternate")
    if base:
        fg.link(href=base + FEED, rel="self")
    fg.language("en")
    fg.subtitle("Every correction and retraction of a published claim, newest first.")
    # The feed's 'updated' is its newest entry's date: from the records, not the clock.
    newest = log[0].date if log else min((c.published for c in corpus.claims.values()), default="2000-01-01")
    fg.updated(_stamp(newest))
    for e in reversed(log):  # feedgen lists entries newest first when added oldest first
        fe = fg.add_entry()
        fe.id(e.feed_id(namespace))
        kind = "Retracted" if e.retraction else "Corrected"
        fe.title(f"{kind}: {e.claim.text}")
        docname, anchor = address(corpus, "claim", e.claim.id)
        fe.link(href=base + app.builder.get_target_uri(docname) + f"#{anchor}")
        fe.updated(_stamp(e.date))
        fe.published(_stamp(e.date))
        # The feed is a data export: its words stay English in every edition.
        summary = plain(e.reason, corpus) + "".join(f" {change_words(corpus, ch, translate=False)}" for ch in e.changes)
        fe.summary(summary)
    return fg.atom_str(pretty=True)


def _stamp(iso: str) -> datetime.datetime:
    y, m, d = (int(x) for x in iso.split("-"))
    return datetime.datetime(y, m, d, tzinfo=datetime.UTC)


def feed_path(outdir: str) -> Path:
    return Path(outdir) / FEED
