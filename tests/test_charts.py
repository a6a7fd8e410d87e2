"""The charts of contested figures (tooling/sphinxext/charts.py): scale, bounds, one mark per value.

These test the functions on made-up figures and on the records of the mini
site (tests/roots/basic), not on today's articles; tests/browser/test_charts.py
looks at the real pages.
"""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from conftest import ROOTS, build

from tooling.records import Citation, Claim, Figure
from tooling.sphinxext.charts import axis, chart_data, distinct, number_text, segments
from tooling.validate import check


def fig(qualifier="exact", value=None, lo=None, hi=None, unit="people", words=None) -> Figure:
    return Figure("bridge-deaths", qualifier, unit, "the bridge strike", None, value, lo, hi, amount_text=words)


def claim(cid: str, figure: Figure, claimant="ministry", sources=("alpha",)) -> Claim:
    cits = [Citation(s, "quote", line=1) for s in sources]
    return Claim(cid, "text", claimant, cits, "reported", "why", "bridge-strike", figure=figure)


@pytest.fixture(scope="module")
def corpus():
    c, problems = check(ROOTS / "basic" / "claims", ROOTS / "basic")
    assert not problems
    return c


# -- the scale --------------------------------------------------------------

NICE = {1, 2, 5}


def _mantissa(step: float) -> int:
    return round(step / 10 ** math.floor(math.log10(step) + 1e-9))


@pytest.mark.parametrize(
    "largest", [0.3, 1, 3, 4, 5, 9.5, 10, 12, 15, 27, 99, 100, 101, 255, 499, 500, 14_000, 300_000, 2.5e6]
)
def test_axis_starts_at_zero_and_ends_just_above_the_largest_value(largest):
    ax = axis(largest)
    ticks = ax.ticks()
    assert ticks[0] == 0
    assert ticks[-1] == ax.top
    assert largest < ax.top <= 1.5 * largest  # room for an open end, never a mostly empty axis
    assert _mantissa(ax.step) in NICE  # 1-2-5 steps
    assert 3 <= len(ticks) - 1 <= 5  # enough ticks to read, few enough to fit a phone
    gaps = {round(b - a, 9) for a, b in pairwise(ticks)}
    assert gaps == {round(ax.step, 9)}


def test_axis_for_values_near_27_does_not_run_to_500():
    assert axis(27).top == 30
    assert axis(4).top == 5
    assert axis(10).top == 15  # strictly above: "more than 10" needs room to fade
    assert axis(255).top == 300


def test_axis_of_nothing_but_zero_is_not_empty():
    ax = axis(0)
    assert ax.top > 0 and ax.ticks()[0] == 0


# -- bounds -------------------------------------------------------------------


def test_an_exact_value_is_one_plain_bar_from_zero():
    assert segments(fig(value=12), 20) == [("solid", 0.0, 60.0)]


@pytest.mark.parametrize("qualifier", ["at-least", "more-than"])
def test_an_open_bound_is_a_bar_to_the_number_then_an_open_end_to_the_axis_end(qualifier):
    assert segments(fig(qualifier, value=15), 20) == [("solid", 0.0, 75.0), ("open", 75.0, 25.0)]


def test_up_to_is_a_span_from_zero_not_a_value():
    assert segments(fig("up-to", value=72), 100) == [("span", 0.0, 72.0)]


def test_a_range_is_solid_to_its_low_end_and_a_span_to_its_high_end():
    assert segments(fig(lo=9, hi=10), 20) == [("solid", 0.0, 45.0), ("span", 45.0, 5.0)]


def test_the_qualifier_words_come_from_the_record():
    assert number_text(fig("at-least", value=27)) == "at least 27"
    assert number_text(fig("more-than", value=14000)) == "more than 14,000"
    assert number_text(fig(lo=9, hi=10)) == "9–10"
    assert number_text(fig(value=4)) == "4"


# -- one mark per distinct report ---------------------------------------------


def test_one_group_per_qualifier_and_number_whatever_the_unit():
    a = claim("a", fig(value=4, unit="people"), sources=("alpha",))
    b = claim("b", fig(value=4, unit="civilians"), claimant="monitor", sources=("beta",))
    c = claim("c", fig("at-least", value=4))
    d = claim("d", fig("unquantified", words="several"))  # no number: not drawable
    groups = distinct([c, a, d, b])
    assert [[x.id for x in g] for g in groups] == [["a", "b"], ["c"]]


def test_a_single_distinct_value_gets_no_chart(corpus):
    same = [claim("a", fig(value=12)), claim("b", fig(value=12), claimant="monitor", sources=("beta",))]
    assert chart_data(corpus, "bridge-deaths", same) is None
    assert chart_data(corpus, "bridge-deaths", [claim("c", fig("unquantified", words="many"))]) is None


def test_each_mark_lists_every_claimant_and_source_in_readers_words(corpus):
    claims = [
        claim("a", fig(value=12), sources=("alpha", "beta")),
        claim("b", fig(value=12, unit="civilians"), claimant="monitor", sources=("beta",)),
        claim("c", fig("at-least", value=15), claimant="monitor"),
    ]
    d = chart_data(corpus, "bridge-deaths", claims)
    assert [m["value"] for m in d["marks"]] == ["12", "at least 15 people"]
    twelve = d["marks"][0]
    assert [(r["claimant"], [s.label for s in r["sources"]]) for r in twelve["reporters"]] == [
        ("The Ministry", ["Alpha report", "Beta report"]),
        ("The Monitor", ["Beta report"]),
    ]
    # the wordings differ, so each reporter's is kept
    assert [r["wordings"] for r in twelve["reporters"]] == [["12 people"], ["12 civilians"]]
    assert twelve["sources"] == 2 and twelve["origins"] == corpus.origins.group_count({"alpha", "beta"})
    assert d["top"] == "20" and d["ticks"][0] == {"at": 0.0, "label": "0"}
    assert [s["kind"] for s in d["marks"][1]["segments"]] == ["solid", "open"]


def test_a_report_without_a_number_is_named_under_the_chart(corpus):
    claims = [
        claim("a", fig(value=12)),
        claim("b", fig("at-least", value=15), claimant="monitor"),
        claim("c", fig("unquantified", words="dozens"), claimant="monitor"),
    ]
    d = chart_data(corpus, "bridge-deaths", claims)
    assert len(d["marks"]) == 2
    assert d["undrawn"] == [{"value": "dozens of people", "claimant": "The Monitor"}]


# -- on a built page ------------------------------------------------------------


def test_the_figures_page_draws_the_chart_as_text_and_boxes(site):
    result = build(site)
    assert result.warnings == ""
    soup = result.soup("figures/index")
    chart = soup.select_one("figure.fc-chart")
    assert chart is not None and chart.select_one("figcaption").get_text().startswith("Deaths in the bridge strike")
    marks = chart.select("li.fc-chart-mark")
    assert [m.select_one(".fc-chart-value").get_text() for m in marks] == ["12 people", "at least 15 people"]
    # the ministry's 12 is one mark carrying both sources, linked to the passages
    links = marks[0].select("ul.fc-chart-who a")
    assert [a.get_text() for a in links] == ["Alpha report", "Beta report"]
    assert all("#cite-bridge-12-dead-" in a["href"] for a in links)
    assert marks[1].select_one(".fc-chart-open") is not None
    assert chart.select_one(".fc-chart-track")["aria-hidden"] == "true"
    assert chart.select(".fc-chart-tick")[-1].get_text() == "20"
