"""The ``fc`` domain: the site's objects, where each one lives, and links to them.

This module is the one place that knows page addresses.  Every record has a
fixed address derived from its id (an event's page is ``events/<id>``, a
claim is an anchor on its event's page, a measure an anchor on the figures
page), so the domain computes addresses from the records rather than
collecting them from pages: an address can never go stale.

- Pages link through the domain: directives put ``pending_xref`` nodes with
  ``refdomain="fc"`` in the doctree (:func:`xref`), Sphinx resolves them with
  :meth:`FactCheckDomain.resolve_xref`, and hand-written pages may use the
  same roles (``{fc:claim}`claim-id```).
- Content filled in after reading (:mod:`.aggregates`) links through
  :class:`Linker`, which asks the same :func:`address`.
- :meth:`FactCheckDomain.get_objects` lists every event, claim, source,
  claimant and measure, so Sphinx writes them to ``objects.inv`` and other
  Sphinx sites can link to a claim with intersphinx.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ..i18n import N_, _
from ..prose import record_name
from . import state

# The pages generated from the records: a folder per record kind and the
# lists of everything.  pages.py writes them; nothing else spells these names.
RECORD_FOLDERS = {"event": "events", "source": "sources", "claimant": "claimants"}
INDEX_PAGES = {
    "events": "events/index",
    "sources": "sources/index",
    "claims": "claims/index",
    "claimants": "claimants/index",
    "figures": "figures/index",
    "corrections": "corrections/index",
}
GENERATED_DIRS = tuple(dict.fromkeys(page.split("/")[0] for page in INDEX_PAGES.values()))
OBJECT_TYPES = ("event", "claim", "source", "claimant", "measure")


# The claims index is paged, and each rating has its own pages: a filter is an
# address (shareable, reset by going back to "all"), and no page grows with the corpus.
CLAIMS_PAGE_SIZE = 50


SOURCE_FACET = "source-"  # + a source id: the claims index's pages of the claims that cite it


def claims_page(facet: str = "all", page: int = 1) -> str:
    """The docname of one page of the claims index: every claim, or those with one rating."""
    if facet == "all" and page == 1:
        return INDEX_PAGES["claims"]
    return f"claims/{facet}" + (f"-{page}" if page > 1 else "")


# The figures page is paged too: each page holds FIGURES_PAGE_SIZE measures in
# full (chart and every report), in the order of their labels.  A measure's
# address is the page it falls on; with up to FIGURES_PAGE_SIZE measures every
# measure is on figures/index.
FIGURES_PAGE_SIZE = 25


def page_count(n_items: int, size: int) -> int:
    """How many pages of ``size`` items a list needs (one, even when empty)."""
    return max(1, -(-n_items // size))


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page links a pager shows: 1 … around the current page … last; None is a gap."""
    wanted = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out: list[int | None] = []
    for n in wanted:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


EXPORTS = "data"  # the folder of the site's data files
FILTERED = "claims"  # data/claims/: the claims of one filter page (a rating, a claimant), as CSV and JSON


def download_links(name: str) -> dict:
    """The CSV and JSON of one filter page's claims, addressed from that page (one folder deep:
    claims/, claimants/), and the codebook that explains their columns."""
    links: dict = {kind: f"../{EXPORTS}/{FILTERED}/{name}.{kind}" for kind in ("csv", "json")}
    links["codebook"] = Link("codebook", "columns", _("what each column means"))
    return links


def figures_page(page: int = 1) -> str:
    """The docname of one page of the figures."""
    return INDEX_PAGES["figures"] if page == 1 else f"figures/page-{page}"


def is_contested(claims) -> bool:
    """Reports differ: different numbers, or a number beside a bound of another kind."""
    return len({(c.figure.low, c.figure.high) for c in claims}) > 1


def measure_status(claims) -> tuple[int, str]:
    """How a measure's reports compare, as (rank, words): what differs first on the figures pages."""
    if not claims:
        return (4, N_("No reports"))  # the words: marked N_, shown through _() (figures.py)
    if is_contested(claims):
        return (0, N_("Reports differ"))
    if len({c.figure.qualifier for c in claims}) > 1:
        return (1, N_("Reports give the same number, bounded differently"))  # "at least 4" beside "4"
    if len(claims) == 1 and len(claims[0].citations) == 1:
        return (3, N_("One report only"))  # nothing to agree or differ with
    return (2, N_("Reports agree"))


