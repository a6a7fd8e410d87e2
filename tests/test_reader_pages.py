"""What the reader-facing aggregates hold, on the mini site's records (not today's data):
the home page's key findings, an event's claim groups, and the paged lists."""

from __future__ import annotations

import re

import pytest
from conftest import ROOTS, build

from tooling.sphinxext import claims_index, domain, findings
from tooling.sphinxext.events import claim_groups
from tooling.sphinxext.pages import planned_pages
from tooling.validate import check


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = check(ROOTS / "basic" / "claims", ROOTS / "basic")
    assert not problems, problems.report()
    return corpus


class _Config:
    factcheck_pages: dict = {}


def test_a_dispute_is_listed_once_with_every_side(corpus):
    d = findings.collect_findings(corpus, "")["disputes"]
    contested = {c.id for c in corpus.claims.values() if c.rating == "contested"}
    assert d["total"] == 1  # the two contested claims contradict each other: one dispute
    (line,) = d["lines"]
    assert {s["claim"].name for s in line["sides"]} == contested
    assert line["event"].name == corpus.claims[next(iter(contested))].event


def test_each_list_is_one_rating_in_the_scales_own_words(corpus):
    from tooling.ratings import BY_NAME

    groups = findings.collect_findings(corpus, "")["groups"]
    for g in groups:
        rating = g["id"].removeprefix("findings-")
        assert g["explains"] == BY_NAME[rating].meaning
        assert {line["badge"]["label"] for line in g["lines"]} == {BY_NAME[rating].label}
        assert g["total"] == sum(c.rating == rating and not c.retracted for c in corpus.claims.values())


def test_lists_are_capped_and_link_to_the_whole_list(corpus, monkeypatch):
    monkeypatch.setattr(findings, "LIMIT", 0)
    d = findings.collect_findings(corpus, "")
    assert d["disputes"]["lines"] == [] and d["disputes"]["all"].objtype == "claims-page"
    assert all(g["lines"] == [] and g["shown"] == 0 < g["total"] for g in d["groups"])


def test_figures_that_differ_name_every_value_and_who_gave_it(corpus):
    figures = findings.collect_findings(corpus, "")["figures"]
    by_measure = corpus.figures_by_measure()
    for line in figures["lines"]:
        claims = by_measure[line["measure"].name]
        assert {r["value"] for r in line["reports"]} == {c.figure.display() for c in claims}


def test_the_home_events_are_the_dated_ones_in_date_order(corpus):
    d = findings.collect_home_events(corpus, "")
    dated = [e for e in corpus.events_in_order() if e.inferred_date]
    assert [line["event"].name for line in d["lines"]] == [e.id for e in dated][: findings.EVENTS_LIMIT]


def test_claims_that_contradict_each_other_are_one_group(corpus):
    event = corpus.events["town-withdrawal"]
    groups = claim_groups(corpus, event)
    heading, claims = groups[0]
    assert heading.startswith("Claims that contradict each other")
    assert {c.id for c in claims} == {"army-denies-withdrawal", "witnesses-soldiers-left"}
    assert sorted(c.id for _, cs in groups for c in cs) == sorted(c.id for c in event.claims)  # none lost


def test_figures_are_grouped_by_what_they_count(corpus):
    event = corpus.events["bridge-strike"]
    groups = claim_groups(corpus, event)
    measures = {c.figure.measure for c in event.claims if c.figure}
    figure_groups = [(h, cs) for h, cs in groups if h.startswith("Figures: ")]
    assert len(figure_groups) == len(measures)
    for heading, claims in figure_groups:
        assert len({c.figure.measure for c in claims}) == 1
        assert heading == f"Figures: {corpus.measures[claims[0].figure.measure].label}"


def test_the_claims_index_pages_and_rating_pages_hold_every_claim_once(corpus, monkeypatch):
    monkeypatch.setattr(claims_index, "CLAIMS_PAGE_SIZE", 1)
    corpus.__dict__.pop("_computed", None)  # the per-build cache of facets
    pages = claims_index.index_pages(corpus)
    shown = {}
    for facet, k, of in pages:
        d = claims_index.collect_index(corpus, f"{facet}:{k}")
        shown.setdefault(facet, []).extend(r["claim"].name for r in d["rows"])
        assert (d["pager"] is None) == (of == 1)
        current = [f for f in d["filters"] if f["current"]]
        if facet.startswith(domain.SOURCE_FACET):  # a source's claims: no rating filter is current
            assert current == []
            continue
        assert len(current) == 1 and current[0]["link"].name == f"{facet}:1"
    every = [c.id for e in corpus.events_in_order() for c in e.claims]
    assert shown["all"] == every
    for rating in {c.rating for c in corpus.claims.values()}:
        assert shown[rating] == [c for c in every if corpus.claims[c].rating == rating]
    for sid in corpus.sources:
        citing = [c for c in every if any(x.source == sid for x in corpus.claims[c].citations)]
        assert shown.get(domain.SOURCE_FACET + sid, []) == citing
    corpus.__dict__.pop("_computed", None)


