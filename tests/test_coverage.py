"""Editorial coverage: every number and name in the articles is recorded (a rule of make check)."""

from __future__ import annotations

from conftest import ROOT

from tooling.coverage import article_terms
from tooling.validate import check


def test_the_detector_looks_at_every_article():
    corpus, _ = check(ROOT / "claims", ROOT)
    # The articles hold dozens of numbers and names; the detector finds them.
    terms = [t for s in corpus.sources.values() for t in article_terms(s)]
    assert sum(t.kind == "number" for t in terms) > 30
    assert sum(t.kind == "name" for t in terms) > 50


def test_furniture_and_quoted_figures_are_not_flagged(site):
    corpus, problems = check(site / "claims", site)
    terms = {(t.source, t.text) for s in corpus.sources.values() for t in article_terms(s)}
    assert ("alpha", "12") in terms and ("alpha", "15") in terms  # article numbers are found
    assert ("alpha", "40") not in terms  # the teaser line is page furniture
    assert problems == []  # 12 and 15 lie inside quotes of claims with figures


def test_a_number_inside_a_quote_without_a_figure_is_not_recorded(site):
    # The monitor's claim keeps its quote but loses its figure: 15 is quoted, not recorded.
    path = site / "claims/events/bridge-strike.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("    figure:")], encoding="utf-8")
    _, problems = check(site / "claims", site)
    # At the number itself, in the text file (not at the YAML's first line).
    assert [(p.path, "'15'" in p.message) for p in problems] == [("claims/sources/alpha_0001.txt", True)]
    assert (problems[0].line, problems[0].col) == (3, 25)
