"""The charts of contested figures on the real figures page, at a phone's and a desktop's width.

What the page should show is taken from the records through the tooling
(charts.distinct), so these tests follow the data; what they measure is the
page as Chromium lays it out.  Only our own elements (fc-*) are selected.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from conftest import ROOT

from tooling.records import format_number
from tooling.sphinxext.charts import distinct
from tooling.sphinxext.domain import measures_on_page
from tooling.validate import check

WIDTHS = [375, 1280]
PAGE = "figures/index.html"


@pytest.fixture(scope="module")
def charted() -> dict[str, list]:
    """measure id -> its distinct reports, for every measure that gets a chart."""
    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems
    # The charts of the first figures page (the one these tests open); the others are alike.
    first_page = {m.id for m in measures_on_page(corpus, 1)}
    groups = {m: distinct(cs) for m, cs in corpus.figures_by_measure().items() if m in first_page}
    return {m: g for m, g in groups.items() if len(g) >= 2}


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def narrow_or_wide(request, browser, server):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    pg.goto(f"{server}/{PAGE}")
    yield pg, request.param
    context.close()


# One pass over a chart: every box the reader sees, as the layout placed it.
LAYOUT = """(fig) => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom, w: r.width}; };
  const texts = [...fig.querySelectorAll('figcaption, p, li, a, .fc-chart-tick')].map((e) => ({
    cls: e.className || e.tagName, text: e.textContent.trim().slice(0, 60), box: box(e),
    overflow: e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline',
    size: parseFloat(getComputedStyle(e).fontSize) }));
  const marks = [...fig.querySelectorAll('li.fc-chart-mark')].map((m) => ({
    value: m.querySelector('.fc-chart-value').textContent,
    valueVisible: m.querySelector('.fc-chart-value').checkVisibility(),
    track: box(m.querySelector('.fc-chart-track')),
    segs: [...m.querySelectorAll('.fc-chart-track > span')].map((s) => ({kind: s.className, box: box(s)})) }));
  const ticks = [...fig.querySelectorAll('.fc-chart-tick')].map((t) => ({label: t.textContent, box: box(t)}));
  return {fig: box(fig), texts, marks, ticks, page: [document.documentElement.scrollWidth, window.innerWidth]};
}"""


def _number(label: str) -> float:
    return float(label.replace(",", ""))


def _layouts(pg, charted):
    out = {}
    for measure in charted:
        fig = pg.locator(f"#fc-chart-{measure}")
        assert fig.count() == 1, f"no chart for {measure}"
        out[measure] = fig.evaluate(LAYOUT)
    return out


def test_a_chart_for_every_measure_with_two_values_and_none_for_one(page, server, real_built, charted):
    page.goto(f"{server}/{PAGE}")
    drawn = sorted(page.eval_on_selector_all("figure.fc-chart", "fs => fs.map(f => f.id)"))
    assert drawn == sorted(f"fc-chart-{m}" for m in charted)
    if not drawn:
        pytest.skip("no measure of the first figures page has two different values")
    for measure, groups in charted.items():
        assert page.locator(f"#fc-chart-{measure} li.fc-chart-mark").count() == len(groups)


def test_no_text_overflows_its_box(narrow_or_wide, charted, artifacts):
    pg, width = narrow_or_wide
    for measure, lay in _layouts(pg, charted).items():
        pg.locator(f"#fc-chart-{measure}").screenshot(
            path=str(artifacts / "screenshots" / f"chart-{measure}-{width}.png")
        )
        fig = lay["fig"]
        assert fig["r"] <= width, (measure, fig)
        for t in lay["texts"]:
            where = (measure, width, t["text"])
            assert fig["l"] - 0.5 <= t["box"]["l"] and t["box"]["r"] <= fig["r"] + 0.5, where
            assert not t["overflow"], where
            assert t["size"] >= 12, where  # never below 12 px
        ticks = lay["ticks"]
        for a, b in pairwise(ticks):
            assert a["box"]["r"] < b["box"]["l"], (measure, width, a["label"], b["label"])  # labels apart
    assert lay["page"][0] <= lay["page"][1]  # the page itself does not scroll sideways


def test_axis_starts_at_zero_and_ends_within_twice_the_largest_value(narrow_or_wide, charted):
    pg, width = narrow_or_wide
    for measure, lay in _layouts(pg, charted).items():
        labels = [t["label"] for t in lay["ticks"]]
        largest = max(g[0].figure.high for g in charted[measure])
        top = _number(labels[-1])
        assert labels[0] == "0"
        assert largest < top <= 2 * largest, (measure, labels, largest)
        # Each bar ends where the axis puts its number (within 2 px).
        for mark, group in zip(lay["marks"], charted[measure], strict=True):
            f = group[0].figure
            track = mark["track"]
            ends = {s["kind"]: s["box"] for s in mark["segs"]}
            expect = track["l"] + track["w"] * f.high / top
            drawn_end = (ends.get("fc-chart-span") or ends["fc-chart-solid"])["r"]
            assert abs(drawn_end - expect) <= 2, (measure, width, mark["value"], drawn_end, expect)


def test_an_open_bound_is_labelled_and_drawn_open(narrow_or_wide, charted):
    pg, width = narrow_or_wide
    seen = []
    for measure, lay in _layouts(pg, charted).items():
        for mark, group in zip(lay["marks"], charted[measure], strict=True):
            f = group[0].figure
            kinds = {s["kind"]: s["box"] for s in mark["segs"]}
            if f.qualifier not in ("at-least", "more-than"):
                assert "fc-chart-open" not in kinds, (measure, mark["value"])
                continue
            words = "at least" if f.qualifier == "at-least" else "more than"
            assert mark["value"].startswith(f"{words} {format_number(f.value)}"), mark["value"]
            assert mark["valueVisible"]
            solid, open_end = kinds["fc-chart-solid"], kinds["fc-chart-open"]
            assert abs(open_end["l"] - solid["r"]) <= 1  # it continues the bar...
            assert open_end["w"] > 10 and abs(open_end["r"] - mark["track"]["r"]) <= 1  # ...to the axis end
            seen.append(words)
    if "at least" not in seen:
        pytest.skip("no 'at least' figure among the charted measures in today's records")
