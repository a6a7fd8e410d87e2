"""The benchmark's own logic: how reader budgets are judged, and how it picks and groups pages.

These test the tooling on made-up measurements and mini page trees, not today's figures.
"""

from __future__ import annotations

import pytest

from tooling import bench, budgets, weight
from tooling.budgets import MET, MISSED, UNMEASURED

FIRST_VISIT = next(b for b in budgets.BUDGETS if b.site == "real" and b.what.startswith("First visit"))
PERFORMANCE = next(b for b in budgets.BUDGETS if b.site == "real" and "performance" in b.what)
AXE = next(b for b in budgets.BUDGETS if b.site == "real" and b.what.startswith("axe"))


def reader(lighthouse=None, visits=None, axe=None) -> dict:
    out = {}
    if visits is not None:
        out["every"] = {"visits": {page: {"total": kib * 1024} for page, kib in visits.items()}}
    if lighthouse is not None:
        out["lighthouse"] = {name: {"performance": score} for name, score in lighthouse.items()}
    if axe is not None:
        out["axe"] = {name: {"violations": n} for name, n in axe.items()}
    return out


def all_audited(score) -> dict:
    return dict.fromkeys(budgets.AUDITED, score)


def test_within_the_limit_on_every_page_is_met_and_names_the_worst_page():
    verdict = budgets.judge(FIRST_VISIT, reader(visits={"a.html": 40, "b.html": 59.9}), "real site")
    assert verdict.status == MET
    assert verdict.page == "b.html"
    assert "59.9 KiB (b.html)" in verdict.measured
    assert verdict.limit == "≤ 60.0 KiB"


def test_one_page_over_the_limit_is_not_met():
    verdict = budgets.judge(FIRST_VISIT, reader(visits={"a.html": 40, "b.html": 60.1}), "real site")
    assert verdict.status == MISSED
    assert verdict.page == "b.html"


def test_a_score_budget_is_judged_on_the_lowest_page():
    assert budgets.judge(PERFORMANCE, reader(lighthouse=all_audited(95)), "real site").status == MET
    scores = {**all_audited(99), "event": 94}
    verdict = budgets.judge(PERFORMANCE, reader(lighthouse=scores), "real site")
    assert (verdict.status, verdict.page, verdict.value) == (MISSED, "event", 94)


def test_no_browser_results_are_not_measured_never_met():
    for missing in (None, {}):
        verdict = budgets.judge(FIRST_VISIT, missing, "real site", "no browser measurement")
        assert verdict.status == UNMEASURED
        assert verdict.measured == "no browser measurement"


def test_a_tool_that_did_not_run_is_not_measured_even_when_others_did():
    # Chromium measured the weights, but Lighthouse was not installed (no "lighthouse" key).
    only_weights = reader(visits={"a.html": 10})
    assert budgets.judge(PERFORMANCE, only_weights, "real site").status == UNMEASURED
    assert budgets.judge(AXE, only_weights, "real site").status == UNMEASURED


def test_a_page_whose_run_failed_keeps_the_budget_from_being_met():
    scores = all_audited(100)
    del scores["source"]  # Lighthouse failed on the source page
    verdict = budgets.judge(PERFORMANCE, reader(lighthouse=scores), "real site")
    assert verdict.status == UNMEASURED
    assert "not measured: source" in verdict.measured


def test_a_miss_is_reported_even_when_another_page_was_not_measured():
    scores = {**all_audited(100), "home": 80}
    del scores["source"]
    assert budgets.judge(PERFORMANCE, reader(lighthouse=scores), "real site").status == MISSED


def test_zero_violations_is_met_and_one_is_not():
    assert budgets.judge(AXE, reader(axe=all_audited(0)), "real site").status == MET
    verdict = budgets.judge(AXE, reader(axe={**all_audited(0), "claims index": 1}), "real site")
    assert (verdict.status, verdict.page) == (MISSED, "claims index")


def test_large_budgets_are_not_measured_without_a_large_run():
    large, label, why = bench.large_size([{"n_events": 50}])
    assert large is None and "N = 50" in why
    everything_met = reader(lighthouse=all_audited(100), visits={"a.html": 1}, axe=all_audited(0))
    verdicts = budgets.judge_all(everything_met, None, label, why)
    large_ones = [v for v in verdicts if v.site == label]
    assert large_ones and all(v.status == UNMEASURED and v.measured == why for v in large_ones)
    assert {v.status for v in verdicts if v.site == "real site"} == {MET, UNMEASURED}  # vnu not given


def test_the_large_size_is_the_largest_run_when_big_enough():
    runs = [{"n_events": 100}, {"n_events": budgets.LARGE_N}]
    large, label, why = bench.large_size(runs)
    assert large is runs[-1] and label == f"N = {budgets.LARGE_N:,}" and why == ""


def test_every_budget_has_a_row_in_the_table():
    verdicts = budgets.judge_all(None, None, "N ≥ 2,000", "not run")
    lines = budgets.table(verdicts)
    assert len(lines) == 2 + 2 * len(budgets.BUDGETS)  # the English edition's and the Arabic one's
    assert all(line.endswith(f"| {UNMEASURED} |") for line in lines[2:])


