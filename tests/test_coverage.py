"""Editorial coverage: every number and name in the articles is recorded."""

from __future__ import annotations

from conftest import ROOT
from tooling.coverage import article_terms, uncovered
from tooling.validate import check


def _uncovered(claims_dir, root):
    corpus, problems = check(claims_dir, root)
    assert not problems, problems.report()
    skip = {s.id: {t.casefold() for t in s.not_recorded} for s in corpus.sources.values()}
    return corpus, uncovered(corpus, skip)


def test_every_number_and_name_in_the_real_sources_is_covered():
    corpus, missing = _uncovered(ROOT / "claims", ROOT)
    assert missing == [], "\n".join(map(str, missing))
    # The detector did look: the articles hold dozens of numbers and names.
    terms = [t for s in corpus.sources.values() for t in article_terms(s)]
    assert sum(t.kind == "number" for t in terms) > 30
    assert sum(t.kind == "name" for t in terms) > 50


def test_furniture_and_quoted_figures_are_not_flagged(site):
    corpus, missing = _uncovered(site / "claims", site)
    terms = {(t.source, t.text) for s in corpus.sources.values() for t in article_terms(s)}
    assert ("alpha", "12") in terms and ("alpha", "15") in terms  # article numbers are found
    assert ("alpha", "40") not in terms  # the teaser line is page furniture
    assert missing == []  # 12 and 15 lie inside quotes of claims with figures


def test_uncovered_number_is_flagged_until_recorded(site):
    # Drop the figure of the claim quoting "at least 15": the number is then uncovered.
    path = site / "claims/events/bridge-strike.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("    figure:")], encoding="utf-8")
    _, missing = _uncovered(site / "claims", site)
    assert [(t.source, t.kind, t.text, t.line) for t in missing] == [("alpha", "number", "15", 3)]
    # Marking it out of scope, with a reason, clears it.
    with open(site / "claims/sources/alpha_0001.yaml", "a", encoding="utf-8") as f:
        f.write("not_recorded:\n  - term: \"15\"\n    reason: test\n")
    _, missing = _uncovered(site / "claims", site)
    assert missing == []
