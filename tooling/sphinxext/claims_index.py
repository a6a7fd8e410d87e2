"""The claims index: ``{fc-claims-index} FACET:PAGE``, one page of every
claim, or of the claims with one rating (a claimant's claims are on its page:
:mod:`.claimants`).

The index is paged (``domain.CLAIMS_PAGE_SIZE`` claims a page) and each rating
has its own pages, so a filter is an address: it can be shared and bookmarked,
"All" resets it, each filter shows its count, no JavaScript is needed, and no
page grows with the corpus.  One claimant's claims are on the claimant's page,
one event's on the event's.  Every list is an aggregate (:mod:`.aggregates`)
drawn as a template (templates/claims_table.html).
"""

from __future__ import annotations

from ..i18n import N_, _
from ..names import claimant_short, source_name
from ..ratings import BY_NAME, SCALE
from ..records import Claim, Corpus
from . import state
from .aggregates import drawn_by, register
from .common import badge_data, claim_ref
from .corrections import human_date
from .domain import CLAIMS_PAGE_SIZE, SOURCE_FACET, Link, download_links, page_count, page_numbers


def correction_status(claim) -> dict | None:
    """A retraction or the latest correction, beside the rating: the table must not hide either."""
    if claim.retracted:
        return {"retracted": True, "date": human_date(claim.retracted.date)}
    if claim.corrections:
        return {"retracted": False, "date": human_date(claim.updated)}
    return None


def _rows(corpus: Corpus, claims, with_claimant: bool) -> list[dict]:
    # Row stripes and separators are decided here: a Jinja ``loop`` variable
    # costs an object per row, a fifth of the time to draw the claims index.
    return [
        {
            "stripe": ("row-even", "row-odd")[i % 2],
            "claim": claim_ref(c),
            "rating": badge_data(c.rating),
            "status": correction_status(c),
            "claimant": Link("claimant", c.claimant, claimant_short(corpus, c)) if with_claimant else None,
            "event": Link("event", c.event, corpus.events[c.event].title),
            "sources": [
                Link("source", sid, source_name(corpus.sources[sid]))
                for sid in dict.fromkeys(x.source for x in c.citations)
            ],
        }
        for i, c in enumerate(claims)
    ]


HEADERS = [N_("Claim"), N_("Rating"), N_("Claimant"), N_("Event"), N_("Sources")]  # shown through _()


def facets(corpus: Corpus) -> dict[str, list[Claim]]:
    """'all' and each rating used -> its claims, in the timeline's order."""
    cache = state.cache(corpus)
    if "claim-facets" not in cache:
        claims = [c for e in corpus.events_in_order() for c in e.claims]
        out = {"all": claims}
        for r in SCALE:
            mine = [c for c in claims if c.rating == r.name]
            if mine:
                out[r.name] = mine
        cache["claim-facets"] = out
    return cache["claim-facets"]


def source_facets(corpus: Corpus) -> dict[str, list[Claim]]:
    """'source-<id>' -> the claims citing that source, in the timeline's order: where a source
    page's "and N more" leads, so the source page itself stays small however often it is cited."""
    cache = state.cache(corpus)
    if "source-facets" not in cache:
        claims = [c for e in corpus.events_in_order() for c in e.claims]
        out = {}
        for sid in sorted(corpus.sources):
            mine = [c for c in claims if any(x.source == sid for x in c.citations)]
            if mine:
                out[SOURCE_FACET + sid] = mine
        cache["source-facets"] = out
    return cache["source-facets"]


def all_facets(corpus: Corpus) -> dict[str, list[Claim]]:
    """Every list of claims with its own pages: all, each rating, each cited source."""
    return {**facets(corpus), **source_facets(corpus)}


def index_pages(corpus: Corpus) -> list[tuple[str, int, int]]:
    """Every page of the index: (facet, page, pages)."""
    out = []
    for facet, claims in all_facets(corpus).items():
        pages = page_count(len(claims), CLAIMS_PAGE_SIZE)
        out += [(facet, k, pages) for k in range(1, pages + 1)]
    return out


def facet_title(facet: str, corpus: Corpus | None = None) -> str:
    if facet.startswith(SOURCE_FACET) and corpus is not None:
        source = corpus.sources.get(facet.removeprefix(SOURCE_FACET))
        return _("Claims citing {source}").format(source=source_name(source)) if source else _("Claims citing a source")
    return _("All claims") if facet == "all" else _("Claims rated {rating}").format(rating=_(BY_NAME[facet].label))


def collect_index(corpus: Corpus, arg: str) -> dict:
    facet, _sep, page_text = (arg or "all:1").partition(":")
    page = int(page_text or 1)
    every = facets(corpus)  # the rating filters; a source's claims are reached from its page
    claims = all_facets(corpus).get(facet, [])
    pages = page_count(len(claims), CLAIMS_PAGE_SIZE)
    first = (page - 1) * CLAIMS_PAGE_SIZE

    def to(n: int, label: str) -> Link:
        return Link("claims-page", f"{facet}:{n}", label)

    filters = [
        {
            "link": Link("claims-page", f"{name}:1", _("All") if name == "all" else _(BY_NAME[name].label)),
            "count": len(mine),
            "current": name == facet,
            "cls": "" if name == "all" else badge_data(name)["cls"],
        }
        for name, mine in every.items()
    ]
    shown = claims[first : first + CLAIMS_PAGE_SIZE]
    return {
        "filters": filters,
        "facet": facet_title(facet, corpus),
        "range": {"first": first + 1 if shown else 0, "last": first + len(shown), "total": len(claims)},
        "pager": None
        if pages == 1
        else {
            "page": page,
            "pages": pages,
            "prev": to(page - 1, _("Previous")) if page > 1 else None,
            "next": to(page + 1, _("Next")) if page < pages else None,
            "numbers": [None if n is None else (n, to(n, str(n))) for n in page_numbers(page, pages)],
        },
        "summary": None,
        "downloads": download_links(facet),
        "headers": [_(h) for h in HEADERS],
        "rows": _rows(corpus, shown, True),
    }


register("claims-index", collect_index, drawn_by("claims_table.html"))