def test_a_miss_stands_out_in_the_table():
    verdict = budgets.judge(FIRST_VISIT, reader(visits={"a.html": 70}), "real site")
    assert budgets.table([verdict])[2].endswith("| **NOT met** |")


@pytest.mark.parametrize(
    ("output", "seconds"),
    [("reading sources...\nsearch index (Pagefind): 0.4 s\nbuild succeeded.", 0.4), ("build succeeded.", None)],
)
def test_pagefind_time_is_read_from_the_build_output(output, seconds):
    assert bench.pagefind_seconds(output) == seconds


def page(path, body="", head=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")


def test_pages_in_different_folders_with_the_same_assets_are_one_group(tmp_path):
    page(tmp_path / "index.html", head='<link rel="stylesheet" href="_static/a.css"><link rel="next" href="x.html">')
    page(tmp_path / "events/e.html", head='<link rel="stylesheet" href="../_static/a.css">')
    page(
        tmp_path / "events/f.html", head='<link rel="stylesheet" href="../_static/a.css"><script src="../_static/b.js">'
    )
    assert weight.asset_set(tmp_path, "index.html") == {"/_static/a.css"}  # rel="next" is not fetched
    assert weight.asset_set(tmp_path, "events/e.html") == {"/_static/a.css"}
    assert weight.asset_set(tmp_path, "events/f.html") == {"/_static/a.css", "/_static/b.js"}


def test_the_sample_is_the_largest_page_of_each_folder_and_every_top_level_page(tmp_path):
    page(tmp_path / "index.html")
    page(tmp_path / "search.html")
    page(tmp_path / "events/small.html", "x")
    page(tmp_path / "events/large.html", " ".join(str(i) for i in range(3000)))  # larger even gzipped
    page(tmp_path / "claims/index.html")
    page(tmp_path / "_static/theme.html", "y" * 5000)  # the theme's, not a reader's page
    page(tmp_path / "pagefind/x.html", "z" * 5000)
    page(tmp_path / "pagefind-delta/x.html", "z" * 5000)
    assert bench.largest_per_folder(tmp_path) == ["claims/index.html", "events/large.html", "index.html", "search.html"]


def test_every_page_visits_one_page_per_asset_set_and_adds_each_pages_own_bytes(tmp_path, monkeypatch):
    css = '<link rel="stylesheet" href="/_static/a.css">'
    page(tmp_path / "a.html", "short", css)
    page(tmp_path / "b.html", " ".join(str(i) for i in range(2000)), css)
    page(tmp_path / "c.html", "other", css + '<script src="/_static/b.js"></script>')
    visited = []

    def fake_first_visits(root, pages):
        visited.extend(pages)
        return {
            p: {"page": weight.sent_bytes(root / p), "total": weight.sent_bytes(root / p) + 1000, "files": 2}
            for p in pages
        }

    monkeypatch.setattr(weight, "first_visits", fake_first_visits)
    every = weight.every_page(tmp_path, ["a.html", "b.html", "c.html"])
    assert sorted(visited) == ["a.html", "c.html"]  # b shares a's assets
    for name in ("a.html", "b.html", "c.html"):
        assert every[name]["total"] == weight.sent_bytes(tmp_path / name) + 1000
    assert every["b.html"]["visited"] == "a.html"


def test_the_machine_speed_reference_times_the_fixed_loop(monkeypatch):
    """The figure two tables are compared by grows with the work it times (ten times the loop)."""
    monkeypatch.setattr(bench, "REFERENCE_LOOP", 100_000)
    small = bench.cpu_reference(runs=3)
    monkeypatch.setattr(bench, "REFERENCE_LOOP", 1_000_000)
    assert bench.cpu_reference(runs=3) > 3 * small > 0


def test_the_synthetic_corpus_passes_every_check(tmp_path):
    """The bench builds it with the validator on: a new rule must not refuse it (as the house
    style once refused its measure labels, which held their ids, and, from the hundredth source
    on, its source labels, which read as source numbers)."""
    from tooling.synthetic import EVENTS_PER_SOURCE, write_corpus
    from tooling.validate import check

    write_corpus(tmp_path, 101 * EVENTS_PER_SOURCE)
    _, problems = check(tmp_path / "claims", tmp_path)
    assert not problems, problems.report()


def test_the_report_gives_the_arabic_editions_build_times():
    from tooling.bench import arabic_lines

    named = {"home": {"path": "index.html", "page": 1, "total": 2, "files": 3}}
    real = {"reader": {"ar": {"full_s": 4.25, "page_count": 86, "pages": named}}}
    large = [{"n_events": 2000, "reader": {"ar": {"full_s": 99.5, "page_count": 2754, "pages": named}}}]
    text = " ".join(arabic_lines(real, large))
    assert "the real site 4.2 s (86 pages)" in text and "N = 2,000 99.5 s (2,754 pages)" in text
    assert arabic_lines({}, []) == []