def measures_in_order(corpus) -> list:
    """The measures in the order the figures pages show them: those whose reports differ
    first, then those that agree, then single reports; by label within each."""
    cache = state.cache(corpus)
    if "measures-in-order" not in cache:
        groups = corpus.figures_by_measure()
        cache["measures-in-order"] = sorted(
            corpus.measures.values(),
            key=lambda m: (measure_status(groups.get(m.id, []))[0], m.label.casefold(), m.id),
        )
        cache["measure-page"] = {m.id: i // FIGURES_PAGE_SIZE + 1 for i, m in enumerate(cache["measures-in-order"])}
    return cache["measures-in-order"]


def figures_page_count(corpus) -> int:
    return page_count(len(corpus.measures), FIGURES_PAGE_SIZE)


def measures_on_page(corpus, page: int) -> list:
    return measures_in_order(corpus)[(page - 1) * FIGURES_PAGE_SIZE : page * FIGURES_PAGE_SIZE]


def measure_page(corpus, measure_id: str) -> int:
    measures_in_order(corpus)
    return state.cache(corpus)["measure-page"][measure_id]


def record_page(kind: str, rid: str) -> str:
    """The docname of one record's own page."""
    return f"{RECORD_FOLDERS[kind]}/{rid}"


# The captured texts, byte for byte, for readers to download (publish.py copies
# them).  The leading underscore keeps the folder apart from every page: no
# record id can start with one, so no source page can be called "_captures".
CAPTURES_DIR = f"{RECORD_FOLDERS['source']}/_captures"


def capture_file(text_name: str) -> str:
    """Where a source's captured text is published, relative to the output folder."""
    return f"{CAPTURES_DIR}/{text_name}"


def address(corpus, objtype: str, name: str) -> tuple[str, str] | None:
    """(docname, anchor) of an object, or None if the records hold no such object."""
    if objtype in ("event", "source", "claimant"):
        table = {"event": corpus.events, "source": corpus.sources, "claimant": corpus.claimants}[objtype]
        return (record_page(objtype, name), "") if name in table else None
    if objtype == "claim":
        claim = corpus.claims.get(name)
        return (record_page("event", claim.event), claim.anchor) if claim else None
    if objtype == "measure":
        return (figures_page(measure_page(corpus, name)), f"measure-{name}") if name in corpus.measures else None
    if objtype == "figures-page":  # "k", a page of the figures
        return (figures_page(int(name)), "")
    if objtype == "claims-page":  # "facet:page", a page of the claims index
        facet, _sep, page = name.partition(":")
        return (claims_page(facet, int(page or 1)), "")
    if objtype == "term":  # a glossary term ({term}`origin` in editors' prose): Sphinx's own anchor
        return ("glossary", nodes.make_id("term-" + name))
    if objtype == "codebook":  # what each column of the data files means (docs/data.md)
        return ("data", "codebook")
    if objtype == "page":  # one of the lists of everything, by its key in INDEX_PAGES
        return (INDEX_PAGES[name], "") if name in INDEX_PAGES else None
    return None


def display_name(corpus, objtype: str, name: str) -> str:
    """What a link to the object says when the writer gave no title: its title, text or label."""
    return record_name(corpus, objtype, name)


class Link(NamedTuple):
    """A link to an object, before it has a URL: what aggregates collect.

    ``fragment`` replaces the object's own anchor (a line of a source text,
    one cited passage); ``title`` is the tooltip.
    """

    objtype: str
    name: str
    label: str
    fragment: str = ""
    title: str = ""


class Href(NamedTuple):
    """A :class:`Link` with its URL, relative to the page it is shown on."""

    href: str
    label: str
    title: str = ""


class Fields(dict):
    """A dict whose keys read as attributes too.

    Templates write ``row.claim``; on a plain dict Jinja first tries the
    attribute, catches the AttributeError, then the key: for a table of
    thousands of rows that was most of the time to draw it.
    """

    __slots__ = ()

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Linker:
    """Resolves links for one page being written."""

    def __init__(self, builder, fromdocname: str, corpus):
        self.builder = builder
        self.fromdocname = fromdocname
        self.corpus = corpus
        self._uris: dict[str, str] = {}

    def uri(self, objtype: str, name: str, fragment: str = "") -> str:
        where = address(self.corpus, objtype, name)
        if where is None:
            raise KeyError(f"no {objtype} '{name}' in the records")
        docname, anchor = where
        if docname not in self._uris:
            self._uris[docname] = (
                "" if docname == self.fromdocname else self.builder.get_relative_uri(self.fromdocname, docname)
            )
        anchor = fragment or anchor
        return (self._uris[docname] + (f"#{anchor}" if anchor else "")) or "#"

    def file_uri(self, path: str) -> str:
        """A published file that is not a page (``path`` relative to the output folder), from this page."""
        return relative_uri(self.builder.get_target_uri(self.fromdocname), quote(path))

    def href(self, link: Link) -> Href:
        return Href(self.uri(link.objtype, link.name, link.fragment), link.label, link.title)

    def reference(self, link: Link, classes=()) -> nodes.reference:
        ref = nodes.reference(
            "",
            "",
            nodes.Text(link.label),
            internal=True,
            refuri=self.uri(link.objtype, link.name, link.fragment),
            classes=list(classes),
        )
        if link.title:
            ref["reftitle"] = link.title
        return ref

    def resolve(self, data):
        """``data`` with every Link replaced by its Href (lists, tuples and dicts walked)."""
        if isinstance(data, Link):
            return self.href(data)
        if isinstance(data, dict):
            return Fields({k: self.resolve(v) for k, v in data.items()})
        if isinstance(data, (list, tuple)) and not isinstance(data, Href):
            return [self.resolve(v) for v in data]
        return data


def xref(objtype: str, name: str, label, fragment: str = "", title: str = "", classes=()) -> addnodes.pending_xref:
    """A link written while a page is read; Sphinx resolves it through the domain."""
    content = nodes.inline("", "", nodes.Text(label) if isinstance(label, str) else label)
    node = addnodes.pending_xref(
        "",
        content,
        refdomain="fc",
        reftype=objtype,
        reftarget=name,
        refexplicit=True,
        refwarn=True,
        fc_fragment=fragment,
        fc_title=title,
    )
    node["classes"].extend(classes)
    return node


class FactCheckDomain(Domain):
    name = "fc"
    label = "Fact-check records"
    object_types = {t: ObjType(t, t) for t in OBJECT_TYPES}
    roles = {t: XRefRole(innernodeclass=nodes.inline, warn_dangling=True) for t in OBJECT_TYPES}
    initial_data: dict = {}
    data_version = 1

    def clear_doc(self, docname: str) -> None:
        pass  # nothing is collected from pages: addresses come from the records

    def merge_domaindata(self, docnames, otherdata) -> None:
        pass

    def _corpus(self):
        return state.get(self.env.srcdir)

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        where = address(self._corpus(), typ, target)
        if where is None:
            return None
        docname, anchor = where
        anchor = node.get("fc_fragment") or anchor
        if not node.get("refexplicit"):  # {fc:claim}`id`: show the record's own words, not its id
            contnode = nodes.inline("", display_name(self._corpus(), typ, target), classes=["fc-xref"])
        ref = make_refnode(builder, fromdocname, docname, anchor, contnode, node.get("fc_title") or None)
        ref["classes"].extend(node.get("classes", []))
        return ref

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        out = []
        for typ in OBJECT_TYPES:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                out.append((f"fc:{typ}", ref))
        return out

    def get_objects(self):
        corpus = self._corpus()
        tables = {
            "event": corpus.events,
            "claim": corpus.claims,
            "source": corpus.sources,
            "claimant": corpus.claimants,
            "measure": corpus.measures,
        }
        for objtype, table in tables.items():
            for name in sorted(table):
                docname, anchor = address(corpus, objtype, name)
                yield name, display_name(corpus, objtype, name), objtype, docname, anchor, 1