def test_page_numbers_keep_first_last_and_neighbours():
    assert domain.page_numbers(1, 1) == [1]
    assert domain.page_numbers(5, 10) == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert domain.page_numbers(1, 4) == [1, 2, 3, 4]
    assert [domain.page_count(n, 25) for n in (0, 1, 25, 26)] == [1, 1, 1, 2]


def test_every_claims_and_figures_page_is_planned(corpus, monkeypatch):
    monkeypatch.setattr(claims_index, "CLAIMS_PAGE_SIZE", 1)
    monkeypatch.setattr(domain, "FIGURES_PAGE_SIZE", 1)
    corpus.__dict__.pop("_computed", None)
    planned = planned_pages(corpus, _Config())
    for facet, k, _ in claims_index.index_pages(corpus):
        assert f"{domain.claims_page(facet, k)}.md" in planned
    for k in range(1, len(corpus.measures) + 1):
        assert f"{domain.figures_page(k)}.md" in planned
    # each measure's address is the page it falls on
    for i, measure in enumerate(domain.measures_in_order(corpus), start=1):
        assert domain.address(corpus, "measure", measure.id) == (domain.figures_page(i), f"measure-{measure.id}")
    corpus.__dict__.pop("_computed", None)


def test_a_paged_site_builds_and_links_its_pages(tmp_path, monkeypatch):
    """The mini site with one claim and one measure a page: every page is built and linked."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(ROOTS / "basic", site)
    monkeypatch.setattr(claims_index, "CLAIMS_PAGE_SIZE", 1)
    monkeypatch.setattr(domain, "FIGURES_PAGE_SIZE", 1)
    result = build(site)
    assert result.warnings == "", result.warnings
    index = result.soup("claims/index")
    assert index.select_one(".fc-pager a[rel=next]")["href"] == "all-2.html"
    assert (result.outdir / "claims/all-2.html").is_file()
    figures = result.soup("figures/index")
    measures = len(check(site / "claims", site)[0].measures)
    links = [a.get_text() for a in figures.select(".fc-pager a")]
    assert links == [str(k) for k in range(2, measures + 1)]  # one measure a page: a link to each other page
    for k in range(2, measures + 1):
        assert (result.outdir / f"figures/page-{k}.html").is_file()


def test_a_passage_quoted_by_many_claims_lists_a_few_and_links_the_rest(site, builder, monkeypatch):
    """A source page does not grow with every claim that quotes it: each passage lists at most
    MAX_PER_PASSAGE claims and links the others, on the claims index's page for the source."""
    from conftest import TW, edit

    from tooling.sphinxext import sources

    monkeypatch.setattr(sources, "MAX_PER_PASSAGE", 1)
    edit(site, TW, "    contradicts: [army-denies-withdrawal]\n", "    contradicts: [army-denies-withdrawal]\n"
         "  - id: witnesses-again\n    published: \"2026-11-22\"\n    text: Witnesses said soldiers left the town.\n"
         "    claimant: witnesses\n    citations:\n      - source: beta\n"
         "        quote: \"Witnesses said soldiers left the town on Friday.\"\n"
         "    rating: unverified\n    rationale: The witnesses are not named.\n")  # fmt: skip
    result = builder(site)
    assert result.warnings == "", result.warnings
    page = result.soup("sources/beta")
    line = page.find(id="L3")
    assert len(line.select("sup.fc-cite-ref")) == 1  # one claim listed at the passage...
    more = line.select_one("sup.fc-cite-more a")
    assert more.get_text() == "+1" and more["href"] == "../claims/source-beta.html"  # ...and the other linked
    # Every citation keeps its anchor: claims still link to their passage.
    for claim in ("witnesses-soldiers-left", "witnesses-again"):
        assert page.find(id=f"cite-{claim}-1") is not None, claim
    assert "and 1 more claim" in line.select_one("mark")["title"]
    listed = {a["href"].split("#claim-")[1] for a in result.soup("claims/source-beta").select("a[href*='#claim-']")}
    assert {"witnesses-soldiers-left", "witnesses-again"} <= listed
    cited_by = page.find("a", string=re.compile(r"^\d+ claims$"))  # the "Cited by" field
    assert cited_by["href"] == "../claims/source-beta.html" and cited_by.get_text() == f"{len(listed)} claims"
