"""Lists: the events (a table; the timeline is :mod:`.timeline`), the sources, and two lists
drawn from the code itself: the rating scale and the editorial rules.

The event and source lists are aggregates (:mod:`.aggregates`) drawn as
templates; the scale and the rules change only with the code (and so with
``env_version``), so they are rendered when the page is read.
"""

from __future__ import annotations

from docutils import nodes

from ..i18n import _
from ..names import source_name
from ..ratings import SCALE
from ..records import NOT_STATED, Corpus
from .aggregates import drawn_by, register
from .common import badge_data, para, rating_counts, strong
from .domain import Link
from .nodes import fc_template
from .state import RecordDirective


def collect_events(corpus: Corpus, _arg: str) -> list[dict]:
    return [
        {
            "when": _("{date} (editor’s inference)").format(date=e.inferred_date.display())
            if e.inferred_date
            else _("not dated"),
            "event": Link("event", e.id, e.title),
            "place": e.place,
            "counts": rating_counts(e.claims),
        }
        for e in corpus.events_in_order()
    ]


def collect_sources(corpus: Corpus, _arg: str) -> list[dict]:
    """The sources, those that retell one text side by side (one origin), each naming the others."""
    origins = corpus.origins

    def origin_key(s):
        members = origins.members(s.id)
        return (-len(members), members[0], s.id)

    return [
        {
            "source": Link("source", s.id, source_name(s)),
            "publisher": s.publisher or _(NOT_STATED),
            "file": s.text_name,
            "claims": len({c.id for c, _ in corpus.citations_by_source.get(s.id, [])}),
            "same_text": [
                Link("source", o, source_name(corpus.sources[o]), "origin")
                for o in origins.members(s.id)
                if o != s.id and o in corpus.sources
            ],
        }
        for s in sorted(corpus.sources.values(), key=origin_key)
    ]


register("event-list", collect_events, drawn_by("event_list.html"))
register("source-list", collect_sources, drawn_by("source_list.html"))


class RatingScaleDirective(RecordDirective):
    """The rating scale, from tooling/ratings.py (the one definition)."""

    def run(self):
        rows = [
            {
                "badge": badge_data(r.name),
                "value": r.value,
                "meaning": _(r.meaning),
                # Rating.rule, each condition in the reader's language
                "rule": "; ".join(_(c.says) for c in r.conditions) + ".",
            }
            for r in SCALE
        ]
        return [fc_template("", template="rating_scale.html", data=rows)]


class CodebookDirective(RecordDirective):
    """Every column of every CSV export, from tooling/exports.py (the one definition the
    exports are written from), with the allowed values the records' schema lists."""

    def run(self):
        from ..exports import CODEBOOKS, allowed_values
        from ..schema_check import schema

        books = [
            {
                "file": name,
                "id": name.replace(".", "-"),
                "columns": [
                    {"name": c.name, "type": c.type, "meaning": c.meaning, "allowed": allowed_values(c, schema())}
                    for c in columns
                ],
            }
            for name, columns in CODEBOOKS.items()
        ]
        return [fc_template("", template="codebook.html", data=books)]


class RulesDirective(RecordDirective):
    """The lists the validator runs: the records' integrity checks
    (tooling/integrity.py, ``{fc-rules} integrity``) or the editorial rules
    (tooling/rules.py, ``{fc-rules}``), each from its one list."""

    optional_arguments = 1

    def run(self):
        from ..integrity import CHECKS
        from ..rules import RULES

        rules = CHECKS if self.arguments and self.arguments[0] == "integrity" else RULES
        items = nodes.bullet_list(classes=["fc-rules"])
        for rule in rules:
            # The sentences are marked (N_) in tooling/rules.py and tooling/integrity.py.
            items += nodes.list_item("", para(strong(_(rule.says)), " ", _("(rule {name})").format(name=rule.name)))
        return [items]
