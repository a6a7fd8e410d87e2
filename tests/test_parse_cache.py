"""The validator's caches (parsed files, values derived from the texts) never change its answer.

A cached run must give the records and the problems a run from nothing gives,
after any edit; a file is parsed again exactly when its bytes changed; a file
with a problem is never kept; a damaged or foreign cache only costs time.
"""

from __future__ import annotations

import hashlib
import pickle

import pytest
from conftest import EV, SRC, add_source, edit

from tooling import coverage, yamlfile
from tooling.exports import to_json
from tooling.memo import Memo
from tooling.validate import check


def answer(site, cache=None):
    corpus, problems = check(site / "claims", site, cache=cache)
    return problems.report(), (to_json(corpus) if not problems else None)


@pytest.fixture
def parsed(monkeypatch):
    """The display paths of the files actually parsed (not taken from a cache)."""
    seen: list[str] = []
    build = yamlfile._Builder.build

    def counting(self, node, path):
        if path == ():
            seen.append(self.doc.path)
        return build(self, node, path)

    monkeypatch.setattr(yamlfile._Builder, "build", counting)
    return seen


def test_unchanged_files_are_not_parsed_again(site, tmp_path, parsed):
    cache = tmp_path / "parsed.pickle"
    first = answer(site, cache)
    assert len(parsed) >= 5  # every file, the first time
    parsed.clear()
    assert answer(site, cache) == first
    assert parsed == []
    edit(site, EV, "killed 12 people.", "killed 12 people, it said.")
    parsed.clear()
    assert answer(site, cache) == answer(site)
    assert parsed[0] == EV and len(set(parsed[:1])) == 1
    assert parsed.count(EV) == 2  # once with the cache, once in the run without it


def test_an_edit_that_breaks_a_cached_file_is_reported(site, tmp_path):
    cache = tmp_path / "parsed.pickle"
    assert answer(site, cache)[0] == ""
    edit(site, EV, "rating: corroborated", "rating: confirmed")
    report, _ = answer(site, cache)
    assert f"{EV}:19:13" in report and "confirmed" in report
    assert report == answer(site)[0]


def test_a_file_with_a_problem_is_never_kept(site, tmp_path, parsed):
    cache = tmp_path / "parsed.pickle"
    edit(site, EV, "title: Strike on the bridge", "title: Strike: on the bridge: twice")
    first = answer(site, cache)[0]
    assert "YAML syntax error" in first
    parsed.clear()
    assert answer(site, cache)[0] == first
    assert EV not in parsed  # a syntax error stops before building: parse attempted again, not cached
    with cache.open("rb") as f:
        _, entries, _ = pickle.load(f)
    assert EV not in entries and SRC in entries


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.write_bytes(b"not a pickle"),
        lambda p: p.write_bytes(pickle.dumps(("another version", {}, {}))),
        lambda p: p.write_bytes(pickle.dumps(["a list", "of the wrong shape"])),
        lambda p: p.write_bytes(p.read_bytes()[:100]),  # cut short, as by a killed build
    ],
    ids=["garbage", "other-version", "wrong-shape", "truncated"],
)
def test_a_damaged_or_foreign_cache_only_costs_time(site, tmp_path, spoil):
    cache = tmp_path / "parsed.pickle"
    expected = answer(site, cache)
    spoil(cache)
    assert answer(site, cache) == expected


def test_values_derived_from_a_text_follow_the_text(site, tmp_path, monkeypatch):
    """The origin groups and the coverage rule's terms are kept per text: a changed text recomputes them."""
    cache = tmp_path / "parsed.pickle"
    calls: list[str] = []
    terms = coverage.article_terms

    def counting(source):
        calls.append(source.id)
        return terms(source)

    monkeypatch.setattr(coverage, "article_terms", counting)
    answer(site, cache)
    assert sorted(calls) == ["alpha", "beta"]
    calls.clear()
    answer(site, cache)
    assert calls == []
    # A third text that retells alpha's: the groups and the unrecorded terms change.
    alpha = (site / "claims/sources/alpha_0001.txt").read_text(encoding="utf-8")
    add_source(site, "gamma", alpha + "\nGamma added 99 words about Kafr Example.\n")
    assert answer(site, cache) == answer(site)
    assert calls.count("gamma") == 2
    for name in ("gamma_0009.txt", "gamma_0009.yaml"):
        (site / "claims/sources" / name).unlink()
    answer(site, cache)
    calls.clear()
    answer(site, cache)
    assert calls == []  # kept again
    # A changed text (with its checksum): the same file name, a new number no record covers.
    text = alpha.replace("in the strike.\n\n", "in the strike.\nResidents counted 77 wounded.\n", 1)
    assert text != alpha
    (site / "claims/sources/alpha_0001.txt").write_text(text, encoding="utf-8")
    old_sha = hashlib.sha256(alpha.encode()).hexdigest()
    edit(site, SRC, old_sha, hashlib.sha256(text.encode()).hexdigest())
    cached = answer(site, cache)
    assert calls == ["alpha"]  # alpha's terms again, beta's kept
    assert "'77'" in cached[0] and cached == answer(site)


def test_memo_keeps_a_value_per_key():
    calls = []
    memo = Memo()
    assert memo.get(("k", "1"), lambda: calls.append(1) or "one") == "one"
    assert memo.get(("k", "1"), lambda: calls.append(1) or "other") == "one"
    assert memo.get(("k", "2"), lambda: calls.append(2) or "two") == "two"
    assert calls == [1, 2]
    later = Memo(memo.now)
    assert later.get(("k", "2"), lambda: "recomputed") == "two"
    assert later.get(("k", "3"), lambda: "three") == "three"
    assert len(later.now) == 2  # "k 1" was not asked for: the next run does not keep it
